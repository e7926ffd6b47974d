/**
 * Where each resource is written in a state file, by address without the instance key (`module.a.aws_s3_bucket.b`):
 * the line of its `"type"` in raw state, or of its `"address"` in `terraform show -json` output, so that findings
 * without a `.tf` block point into the state file rather than at its first line. Terraform writes both forms with
 * keys in a fixed order (`module`, `mode`, `type`, `name`), which a scan of the text can follow.
 */
export function stateLines(text: string, raw: boolean): Map<string, number> {
  const lines = new Map<string, number>();
  // Anchored on a literal key, so the scan of a large state stays linear; in raw state, the object the `"type"` is in
  // says whether it is a managed resource and of which module.
  const pattern = raw ? /"type"\s*:\s*"([^"\\]+)"\s*,\s*"name"\s*:\s*"([^"\\]+)"/g : /"address"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"mode"\s*:\s*"managed"/g;
  let line = 1;
  // The next line break not yet counted: each is found once, so counting stays linear even on one long line.
  let next = text.indexOf('\n');
  for (const match of text.matchAll(pattern)) {
    const index = match.index;
    let address: string;
    if (raw) {
      const head = text.slice(text.lastIndexOf('{', index), index);
      if (!/"mode"\s*:\s*"managed"/.test(head)) continue;
      const module = /"module"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(head)?.[1];
      address = `${module ? `${unescape(module)}.` : ''}${match[1]}.${match[2]}`;
    } else {
      address = baseAddress(unescape(match[1] ?? ''));
    }
    while (next !== -1 && next < index) {
      line++;
      next = text.indexOf('\n', next + 1);
    }
    if (!lines.has(address)) lines.set(address, line);
  }
  return lines;
}

/** The address without its last instance key: `aws_s3_bucket.b["x"]` → `aws_s3_bucket.b`. */
export function baseAddress(address: string): string {
  return address.replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]$/, '');
}

function unescape(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}
