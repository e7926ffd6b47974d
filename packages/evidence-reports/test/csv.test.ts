import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '@trustscan/evidence-reports';

describe('CSV for spreadsheets', () => {
  it.each<[string, string | number | boolean | null | undefined, string]>([
    ['plain text', 'aws_s3_bucket.logs', 'aws_s3_bucket.logs'],
    ['a comma', 'a, b', '"a, b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'line 1\nline 2', '"line 1\nline 2"'],
    ['a formula', '=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'],
    ['a plus', '+1+cmd|\' /C calc\'!A0', "'+1+cmd|' /C calc'!A0"],
    ['a minus', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['a tab first', '\t=1', "'\t=1"],
    ['a carriage return first', '\r=1', '"\'\r=1"'],
    ['an equals sign later', 'a=b', 'a=b'],
    ['a number', 42, '42'],
    ['a fraction', 2.5, '2.5'],
    ['a boolean', true, 'true'],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['an ISO date', '2026-03-01T02:00:00.000Z', '2026-03-01T02:00:00.000Z'],
  ])('writes %s safely', (_name, cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });

  it('writes a header row and CRLF line ends (RFC 4180)', () => {
    expect(toCsv(['id', 'note'], [['A-1', 'x,y'], ['A-2', null]])).toBe('id,note\r\nA-1,"x,y"\r\nA-2,\r\n');
  });
});
