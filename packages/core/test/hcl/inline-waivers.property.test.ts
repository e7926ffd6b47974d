// Properties of the `trustscan:ignore` comment reader: any comment text gives nothing, a waiver or a problem to
// report (never an exception, never a slow regular expression), and a waiver written with any reason and owner
// (quotes and backslashes escaped) is read back as written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWaiverComment } from '../../src/sources/terraform/hcl/waivers/inline-waivers.js';
import { checkProperty, propertyTimeout } from '../../../../testing/property.js';

const target = 'inline-waivers';

const quoted = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const piece = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('trustscan:ignore', 'reason=', 'expires=', 'owner=', '"', "'", '\\', '=', ' ', '\t', '\n', '*/', '#', '//', '/*', '__proto__=x', 'reason="a\\"b"', 'expires=2030-02-30'),
);

describe('inline waiver comments, properties', () => {
  it('any comment text is nothing, a waiver or a problem, read quickly', async () => {
    await checkProperty(
      target,
      'any comment is read without an exception',
      fc.property(fc.constantFrom('#', '//', '/*', ''), fc.array(piece, { maxLength: 12 }), (start, pieces) => {
        const started = performance.now();
        const read = readWaiverComment(7, `${start} ${pieces.join('')}`);
        if (read !== undefined) expect(read.line).toBe(7);
        if (read && 'message' in read) expect(read.message).not.toBe('');
        expect(performance.now() - started).toBeLessThan(1_000);
      }),
      { runs: 500 },
    );
  }, propertyTimeout());

  it('a waiver written with any reason and owner is read back as written', async () => {
    const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '' && !s.includes('\n') && !s.includes('*/'));
    await checkProperty(
      target,
      'written waivers round-trip',
      fc.property(
        fc.constantFrom('#', '//', '/*'),
        fc.stringMatching(/^[a-z][a-z0-9*-]{0,30}$/),
        text,
        fc.option(text, { nil: undefined }),
        fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined }),
        (start, rule, reason, owner, expires) => {
          const fields = [`reason=${quoted(reason)}`, ...(owner === undefined ? [] : [`owner=${quoted(owner)}`]), ...(expires === undefined ? [] : [`expires=${expires}`])];
          const comment = `${start} trustscan:ignore ${rule} ${fields.join(' ')}${start === '/*' ? ' */' : ''}`;
          expect(readWaiverComment(3, comment)).toEqual({ line: 3, rule, reason: reason.trim(), ...(expires === undefined ? {} : { expires }), ...(owner === undefined ? {} : { owner }) });
        },
      ),
      { runs: 300 },
    );
  }, propertyTimeout());
});

describe('inline waiver comments, cases found by the properties', () => {
  it('a field named __proto__ is an unknown field, not swallowed', () => {
    expect(readWaiverComment(1, '# trustscan:ignore aws-s3-bucket-versioning reason="Rebuilt nightly" __proto__=x')).toEqual({ line: 1, message: 'unknown waiver field __proto__; use reason, expires and owner' });
  });
});
