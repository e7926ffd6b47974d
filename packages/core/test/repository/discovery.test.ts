import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '@trustscan/core';
import { PathExclusion } from '../../src/files/path-exclusion.js';
import { discoverRoots } from '../../src/sources/terraform/discovery/discover-roots.js';
import { FileParser } from '../../src/sources/terraform/hcl/parse/parse-files.js';
import { rules } from '../../../rules/src/index.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'trustscan-discovery-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;

function tree(files: Record<string, string>): string {
  const directory = path.join(scratch, `tree-${++count}`);
  mkdirSync(directory, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    writeFileSync(path.join(directory, file), text);
  }
  return directory;
}

const bucket = (name: string) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "${name}"\n}\n`;
const calls = (source: string) => `module "m" {\n  source = "${source}"\n}\n`;

async function discover(directory: string, exclude: readonly string[] = [], maxDirectories?: number) {
  const found = await discoverRoots(directory, {
    exclusion: new PathExclusion(exclude),
    parser: new FileParser(),
    relative: (file) => path.relative(directory, file).split(path.sep).join('/'),
    ...(maxDirectories === undefined ? {} : { maxDirectories }),
  });
  const relative = (dirs: readonly string[]) => dirs.map((d) => path.relative(directory, d).split(path.sep).join('/') || '.');
  return { roots: relative(found.roots), calledOnly: relative(found.calledOnly), notifications: found.notifications, directories: found.directories };
}

describe('finding root modules', () => {
  it.each<[string, Record<string, string>, string[], string[], string[]]>([
    ['a directory that is one root', { 'main.tf': bucket('a') }, [], ['.'], []],
    ['components without Terraform at the top', { 'a/main.tf': bucket('a'), 'b/main.tf': bucket('b'), 'README.md': '# components\n' }, [], ['a', 'b'], []],
    ['a root with roots below it', { 'main.tf': bucket('top'), 'environments/prod/main.tf': bucket('prod') }, [], ['.', 'environments/prod'], []],
    ['a module another root calls', { 'app/main.tf': calls('../lib'), 'lib/main.tf': bucket('lib') }, [], ['app'], ['lib']],
    ['a chain of modules', { 'app/main.tf': calls('./b'), 'app/b/main.tf': calls('../../c'), 'c/main.tf': bucket('c') }, [], ['app'], ['app/b', 'c']],
    ['a module nothing calls', { 'lib/main.tf': bucket('lib') }, [], ['lib'], []],
    ['two roots calling each other', { 'a/main.tf': calls('../b'), 'b/main.tf': calls('../a') }, [], ['a', 'b'], []],
    ['a module calling itself', { 'self/main.tf': calls('./') }, [], ['self'], []],
    ['JSON configuration', { 'app/main.tf.json': JSON.stringify({ module: { m: { source: '../lib' } } }), 'lib/main.tf.json': JSON.stringify({ resource: { aws_s3_bucket: { b: { bucket: 'b' } } } }) }, [], ['app'], ['lib']],
    ['hidden directories, .terraform and node_modules', { 'main.tf': bucket('a'), '.terraform/modules/x/main.tf': bucket('x'), '.hidden/main.tf': bucket('h'), 'node_modules/p/main.tf': bucket('p') }, [], ['.'], []],
    ['a pattern naming a directory at any depth', { 'a/main.tf': bucket('a'), 'a/deprecated/main.tf': bucket('d'), 'deprecated/main.tf': bucket('d2') }, ['deprecated/'], ['a'], []],
    ['an anchored pattern', { 'legacy/main.tf': bucket('l'), 'x/legacy/main.tf': bucket('xl') }, ['/legacy'], ['x/legacy'], []],
    ['a double star and a re-include', { 'test/fixtures/a/main.tf': bucket('a'), 'test/fixtures/keep/main.tf': bucket('k'), 'src/main.tf': bucket('s') }, ['**/fixtures/*', '!**/fixtures/keep'], ['src', 'test/fixtures/keep'], []],
    ['a file pattern', { 'a/main.tf': bucket('a'), 'b/generated.tf': bucket('g') }, ['*generated.tf'], ['a'], []],
    ['a module whose only caller is excluded', { 'app/main.tf': calls('../lib'), 'lib/main.tf': bucket('lib') }, ['app/'], ['lib'], []],
  ])('%s', async (_name, files, exclude, roots, calledOnly) => {
    const found = await discover(tree(files), exclude);
    expect(found.roots).toEqual(roots);
    expect(found.calledOnly).toEqual(calledOnly);
    expect(found.notifications).toEqual([]);
  });
});

describe('bad repositories', () => {
  it('walks thousands of directories', async () => {
    const directory = tree({ 'a/main.tf': bucket('a'), 'z/deep/main.tf': bucket('z') });
    for (let i = 0; i < 3000; i++) mkdirSync(path.join(directory, 'empty', String(i % 50), String(i)), { recursive: true });
    const found = await discover(directory);
    expect(found.roots).toEqual(['a', 'z/deep']);
    expect(found.directories).toBe(3055);
  });

  it('stops at the directory limit with an error that says how to narrow the walk', async () => {
    const directory = tree({ 'a/main.tf': bucket('a') });
    for (let i = 0; i < 20; i++) mkdirSync(path.join(directory, 'many', String(i)), { recursive: true });
    const found = await discover(directory, [], 10);
    expect(found.notifications.map((n) => [n.level, n.code])).toEqual([['error', 'too-many-directories']]);
    expect(found.notifications[0]?.message).toMatch(/more than 10 directories; the walk stopped there\. Exclude what holds no Terraform with --exclude/);
  });

  it('follows a symbolic link to a directory once, and does not loop', async () => {
    const directory = tree({ 'a/main.tf': bucket('a'), 'shared/main.tf': bucket('s') });
    symlinkSync('..', path.join(directory, 'a', 'up'));
    symlinkSync('../shared', path.join(directory, 'a', 'second-way'));
    symlinkSync('loop-2', path.join(directory, 'loop-1'));
    symlinkSync('loop-1', path.join(directory, 'loop-2'));
    const found = await discover(directory);
    expect(found.roots).toEqual(['a', 'shared']);
    expect(found.notifications.map((n) => [n.code, n.subject])).toEqual([
      ['symlink-loop', 'loop-1'],
      ['symlink-loop', 'loop-2'],
      ['symlink-loop', 'a/up'],
    ]);
    expect(found.notifications.every((n) => n.level === 'warning')).toBe(true);
  });

  it('reports modules outside the repository, calling themselves, or calling each other, for their root only; nothing is an error', async () => {
    const outer = tree({ 'outside/main.tf': bucket('outside') });
    const directory = path.join(outer, 'repo');
    mkdirSync(path.join(directory, '.git'), { recursive: true });
    for (const [file, text] of Object.entries({
      'escapes/main.tf': `${calls('../../outside')}${bucket('inside')}`,
      'self/main.tf': `${calls('./')}${bucket('self')}`,
      'a/main.tf': `${calls('../b')}${bucket('a')}`,
      'b/main.tf': `${calls('../a')}${bucket('b')}`,
      'fine/main.tf': bucket('fine'),
    })) {
      mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
      writeFileSync(path.join(directory, file), text);
    }
    const result = await scan({ targets: [{ kind: 'path', path: directory }], rules, root: directory, terraform: { cacheDirectory: false } });
    expect(result.targets.map((t) => `${t.name} ${t.resources}`)).toEqual(['a 2', 'b 2', 'escapes 1', 'fine 1', 'self 1']);
    expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
    const warnings = result.notifications.filter((n) => n.level === 'warning').map((n) => `${n.code} ${n.subject}`);
    // Each root reports the cycle where it closes: root a at b's call back, root b at a's.
    expect(warnings).toEqual(['module-cycle b/main.tf', 'module-cycle a/main.tf', 'module-not-scanned escapes/main.tf', 'module-cycle self/main.tf']);
    expect(result.notifications.find((n) => n.subject === 'escapes/main.tf')?.message).toBe(
      'escapes: module.m (escapes/main.tf) is not scanned: its source leads outside the repository (../outside); trustscan reads nothing outside the repository it scans.',
    );
    expect(JSON.stringify(result.findings)).not.toContain('"outside"');
  });
});
