import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Notification } from '../../../../model/finding.js';
import type { SyntaxFile } from '../../syntax/blocks.js';
import type { ModuleSource } from '../evaluate/services.js';
import { readModuleFiles, type FileTexts, type ReadOptions, type SourceFile } from '../files/module-files.js';
import type { InputLog } from '../files/input-log.js';
import { maxBracketDepth } from '../parse/nesting-limit.js';
import type { FileParser } from '../parse/parse-files.js';
import type { ParsedFile } from '../parse/parsed-file.js';
import type { ProviderRequirement } from '../../providers/provider-versions.js';
import { isLocalSource, readInstalledModules } from './installed-modules.js';
import { buildModuleConfig, type ModuleCallConfig, type ModuleConfig } from './module-config.js';

/** A parsed file of a loaded module, kept for inline waivers. */
export interface LoadedFile {
  readonly file: string;
  readonly syntax: SyntaxFile;
}

/** What a loader may be given beyond the root: a log of what it reads, excluded paths, the repository's bounds. */
export interface LoaderOptions {
  readonly log?: InputLog;
  /** Files already read in this scan. */
  readonly texts?: FileTexts;
  /** Whether an absolute path is excluded (`--exclude`): excluded files and module directories are not read. */
  readonly excluded?: (file: string, isDirectory: boolean) => boolean;
  /** The repository; a local module source that leads outside it is not read. */
  readonly repository?: string;
}

/**
 * Loads the root module and every module it can reach (local sources, and what `terraform init` installed), each
 * directory once, reading the files of one breadth-first level together.
 */
export class ModuleLoader {
  private readonly configs = new Map<string, ModuleConfig>();
  private readonly realPaths = new Map<string, string>();
  private readonly installed: ReadonlyMap<string, string>;
  private readonly reported = new Set<string>();
  /** Module calls whose registry or remote source `terraform init` has not installed, reported together. */
  private readonly notInstalled: { display: string; where: string; source: string }[] = [];
  readonly files: LoadedFile[] = [];
  fileCount = 0;

  constructor(
    private readonly rootDirectory: string,
    private readonly parser: FileParser,
    private readonly notifications: Notification[],
    private readonly relative: (file: string) => string,
    private readonly options: LoaderOptions = {},
  ) {
    this.installed = readInstalledModules(rootDirectory, options.log);
  }

  /** Loads the root module (only `onlyFile` when a single file was given) and the modules it calls. */
  async load(onlyFile?: SourceFile): Promise<ModuleConfig> {
    const rootFiles = onlyFile ? [onlyFile] : await readModuleFiles(this.rootDirectory, this.relative, this.notifications, this.readOptions());
    const [root] = this.parseLevel([{ directory: this.rootDirectory, files: rootFiles }]);
    let level: ModuleConfig[] = root ? [root] : [];
    const installedDirectories = [...new Set(this.installed.values())].sort();
    let pendingInstalled = true;
    while (level.length > 0 || pendingInstalled) {
      const next = new Set<string>();
      for (const config of level) {
        for (const call of config.moduleCalls.values()) {
          const source = call.body['source'];
          if (typeof source !== 'string' || !isLocalSource(source)) continue;
          const directory = path.resolve(config.directory, source);
          if (this.unreadable(directory) !== undefined) continue;
          if (!this.configs.has(this.realPath(directory))) next.add(directory);
        }
      }
      if (pendingInstalled) {
        for (const directory of installedDirectories) if (!this.configs.has(this.realPath(directory))) next.add(directory);
        pendingInstalled = false;
      }
      const unique = [...new Map([...next].map((d) => [this.realPath(d), d])).values()];
      const loaded = await Promise.all(unique.map(async (directory) => ({ directory, files: await readModuleFiles(directory, this.relative, this.notifications, this.readOptions()) })));
      level = this.parseLevel(loaded);
    }
    return root ?? buildModuleConfig(this.rootDirectory, []);
  }

  /** What every loaded module requires of its providers (Terraform intersects these constraints). */
  providerRequirements(): ProviderRequirement[] {
    return [...this.configs.values()].flatMap((config) => config.requiredProviders);
  }

  /**
   * Where a module call leads, for the call path `['a', 'b']` of `module.a.module.b`: a local directory, or the one
   * `terraform init` installed; otherwise the module is reported as not scanned.
   */
  resolve(call: ModuleCallConfig, callerDirectory: string, callPath: readonly string[]): ModuleSource {
    const source = call.body['source'];
    const display = `${callPath.map((name) => `module.${name}`).join('.')}`;
    if (typeof source !== 'string') return this.notScanned(display, call, 'it has no literal source', 'give the module block a source');
    let directory: string | undefined;
    if (isLocalSource(source)) {
      directory = path.resolve(callerDirectory, source);
      const unreadable = this.unreadable(directory);
      if (unreadable !== undefined) return this.notScanned(display, call, unreadable.reason, unreadable.fix);
    } else {
      directory = this.installed.get(callPath.join('.'));
    }
    if (directory === undefined) {
      const where = this.relative(call.file);
      const key = `${where}\0${call.name}`;
      if (!this.reported.has(key)) {
        this.reported.add(key);
        this.notInstalled.push({ display, where, source });
      }
      return { kind: 'not-scanned', reason: `its source ${JSON.stringify(source)} is not installed` };
    }
    const config = this.configs.get(this.realPath(directory));
    if (!config) return this.notScanned(display, call, `its directory ${this.relative(directory)} cannot be read`, 'check the source path');
    return { kind: 'loaded', config };
  }

