/**
 * Where each resource is written in a state file, by address without the instance key (`module.a.aws_s3_bucket.b`):
 * the line of its `"type"` in raw state, or of its `"address"` in `terraform show -json` output, so that findings
 * without a `.tf` block point into the state file rather than at its first line. Terraform writes both forms with
 * keys in a fixed order (`module`, `mode`, `type`, `name`), which a scan of the text can follow.
 */
export function stateLines(text: string, raw: boolean): Map<string, number> {
  const lines = new Map<string, number>();
  const pattern = raw
    ? /(?:"module"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*)?"mode"\s*:\s*"managed"\s*,\s*"type"\s*:\s*"([^"]+)"\s*,\s*"name"\s*:\s*"([^"]+)"/g
    : /"address"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"mode"\s*:\s*"managed"/g;
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
    counted = index;
    const address = raw ? `${match[1] ? `${unescape(match[1])}.` : ''}${match[2]}.${match[3]}` : baseAddress(unescape(match[1] ?? ''));
    const typeOffset = raw ? match[0].indexOf('"type"') : 0;
    const extra = countNewlines(match[0].slice(0, typeOffset));
    if (!lines.has(address)) lines.set(address, line + extra);
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

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
