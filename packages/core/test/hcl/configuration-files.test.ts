import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { globToRegExp } from '../../src/files/path-glob.js';
import { loadHcl, resourceAt, unknownReason } from '../../../../testing/hcl.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'trustscan-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    writeFileSync(path.join(scratch, file), text);
  }
}

describe('path globs', () => {
  it.each([
    ['*.txt', 'hello.txt', true],
    ['*.txt', 'sub/hello.txt', false],
    ['**/*.txt', 'hello.txt', true],
    ['**/*.txt', 'a/b/hello.txt', true],
    ['files/**', 'files/a/b', true],
    ['?.tf', 'a.tf', true],
    ['?.tf', 'ab.tf', false],
    ['{hello,world}.txt', 'world.txt', true],
    ['{hello,world}.txt', 'other.txt', false],
    ['[a-c]*.json', 'b1.json', true],
    ['[!a-c]*.json', 'b1.json', false],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
  ])('%s matches %s: %s', (pattern, text, expected) => {
    expect(globToRegExp(pattern).test(text)).toBe(expected);
  });
});

describe('file functions', () => {
  it("lists a module's own files with fileset, and reads nothing outside the module or the repository", async () => {
    write({
      'repo/main.tf': 'module "m" {\n  source = "./modules/m"\n}\n\nresource "aws_s3_object" "root" {\n  key    = join(",", fileset(path.module, "modules/m/files/*.txt"))\n  bucket = file("../outside.txt")\n  etag   = fileexists("../outside.txt")\n}\n',
      'repo/modules/m/main.tf': [
        'resource "aws_s3_object" "m" {',
        '  key          = fileset(path.module, "files/*.txt")',
        '  bucket       = fileset("${path.module}/files", "**/*.txt")',
        '  content_type = fileset("${path.module}/files", "{hello,world}.txt")',
        '  etag         = fileset("${path.module}/..", "*.tf")',
        '  source       = fileset(path.module, "files/none-*")',
        '  content      = file("${path.module}/files/hello.txt")',
        '}',
        '',
      ].join('\n'),
      'repo/modules/m/files/hello.txt': 'hello',
      'repo/modules/m/files/world.txt': 'world',
      'repo/modules/m/files/sub/deep.txt': 'deep',
      'repo/modules/m/files/other.json': '{}',
      'outside.txt': 'secret outside the repository',
    });
    symlinkSync(path.join(scratch, 'outside.txt'), path.join(scratch, 'repo/modules/m/files/link.txt'));
    const output = await loadHcl(path.join(scratch, 'repo'));
    const inModule = resourceAt(output, 'module.m.aws_s3_object.m').attributes;
    expect(inModule['key']).toEqual(['files/hello.txt', 'files/world.txt']);
    expect(inModule['bucket']).toEqual(['hello.txt', 'sub/deep.txt', 'world.txt']);
    expect(inModule['content_type']).toEqual(['hello.txt', 'world.txt']);
    expect(unknownReason(inModule['etag'])).toBe("fileset() reads only the module's own directory, and modules/m/.. is outside it");
    expect(inModule['source']).toEqual([]);
    expect(inModule['content']).toBe('hello');
    const atRoot = resourceAt(output, 'aws_s3_object.root').attributes;
    // From the root, the module's directory is the root's own: fileset may read it.
    expect(atRoot['key']).toBe('modules/m/files/hello.txt,modules/m/files/world.txt');
    expect(unknownReason(atRoot['bucket'])).toBe('../outside.txt is outside the repository, which trustscan does not read');
    expect(unknownReason(atRoot['etag'])).toBe('../outside.txt is outside the repository, which trustscan does not read');
    expect(JSON.stringify(output)).not.toContain('secret outside');
  });
});
