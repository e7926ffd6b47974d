import { hash } from 'node:crypto';

/** The SHA-256 of some content, as lowercase hex. */
export function sha256Hex(content: string | Uint8Array): string {
  return hash('sha256', content, 'hex');
}

/**
 * The files a source read, folded into one tree hash that anyone can recompute with standard tools: the SHA-256 of
 * the `sha256sum`-style listing `<hex>  <path>\n`, one line per file, sorted by path (byte order, as `LC_ALL=C sort`).
 */
export class InputDigest {
  private readonly files = new Map<string, string>();

  /** Records a file by its path relative to the scan root (with `/` separators) and its content. */
  add(path: string, content: string | Uint8Array): void {
    this.files.set(path, sha256Hex(content));
  }

  /** Records a file whose SHA-256 (hex) is already known. */
  addDigest(path: string, sha256: string): void {
    this.files.set(path, sha256);
  }

  get size(): number {
    return this.files.size;
  }

  /** The tree hash of the files recorded so far. */
  treeHash(): string {
    const paths = [...this.files.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return sha256Hex(paths.map((p) => `${this.files.get(p) ?? ''}  ${p}\n`).join(''));
  }
}
