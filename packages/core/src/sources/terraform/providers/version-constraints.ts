/** A provider version as three numbers; pre-release suffixes are ignored. */
export type Version = readonly [major: number, minor: number, patch: number];

interface Constraint {
  readonly operator: '=' | '!=' | '>' | '>=' | '<' | '<=' | '~>';
  readonly version: Version;
  /** How many components were written (`~> 3` is 1, `~> 3.1` is 2). */
  readonly written: number;
}

const constraintPattern = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?\s*$/;

/** Parses `1.2.3`, `v1.2` or `1.2.3-beta1`; `undefined` for anything else. */
export function parseVersion(text: string): Version | undefined {
  const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?\s*$/.exec(text);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** Parses a Terraform version constraint string (`"~> 3.0"`, `">= 2.0, < 4.0"`); `undefined` when it cannot be read. */
export function parseConstraints(text: string): Constraint[] | undefined {
  const constraints: Constraint[] = [];
  for (const part of text.split(',')) {
    const match = constraintPattern.exec(part);
    if (!match) return undefined;
    const written = [match[2], match[3], match[4]].filter((c) => c !== undefined).length;
    constraints.push({ operator: (match[1] ?? '=') as Constraint['operator'], version: [Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)], written });
  }
  return constraints;
}

const step = 100_000;

function rank(version: Version): number {
  return (version[0] * step + version[1]) * step + version[2];
}

/**
 * The newest major version, at most `newest`, that some version satisfying every constraint has: the major
 * `terraform init` would install (it picks the newest allowed version). `undefined` when no major satisfies them all.
 */
export function newestAllowedMajor(constraints: readonly Constraint[], newest: number): number | undefined {
  for (let major = newest; major >= 0; major--) {
    let low = rank([major, 0, 0]);
    let high = rank([major, step - 1, step - 1]);
    const excluded = new Set<number>();
    for (const { operator, version, written } of constraints) {
      const at = rank(version);
      switch (operator) {
        case '=':
          low = Math.max(low, at);
          high = Math.min(high, at);
          break;
        case '!=':
          excluded.add(at);
          break;
        case '>':
          low = Math.max(low, at + 1);
          break;
        case '>=':
          low = Math.max(low, at);
          break;
        case '<':
          high = Math.min(high, at - 1);
          break;
        case '<=':
          high = Math.min(high, at);
          break;
        case '~>': {
          // Only the rightmost written component may grow: `~> 3.1` is >= 3.1, < 4.0; `~> 3.1.2` is >= 3.1.2, < 3.2.0.
          low = Math.max(low, at);
          const [a, b] = version;
          const upper: Version = written <= 2 ? [a + 1, 0, 0] : [a, b + 1, 0];
          high = Math.min(high, rank(upper) - 1);
          break;
        }
      }
    }
    if (low > high) continue;
    if (high - low + 1 > excluded.size) return major;
    for (let candidate = low; candidate <= high; candidate++) if (!excluded.has(candidate)) return major;
  }
  return undefined;
}
