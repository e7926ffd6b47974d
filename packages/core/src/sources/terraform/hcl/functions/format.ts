import { Unknown, isRecord, type Value } from '../../../../model/value.js';
import { EvaluationError, asBool, asNumber, asString, formatNumber, typeName } from '../expression/values.js';
import { encodeJson } from './encoding.js';

const verb = /%(?:\[(\d+)\])?([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

/** Terraform's `format()`: Go-style verbs `%s %d %f %q %v %t %x %o %b %e %g` with flags, width and precision. */
export function formatValues(spec: string, args: readonly Value[]): string {
  let next = 0;
  return spec.replace(verb, (whole, index: string | undefined, flags: string, width: string | undefined, precision: string | undefined, letter: string) => {
    if (letter === '%') return '%';
    const position = index === undefined ? next : Number(index) - 1;
    next = position + 1;
    if (position >= args.length) throw new EvaluationError(`not enough arguments for ${whole}`);
    const arg = args[position] as Value;
    if (arg instanceof Unknown) throw new EvaluationError('an argument is unknown');
    const body = formatOne(arg, letter, flags, precision === undefined ? undefined : Number(precision));
    return pad(body, flags, width === undefined ? 0 : Number(width));
  });
}

function formatOne(arg: Value, letter: string, flags: string, precision: number | undefined): string {
  switch (letter) {
    case 's':
      return precision === undefined ? asString(arg) : [...asString(arg)].slice(0, precision).join('');
    case 'q':
      return JSON.stringify(asString(arg));
    case 'v':
      if (flags.includes('#')) return encodeJson(arg);
      if (arg === null) return 'null';
      return typeof arg === 'object' ? encodeJson(arg) : asString(arg);
    case 't':
      return asBool(arg) ? 'true' : 'false';
    case 'd':
      return signed(Math.trunc(integer(arg)).toFixed(0), flags);
    case 'b':
      return signed(integer(arg).toString(2), flags);
    case 'o':
      return signed(integer(arg).toString(8), flags);
    case 'x':
      return typeof arg === 'string' && Number.isNaN(Number(arg)) ? Buffer.from(arg).toString('hex') : signed(integer(arg).toString(16), flags);
    case 'X':
      return typeof arg === 'string' && Number.isNaN(Number(arg)) ? Buffer.from(arg).toString('hex').toUpperCase() : signed(integer(arg).toString(16).toUpperCase(), flags);
    case 'e':
    case 'E': {
      const out = asNumber(arg).toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      return signed(letter === 'E' ? out.toUpperCase() : out, flags);
    }
    case 'f':
    case 'F':
      return signed(asNumber(arg).toFixed(precision ?? 6), flags);
    case 'g':
    case 'G':
      return signed(precision === undefined ? formatNumber(asNumber(arg)) : String(Number(asNumber(arg).toPrecision(precision))), flags);
    default:
      throw new EvaluationError(`unsupported format verb %${letter} for a ${isRecord(arg) ? 'map' : typeName(arg)}`);
  }
}

function integer(arg: Value): number {
  const n = asNumber(arg);
  if (!Number.isInteger(n)) throw new EvaluationError(`${n} is not a whole number`);
  return n;
}

function signed(digits: string, flags: string): string {
  if (digits.startsWith('-')) return digits;
  if (flags.includes('+')) return `+${digits}`;
  if (flags.includes(' ')) return ` ${digits}`;
  return digits;
}

function pad(body: string, flags: string, width: number): string {
  const length = [...body].length;
  if (length >= width) return body;
  if (flags.includes('-')) return body + ' '.repeat(width - length);
  if (flags.includes('0') && /^[+-]?\d/.test(body)) {
    const sign = /^[+-]/.test(body) ? (body[0] as string) : '';
    return sign + '0'.repeat(width - length) + body.slice(sign.length);
  }
  return ' '.repeat(width - length) + body;
}
