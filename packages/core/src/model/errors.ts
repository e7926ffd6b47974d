/** Bad input the user can fix: the message is one line naming the file or API and what to do. Exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** The file, directory or API the error is about. */
  readonly subject: string | undefined;
  constructor(message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.subject = options.subject;
  }
}

/** The scan was stopped (Ctrl-C, an abort signal). */
export class ScanAbortedError extends Error {
  override readonly name = 'ScanAbortedError';
  constructor() {
    super('The scan was interrupted.');
  }
}

/** One line describing any thrown value, without a stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
