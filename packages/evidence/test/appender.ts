import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanInsecure } from './support.js';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'append-child.mjs');
const running = new Set<ReturnType<typeof spawn>>();

/** Kills every appender still running (call it in afterEach). */
export function killAppenders(): void {
  for (const process of running) process.kill('SIGKILL');
  running.clear();
}

/** Starts an appender process; resolves with what it appended, or with its exit signal when it was killed. */
export function runAppender(options: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): { done: Promise<{ appended: { seq: number; sha256: string; attempts: number }[]; signal: string | null }>; kill: () => void } {
  const process = spawn(globalThis.process.execPath, [child, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'], env });
  running.add(process);
  let stdout = '';
  let stderr = '';
  process.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  process.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ appended: { seq: number; sha256: string; attempts: number }[]; signal: string | null }>((resolve, reject) => {
    process.once('exit', (code, signal) => {
      running.delete(process);
      if (signal) resolve({ appended: [], signal });
      else if (code === 0) resolve({ appended: JSON.parse(stdout) as { seq: number; sha256: string; attempts: number }[], signal: null });
      else reject(new Error(`appender exited with ${code}: ${stderr}`));
    });
  });
  return { done, kill: () => process.kill('SIGKILL') };
}

/** The insecure example's scan result in a file the appender processes read. */
export async function scanFile(directory: string): Promise<string> {
  const file = path.join(directory, 'scan.json');
  writeFileSync(file, JSON.stringify(await scanInsecure()));
  return file;
}

