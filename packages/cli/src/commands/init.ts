import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, configFileNames } from '@trustscan/core';
import type { InitCommand } from '../cli.js';
import type { Io } from '../io.js';
import { githubWorkflow, starterConfig } from '../starter-files.js';

const workflowFile = '.github/workflows/trustscan.yml';

/**
 * Runs `trustscan init`: writes a commented `trustscan.config.yaml` and, with `--github`, the workflow that runs the
 * trustscan action. An existing file (or a config under another of its names) is never overwritten without
 * `--force`: that is an input error, and nothing is written.
 */
export async function runInit(command: InitCommand, io: Io): Promise<number> {
  const files: [name: string, text: string][] = [['trustscan.config.yaml', starterConfig], ...(command.github ? [[workflowFile, githubWorkflow] as [string, string]] : [])];
  if (!command.force) {
    const taken = [...configFileNames, ...(command.github ? [workflowFile] : [])];
    for (const name of taken) {
      if (await exists(path.join(io.cwd, name))) throw new InputError(`${name} already exists; pass --force to overwrite it.`, { subject: name });
    }
  }
  for (const [name, text] of files) {
    const file = path.join(io.cwd, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    io.stdout.write(`Wrote ${name}\n`);
  }
  io.stdout.write(`Next: edit trustscan.config.yaml, then run \`trustscan scan\`${command.github ? `, and commit both files` : ''}.\n`);
  return 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
