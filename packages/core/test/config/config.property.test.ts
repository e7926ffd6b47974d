// Properties of the config file parser (waivers included): any text, and any tree of the config's own keys with values
// of any type, is either read or refused with a ConfigError of one line that names the file and a line; nothing else
// is thrown, nothing hangs; and valid waivers written out are read back as written.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@trustscan/core';
import { checkProperty, propertyTimeout } from '../../../../testing/property.js';

const target = 'config';
const file = '/repo/trustscan.config.yaml';

/** Parses, and returns the ConfigError when the text is refused; any other exception fails the property. */
function readOrRefuse(text: string, name = file): ConfigError | undefined {
  try {
    parseConfig(text, name, 'trustscan.config.yaml');
    return undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.message).toMatch(/^trustscan\.config\.yaml:\d+: /);
    expect(error.message).not.toContain('\n');
    return error;
  }
}

const keys = ['version', 'targets', 'tf-dir', 'variables', 'var-files', 'rules', 'profile', 'fail-on', 'fail-on-unknown', 'baseline', 'waivers', 'evidence', 'owners', 'sla'];
const nested = ['directories', 'enable', 'disable', 'severity', 'rule', 'resource', 'resources', 'reason', 'owner', 'expires', 'path', 'aws', 'azure', 'regions', 'profile', 'store', 'key', 'retain-days', 'cadence', 'paths', 'tags', 'critical', 'high', 'medium', 'low', 'subscriptions', 'resource-graph', 'aggregator', '__proto__', 'constructor'];
const scalar = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.integer({ min: -5, max: 1000 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('aws-s3-*', 'criterion:CC6.1', 'severity:low', 'high', 'baseline', 'strict', '2030-01-31', '2020-02-30', '1d', '0d', 'never', '../x', '/etc', 's3://bucket/prefix', '*', ''),
);
const tree: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...nested), tie('node'), { maxKeys: 4, noNullPrototype: true })),
})).node;
const config = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })), tree, { maxKeys: 6, noNullPrototype: true });

/** YAML that the yaml package writes, and text people write by hand: anchors, tags, flow style, tabs, documents. */
const yamlNoise = fc.constantFrom('&a [1, *a]', '*x', '!!binary AA', '!custom x', '{ a: [ }', '---\n---', '\t- x', 'a: b: c', '? [a]\n: b', '"\\u0000"', "'", '|\n  x', '>-', '%YAML 1.2\n---', '<<: *a', '- - - -', '#', ': :');

describe('config file, properties', () => {
  it('any text is read or refused with one line naming the file and line', async () => {
    await checkProperty(
      target,
      'any text is read or refused',
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 20 }), yamlNoise, fc.constantFrom(...keys).map((k) => `${k}: `)), { maxLength: 8 }), (parts) => {
        readOrRefuse(parts.join('\n'));
      }),
      { runs: 300 },
    );
  }, propertyTimeout());

  it('any tree of the config keys with values of any type is read or refused with one line', async () => {
    await checkProperty(
      target,
      'any tree of config keys is read or refused',
      fc.property(config, fc.constantFrom('.yaml', '.json'), (value, extension) => {
        const text = extension === '.json' ? JSON.stringify(value) : stringify(value);
        readOrRefuse(text, `/repo/trustscan.config${extension}`);
      }),
      { runs: 300 },
    );
  }, propertyTimeout());

  it('valid waivers are read back as written', async () => {
    const glob = fc.stringMatching(/^[a-z][a-z0-9_.*\-[\]"]{0,20}$/);
    const waiver = fc.record({
      rule: fc.stringMatching(/^[a-z][a-z0-9*-]{0,20}$/),
      resources: fc.array(glob, { minLength: 1, maxLength: 3 }),
      reason: fc.string({ minLength: 10, maxLength: 60 }).filter((r) => r.trim().length >= 10),
      owner: fc.string({ minLength: 1, maxLength: 20 }).filter((o) => o.trim() !== ''),
      expires: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    });
    await checkProperty(
      target,
      'valid waivers round-trip',
      fc.property(fc.array(waiver, { minLength: 1, maxLength: 4 }), (waivers) => {
        const text = stringify({ waivers });
        const read = parseConfig(text, file, 'trustscan.config.yaml').waivers;
        expect(read.map(({ source: _, ...w }) => w)).toEqual(waivers.map((w) => ({ ...w, reason: w.reason.trim(), owner: w.owner.trim() })));
      }),
      { runs: 200 },
    );
  }, propertyTimeout());

  it('alias bombs and deep nesting are refused or read quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`), 'targets: *j'].join('\n');
    const deep = `targets: ${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    for (const text of [bomb, deep]) {
      const started = Date.now();
      readOrRefuse(text);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });
});
