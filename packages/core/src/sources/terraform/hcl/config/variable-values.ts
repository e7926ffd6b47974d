import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../../../../model/errors.js';
import type { Notification } from '../../../../model/finding.js';
import type { Value } from '../../../../model/value.js';
import type { TerraformOptions } from '../../../source.js';
import { Bindings, Evaluator, newTrace, noConfigurationFiles, type FunctionDefinition } from '../expression/evaluate.js';
import { ExpressionSyntaxError, parseTemplate } from '../expression/parser.js';
import { linkOutsideNote, linksOutside } from '../files/module-files.js';
import { EvaluationError } from '../expression/values.js';
import type { GivenValue } from '../evaluate/services.js';
import { evaluateRaw } from '../evaluate/raw-value.js';
import type { FileParser } from '../parse/parse-files.js';
import type { InputLog } from '../files/input-log.js';

/**
 * The values given for root module variables, with Terraform's precedence (later wins): `TF_VAR_*`, then
 * `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` in lexical order, then `--var-file` files and
 * `--var` values in the order given (all files before all `--var`s, since the options arrive as two lists).
 */
export async function readVariableValues(
  rootDirectory: string,
  options: TerraformOptions,
  environment: NodeJS.ProcessEnv,
  parser: FileParser,
  functions: ReadonlyMap<string, FunctionDefinition>,
  relative: (file: string) => string,
  notifications: Notification[],
  log?: InputLog,
  /** The repository: an automatic variable file that links outside it is not read (a `--var-file` is the user's choice). */
  boundary?: string,
): Promise<Map<string, GivenValue>> {
  const values = new Map<string, GivenValue>();
  for (const name of Object.keys(environment).sort()) {
    if (!name.startsWith('TF_VAR_') || name.length === 7) continue;
    values.set(name.slice(7), { kind: 'text', text: environment[name] ?? '', origin: `the environment variable ${name}` });
  }
  let names: string[] = [];
  try {
    names = (await readdir(rootDirectory)).sort();
  } catch {
    // The directory was reported by the loader.
  }
  const automatic = [
    ...names.filter((n) => n === 'terraform.tfvars'),
    ...names.filter((n) => n === 'terraform.tfvars.json'),
    ...names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')),
  ];
  const linked = automatic.map((n) => path.join(rootDirectory, n)).filter((file) => boundary === undefined || !linksOutside(file, boundary) || (notifications.push(linkOutsideNote(relative(file))), false));
  const files = [...linked, ...(options.varFiles ?? []).map((f) => path.resolve(f))];
  const constants = new Evaluator({
    resolver: {
      resolve: (root) => {
        throw new EvaluationError(`variable files cannot refer to ${root}`);
      },
    },
    functions,
    baseDirectory: rootDirectory,
    files: noConfigurationFiles,
    parseTemplate,
  });
  for (const file of files) {
    const assignments = await readVariableFile(file, parser, relative, notifications, log);
    for (const [name, raw] of Object.entries(assignments)) {
      const origin = relative(file);
      if (file.endsWith('.json')) {
        values.set(name, { kind: 'value', value: raw as Value, origin });
        continue;
      }
      try {
        const value = evaluateRaw(raw, (text, bindings, trace) => constants.evaluate(parseTemplate(text), trace, bindings), Bindings.of({}), newTrace());
        values.set(name, { kind: 'value', value, origin });
      } catch (error) {
        if (!(error instanceof EvaluationError) && !(error instanceof ExpressionSyntaxError)) throw error;
        notifications.push({ level: 'error', code: 'input-error', message: `${origin}: the value of ${name} cannot be read (${withoutQuotedValues(error.message)}).`, subject: origin });
      }
    }
  }
  for (const [name, text] of options.vars ?? []) values.set(name, { kind: 'text', text, origin: `--var ${name}` });
  return values;
}

async function readVariableFile(file: string, parser: FileParser, relative: (file: string) => string, notifications: Notification[], log: InputLog | undefined): Promise<Record<string, unknown>> {
  const name = relative(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
    log?.record('file', file, text);
  } catch (error) {
    log?.record('file', file, undefined);
    notifications.push({ level: 'error', code: 'input-error', message: `${name}: cannot read the variable file (${describeError(error)}).`, subject: name });
    return {};
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (file.endsWith('.json')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
      throw new Error('the file must hold a JSON object');
    } catch (error) {
      notifications.push({ level: 'error', code: 'input-error', message: `${name}: not a valid variable file (${describeError(error)}).`, subject: name });
      return {};
    }
  }
  const parsed = parser.parse('tfvars', text);
  if (parsed.problem) {
    notifications.push({
      level: 'error',
      code: 'input-error',
      message: `${name}:${parsed.problem.line}:${parsed.problem.column}: ${parsed.problem.summary.replace(/\.?$/, '')}; fix the variable file.`,
      subject: name,
    });
    return {};
  }
  return { ...(parsed.body ?? {}) };
}

/**
 * An error message without the strings it quotes: variable files hold secrets, and which variables are sensitive is
 * not known while the files are read.
 */
function withoutQuotedValues(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"');
}
