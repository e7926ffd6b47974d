import { ScanAbortedError } from '../../../../model/errors.js';
import { parseHclText } from './parse-hcl.js';
import type { ParsedFile, TerraformFileKind } from './parsed-file.js';
import { parseTerraformJson } from './json-config.js';

export interface ParseStatistics {
  /** Files parsed in this scan; a text read more than once (a module shared by several roots) counts once. */
  parsed: number;
}

/**
 * Parses files for one scan, each distinct text once: a local module that several roots call is read by each, and
 * parsed by the first. `.tf.json` files are read with a JSON reader.
 */
export class FileParser {
  readonly statistics: ParseStatistics = { parsed: 0 };
  private readonly memo = new Map<string, ParsedFile>();

  constructor(private readonly signal?: AbortSignal) {}

  /** Parses one file. */
  parse(kind: TerraformFileKind | 'tf.json', text: string): ParsedFile {
    if (this.signal?.aborted) throw new ScanAbortedError();
    const key = `${kind}\0${text}`;
    let result = this.memo.get(key);
    if (!result) {
      this.statistics.parsed++;
      result = kind === 'tf.json' ? parseTerraformJson(text) : parseHclText(kind, text);
      this.memo.set(key, result);
    }
    return result;
  }
}
