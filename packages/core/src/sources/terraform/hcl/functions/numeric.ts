import type { Value } from '../../../../model/value.js';
import type { FunctionDefinition } from '../expression/evaluate.js';
import { EvaluationError, asList, asNumber, asString } from '../expression/values.js';

function numbers(args: readonly Value[]): number[] {
  const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as readonly Value[]) : args;
  return list.map((arg) => asNumber(arg, 'argument'));
}

/**
 * Numeric functions. A result that is not a finite number (`log(0, 10)`, `pow(10, 400)`, `log(0, 0)`) is an error
 * rather than a value: NaN and infinities are no Terraform values, and a report would print them as null.
 */
export const numericFunctions: Readonly<Record<string, FunctionDefinition>> = Object.fromEntries(
  Object.entries<FunctionDefinition>({
    abs: { minArgs: 1, maxArgs: 1, call: ([n]) => Math.abs(asNumber(n ?? null)) },
    ceil: { minArgs: 1, maxArgs: 1, call: ([n]) => Math.ceil(asNumber(n ?? null)) },
    floor: { minArgs: 1, maxArgs: 1, call: ([n]) => Math.floor(asNumber(n ?? null)) },
    signum: { minArgs: 1, maxArgs: 1, call: ([n]) => Math.sign(asNumber(n ?? null)) },
    pow: { minArgs: 2, maxArgs: 2, call: ([a, b]) => asNumber(a ?? null) ** asNumber(b ?? null) },
    log: { minArgs: 2, maxArgs: 2, call: ([a, b]) => Math.log(asNumber(a ?? null)) / Math.log(asNumber(b ?? null)) },
    min: {
      minArgs: 1,
      call: (args) => {
        const list = numbers(args);
        if (list.length === 0) throw new EvaluationError('min() needs at least one number');
        // A loop, not Math.min(...list): spreading a list of a few hundred thousand numbers overflows the stack.
        return list.reduce((least, n) => (n < least ? n : least));
      },
    },
    max: {
      minArgs: 1,
      call: (args) => {
        const list = numbers(args);
        if (list.length === 0) throw new EvaluationError('max() needs at least one number');
        return list.reduce((most, n) => (n > most ? n : most));
      },
    },
    sum: {
      minArgs: 1,
      maxArgs: 1,
      call: ([list]) => {
        const items = asList(list ?? null, 'argument');
        if (items.length === 0) throw new EvaluationError('sum() of an empty list');
        return items.reduce<number>((total, item) => total + asNumber(item, 'element'), 0);
      },
    },
    parseint: {
      minArgs: 2,
      maxArgs: 2,
      call: ([text, base]) => {
        const radix = asNumber(base ?? null, 'base');
        const digits = asString(text ?? null, 'number');
        if (radix < 2 || radix > 62) throw new EvaluationError('the base must be between 2 and 62');
        const value = parseInt(digits, radix);
        if (Number.isNaN(value) || !new RegExp(`^[-+]?[0-9a-zA-Z]+$`).test(digits)) throw new EvaluationError(`cannot parse ${JSON.stringify(digits)} in base ${radix}`);
        return value;
      },
    },
  }).map(([name, definition]) => [name, { ...definition, call: (args, context) => finite(name, definition.call(args, context)) }]),
);

function finite(name: string, result: Value): Value {
  if (typeof result === 'number' && !Number.isFinite(result)) throw new EvaluationError(`the result of ${name}() is not a finite number`);
  return result;
}
