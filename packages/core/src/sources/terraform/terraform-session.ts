import { PathExclusion } from '../../files/path-exclusion.js';
import { ResultCache } from './hcl/cache/result-cache.js';
import { ModuleCallIndex } from './hcl/cache/module-call-index.js';
import { FileParser } from './hcl/parse/parse-files.js';
import { FileTexts } from './hcl/files/module-files.js';
import type { TerraformOptions } from '../source.js';

/**
 * What the Terraform sources of one scan share: files read and parsed (discovery and every root that calls a shared
 * module read it once), the cache of evaluated roots, and the exclusions.
 */
export class TerraformSession {
  readonly texts = new FileTexts();
  readonly parser: FileParser;
  readonly cache: ResultCache | undefined;
  readonly exclusion: PathExclusion;
  /** The module sources of every file discovery has seen, kept beside the result cache. */
  readonly moduleCalls: ModuleCallIndex;

  constructor(options: TerraformOptions, root: string, signal?: AbortSignal) {
    this.parser = new FileParser(signal);
    this.cache = ResultCache.open(options.cacheDirectory, root);
    this.exclusion = new PathExclusion(options.exclude ?? []);
    this.moduleCalls = ModuleCallIndex.open(this.cache?.directory);
  }
}
