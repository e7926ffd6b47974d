/** Where a command reads its environment and writes its output; tests pass their own. */
export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Aborted on Ctrl-C. */
  readonly signal?: AbortSignal;
}

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** The process's own streams and environment. */
export function processIo(signal?: AbortSignal): Io {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, ...(signal ? { signal } : {}) };
}

/** Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org). */
export function useColor(stream: OutputStream, env: Io['env'], disabled = false): boolean {
  return !disabled && stream.isTTY === true && (env['NO_COLOR'] ?? '') === '';
}
