import { PathExclusion } from '../../files/path-exclusion.js';
import { ResultCache } from './hcl/cache/result-cache.js';
import { FileParser } from './hcl/parse/parse-files.js';
import type { TerraformOptions } from '../source.js';

/**
 * What the Terraform sources of one scan share: parsed files (a module several roots call is parsed once), the
 * cache of evaluated roots, and the exclusions.
 */
export class TerraformSession {
  readonly parser: FileParser;
  readonly cache: ResultCache | undefined;
  readonly exclusion: PathExclusion;

  constructor(options: TerraformOptions, root: string, signal?: AbortSignal) {
    this.parser = new FileParser(signal);
    this.cache = ResultCache.open(options.cacheDirectory, root);
    this.exclusion = new PathExclusion(options.exclude ?? []);
  }
}
