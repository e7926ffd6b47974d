/**
 * A minimal npm registry on 127.0.0.1 for installing packages in a test without the network: it serves every package
 * of the workspace's pnpm store (`node_modules/.pnpm`, which holds each locked dependency unpacked), with packuments
 * made from their package.json files and tarballs packed on demand, and packed workspace packages beside them. npm
 * reaches it through `--registry`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { packDirectory, readTarball } from './tar.js';

export interface NpmRegistry {
  /** `http://127.0.0.1:<port>/`, for npm's `--registry`. */
  readonly url: string;
  /** The packages npm asked for, by name, in order. */
  readonly requested: readonly string[];
  /** Names npm asked for that the store does not hold. */
  readonly missing: readonly string[];
  close(): Promise<void>;
}

type Manifest = { readonly name: string; readonly version: string } & Record<string, unknown>;
/** A version of a package: its package.json and its tarball, packed when asked for. */
type Entry = { readonly manifest: Manifest; readonly tarball: () => Buffer };

/**
 * Starts a registry serving the packages of the pnpm store directory (`<workspace>/node_modules/.pnpm`), and the
 * given tarballs (packed workspace packages) beside them.
 */
export async function startNpmRegistry(store: string, tarballs: readonly string[] = []): Promise<NpmRegistry> {
  const packages = indexStore(store);
  for (const file of tarballs) {
    const bytes = readFileSync(file);
    const manifest = JSON.parse(readTarball(bytes).get('package/package.json')?.toString('utf8') ?? '{}') as Manifest;
    const versions = packages.get(manifest.name) ?? new Map<string, Entry>();
    versions.set(manifest.version, { tarball: () => bytes, manifest });
    packages.set(manifest.name, versions);
  }
  const requested: string[] = [];
  const missing: string[] = [];
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://registry').pathname).slice(1);
    const tarball = /^(.+)\/-\/[^/]+-(\d[^/]*)\.tgz$/.exec(pathname);
    const name = tarball ? (tarball[1] ?? '') : pathname;
    const versions = packages.get(name);
    if (!tarball) requested.push(name);
    if (!versions) {
      if (!tarball) missing.push(name);
      return send(response, 404, 'application/json', JSON.stringify({ error: 'not found' }));
    }
    if (tarball) {
      const entry = versions.get(tarball[2] ?? '');
      return entry ? send(response, 200, 'application/octet-stream', entry.tarball()) : send(response, 404, 'application/json', '{}');
    }
    send(response, 200, 'application/json', JSON.stringify(packument(name, versions, `http://${request.headers.host ?? '127.0.0.1'}`)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requested,
    missing,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** name → version → the unpacked package, from the store's `<name>@<version>[_peers]/node_modules/<name>` folders. */
function indexStore(store: string): Map<string, Map<string, Entry>> {
  const packages = new Map<string, Map<string, Entry>>();
  for (const entry of readdirSync(store)) {
    const at = entry.indexOf('@', 1);
    if (at <= 0) continue;
    const name = entry.slice(0, at).replace('+', '/');
    const directory = path.join(store, entry, 'node_modules', name);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as Manifest;
    } catch {
      continue;
    }
    if (manifest.name !== name) continue;
    const versions = packages.get(name) ?? new Map<string, Entry>();
    versions.set(manifest.version, { manifest, tarball: () => packDirectory(directory) });
    packages.set(name, versions);
  }
  return packages;
}

function packument(name: string, versions: Map<string, Entry>, origin: string): unknown {
  const base = name.split('/').pop() ?? name;
  const all = [...versions.values()].map(({ manifest }) => manifest);
  const latest = all.map((m) => m.version).sort(compareVersions).at(-1) ?? '';
  return {
    name,
    'dist-tags': { latest },
    versions: Object.fromEntries(all.map((manifest) => [manifest.version, { ...manifest, _id: `${name}@${manifest.version}`, dist: { tarball: `${origin}/${name}/-/${base}-${manifest.version}.tgz` } }])),
  };
}

function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.+-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? 0, y[i] ?? 0];
    if (p === q) continue;
    return typeof p === 'number' && typeof q === 'number' ? p - q : String(p) < String(q) ? -1 : 1;
  }
  return 0;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