  /**
   * Reports the module calls whose sources are not installed: each on its own line when there are a few, in one
   * line when a root has many (a repository of components that call registry modules, before `terraform init`).
   */
  reportNotInstalled(): void {
    const where = this.relative(this.rootDirectory) || '.';
    const fix = (them: string): string => `run \`terraform init\` in ${where} so that .terraform/modules/modules.json lists ${them}`;
    if (this.notInstalled.length <= 3) {
      for (const call of this.notInstalled) {
        this.notifications.push({
          level: 'warning',
          code: 'module-not-scanned',
          message: `${call.display} (${call.where}) is not scanned: its source ${JSON.stringify(call.source)} is not installed; ${fix('it')}.`,
          subject: call.where,
        });
      }
    } else {
      const sources = [...new Set(this.notInstalled.map((call) => call.source))];
      const listed = this.notInstalled.slice(0, 5).map((call) => call.display).join(', ');
      this.notifications.push({
        level: 'warning',
        code: 'module-not-scanned',
        message: `${where}: ${this.notInstalled.length} module calls are not scanned because their sources are not installed (${listed}${this.notInstalled.length > 5 ? ', …' : ''}; ${sources.length} sources such as ${JSON.stringify(sources[0])}); ${fix('them')}.`,
        subject: where,
      });
    }
    this.notInstalled.length = 0;
  }

  /** Why a local module directory is not read, if it is not: outside the repository, or excluded. */
  private unreadable(directory: string): { reason: string; fix: string } | undefined {
    const repository = this.options.repository;
    if (repository !== undefined) {
      const real = this.realPath(directory);
      const bound = this.realPath(repository);
      if (real !== bound && !real.startsWith(bound + path.sep)) {
        return { reason: `its source leads outside the repository (${this.relative(directory)})`, fix: 'trustscan reads nothing outside the repository it scans' };
      }
    }
    if (this.options.excluded?.(directory, true)) return { reason: `its directory ${this.relative(directory)} is excluded`, fix: 'remove it from --exclude (or exclude: in the config file) to scan it' };
    return undefined;
  }

  private readOptions(): ReadOptions {
    const excluded = this.options.excluded;
    return {
      ...(this.options.repository === undefined ? {} : { boundary: this.options.repository }),
      ...(this.options.log ? { log: this.options.log } : {}),
      ...(this.options.texts ? { texts: this.options.texts } : {}),
      ...(excluded ? { excluded: (file: string) => excluded(file, false) } : {}),
    };
  }

  private notScanned(display: string, call: ModuleCallConfig, reason: string, fix: string): ModuleSource {
    const where = this.relative(call.file);
    const key = `${where}\0${call.name}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.notifications.push({
        level: 'warning',
        code: 'module-not-scanned',
        message: `${display} (${where}) is not scanned: ${reason}; ${fix}.`,
        subject: where,
      });
    }
    return { kind: 'not-scanned', reason };
  }

  private parseLevel(directories: readonly { directory: string; files: readonly SourceFile[] }[]): ModuleConfig[] {
    const all = directories.flatMap((d) => d.files);
    this.fileCount += all.length;
    const byFile = new Map(all.map((f) => [f.file, this.parser.parse(f.kind, f.text)]));
    const configs: ModuleConfig[] = [];
    for (const { directory, files } of directories) {
      const good: { file: string; parsed: ParsedFile }[] = [];
      for (const file of files) {
        const result = byFile.get(file.file);
        if (!result) continue;
        if (result.problem) {
          const where = `${this.relative(file.file)}:${result.problem.line}:${result.problem.column}`;
          this.notifications.push({
            level: 'error',
            code: 'input-error',
            message: `${where}: ${result.problem.summary.replace(/\.?$/, '')}; ${/nests? more than/.test(result.problem.summary) ? 'simplify it' : 'fix the syntax error'} (the file was skipped, the other files were scanned).`,
            subject: this.relative(file.file),
          });
          continue;
        }
        for (const line of result.deepLines ?? []) {
          this.notifications.push({
            level: 'warning',
            code: 'nesting-too-deep',
            message: `${this.relative(file.file)}:${line}: brackets nest more than ${maxBracketDepth} levels deep; the deeper part is not evaluated and reads as unknown.`,
            subject: this.relative(file.file),
          });
        }
        good.push({ file: file.file, parsed: result });
        if (result.syntax) this.files.push({ file: file.file, syntax: result.syntax });
      }
      const config = buildModuleConfig(directory, good);
      for (const duplicate of config.duplicates) {
        this.notifications.push({
          level: 'warning',
          code: 'duplicate-block',
          message: `${this.relative(duplicate.file)}: ${duplicate.what} is declared more than once; the first declaration is scanned.`,
          subject: this.relative(duplicate.file),
        });
      }
      this.configs.set(this.realPath(directory), config);
      configs.push(config);
    }
    return configs;
  }

  private realPath(directory: string): string {
    let real = this.realPaths.get(directory);
    if (real === undefined) {
      try {
        real = realpathSync(directory);
      } catch {
        real = directory;
      }
      this.realPaths.set(directory, real);
    }
    return real;
  }
}
