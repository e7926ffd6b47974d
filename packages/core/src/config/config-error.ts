import { InputError } from '../model/errors.js';

/** A mistake in the config file: the message names the file, the line and the field, e.g. `waivers[2].expires`. */
export class ConfigError extends InputError {
  readonly file: string;
  readonly line: number;
  readonly field: string;

  constructor(file: string, line: number, field: string, problem: string) {
    super(`${file}:${line}: ${field === '' ? '' : `${field}: `}${problem}${/[.?!]$/.test(problem) ? '' : '.'}`, { subject: `${file}:${line}` });
    this.file = file;
    this.line = line;
    this.field = field;
  }
}
