import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, describeError, makeDirectories } from '@trustscan/core';
import type { Io } from './io.js';

/** Writes a report's text to its file (creating directories), or to standard output when no file is given. */
export async function writeOutput(text: string, output: string | undefined, format: string, io: Io): Promise<void> {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  const file = path.resolve(io.cwd, output);
  try {
    await makeDirectories(path.dirname(file));
    await writeFile(file, text);
  } catch (error) {
    throw new InputError(`${output}: cannot write the ${format} report (${describeError(error)}).`, { subject: output });
  }
}
