/**
 * A path pattern as a regular expression over `/`-separated relative paths: `*` any run of characters within a
 * path segment, `**` any run across segments (`**\/` also none), `?` one character within a segment, `[abc]`,
 * `[!abc]`/`[^abc]` and `[a-z]` one character of (or outside) a class, `{a,b}` either alternative, `\` escapes the
 * next character. Terraform's `fileset()` patterns and `--exclude` globs share this syntax.
 */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${globBody(pattern)}$`, 's');
}

/** The regular-expression source of a pattern, without anchors. */
export function globBody(pattern: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) {
      out += escape(pattern[++i] as string);
    } else if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        i++;
        if (atStart && pattern[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else {
          out += '.*';
        }
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let inside = pattern.slice(i + 1, close);
      const negated = inside.startsWith('!') || inside.startsWith('^');
      if (negated) inside = inside.slice(1);
      out += `[${negated ? '^/' : ''}${inside.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += escape(c);
    }
  }
  return out + ')'.repeat(braces);
}

function escape(c: string): string {
  return /[.+?^${}()|[\]\\*]/.test(c) ? `\\${c}` : c;
}
