import { globBody } from './path-glob.js';

interface Rule {
  readonly pattern: RegExp;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
}

/**
 * `--exclude` and config `exclude:` patterns, read the way `.gitignore` lines are: relative to the directory being
 * walked; a pattern without a `/` (or with only a trailing one) matches a name at any depth; one with a `/`
 * elsewhere is anchored to that directory; a trailing `/` matches directories only; `*`, `**`, `?`, `[…]` and
 * `{a,b}` glob; `!` re-includes; the last matching pattern decides; an excluded directory excludes all it holds.
 */
export class PathExclusion {
  private readonly rules: readonly Rule[];

  constructor(readonly patterns: readonly string[]) {
    this.rules = patterns.flatMap((raw): Rule[] => {
      let text = raw.trim();
      if (text === '' || text.startsWith('#')) return [];
      const negated = text.startsWith('!');
      if (negated) text = text.slice(1);
      const directoryOnly = text.endsWith('/');
      if (directoryOnly) text = text.replace(/\/+$/, '');
      const anchored = text.includes('/');
      text = text.replace(/^\/+/, '');
      if (text === '') return [];
      return [{ pattern: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${globBody(text)}$`, 's'), negated, directoryOnly }];
    });
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /**
   * Whether a path, relative to the walked directory with `/` separators, is excluded, itself or through a
   * directory above it. Paths outside the walked directory (`../…`) never are.
   */
  excludes(relative: string, isDirectory: boolean): boolean {
    if (this.rules.length === 0 || relative === '' || relative === '.' || relative.startsWith('../') || relative === '..') return false;
    const parts = relative.split('/');
    for (let i = 1; i < parts.length; i++) if (this.matches(parts.slice(0, i).join('/'), true)) return true;
    return this.matches(relative, isDirectory);
  }

  private matches(relative: string, isDirectory: boolean): boolean {
    let excluded = false;
    for (const rule of this.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.pattern.test(relative)) excluded = !rule.negated;
    }
    return excluded;
  }
}
