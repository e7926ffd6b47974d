/**
 * The little of the tar format that npm tarballs need: pack a directory as `package/...` into a gzipped tarball, and
 * read the files of one. POSIX ustar, regular files and directories only (what npm itself packs).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const block = 512;

/** A gzipped tarball of every file under `directory`, named `package/<relative path>` as npm packs them. */
export function packDirectory(directory: string): Buffer {
  const chunks: Buffer[] = [];
  for (const file of filesUnder(directory)) {
    const content = readFileSync(path.join(directory, file));
    const mode = statSync(path.join(directory, file)).mode & 0o111 ? 0o755 : 0o644;
    chunks.push(header(`package/${file}`, content.length, mode), content, Buffer.alloc((block - (content.length % block)) % block));
  }
  chunks.push(Buffer.alloc(block * 2));
  // Level 1: the tarballs are made on demand during a test and thrown away; speed matters more than size.
  return gzipSync(Buffer.concat(chunks), { level: 1 });
}

/** The regular files of a gzipped tarball, by path inside it (`package/package.json`, ...). */
export function readTarball(gzipped: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(gzipped);
  const files = new Map<string, Buffer>();
  let longName: string | undefined;
  for (let offset = 0; offset + block <= tar.length; ) {
    const head = tar.subarray(offset, offset + block);
    if (head.every((byte) => byte === 0)) break;
    const size = parseInt(field(head, 124, 12) || '0', 8);
    const type = String.fromCharCode(head[156] ?? 0);
    const prefix = field(head, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(head, 0, 100)}` : field(head, 0, 100));
    const body = tar.subarray(offset + block, offset + block + size);
    longName = undefined;
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '\0') files.set(name, Buffer.from(body));
    offset += block + Math.ceil(size / block) * block;
  }
  return files;
}

function filesUnder(directory: string, relative = ''): string[] {
  return readdirSync(path.join(directory, relative), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return filesUnder(directory, name);
      return entry.isFile() ? [name] : [];
    });
}

function header(name: string, size: number, mode: number): Buffer {
  const head = Buffer.alloc(block);
  // ustar splits a long name into a prefix (155 bytes) and a name (100 bytes) at a slash.
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`tar: name too long for ustar: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  head.write(base, 0, 100, 'utf8');
  head.write(octal(mode, 8), 100);
  head.write(octal(0, 8), 108);
  head.write(octal(0, 8), 116);
  head.write(octal(size, 12), 124);
  head.write(octal(0, 12), 136);
  head.fill(' ', 148, 156);
  head.write('0', 156);
  head.write('ustar\u000000', 257);
  head.write(prefix, 345, 155, 'utf8');
  let checksum = 0;
  for (const byte of head) checksum += byte;
  head.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148);
  return head;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function field(head: Buffer, start: number, length: number): string {
  return head.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '').trim();
}
