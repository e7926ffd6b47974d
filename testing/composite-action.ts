/**
 * Runs a composite GitHub Action (`action.yml`) the way a runner does, for tests: each `run` step through
 * `bash --noprofile --norc -eo pipefail` with the step's `env` (inputs and earlier steps' outputs substituted), the
 * runner's files (GITHUB_OUTPUT per step, GITHUB_STEP_SUMMARY) and variables (GITHUB_ACTION_PATH, GITHUB_WORKSPACE,
 * RUNNER_TEMP, and TMPDIR there too). `uses` steps cannot run here: they are recorded with their resolved `with`. Only the expressions the
 * action uses are understood (`inputs.X`, `steps.ID.outputs.X`, `==`/`!=` against a quoted literal, joined by `&&`);
 * anything else throws, so a test never silently skips a condition.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseDocument } from './yaml.js';

export interface ActionStep {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly uses?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly with?: Readonly<Record<string, string>>;
}

export interface ActionDefinition {
  readonly inputs: Readonly<Record<string, { readonly description: string; readonly default?: string; readonly required?: boolean }>>;
  readonly outputs: Readonly<Record<string, { readonly description: string; readonly value: string }>>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

export interface StepResult {
  readonly step: ActionStep;
  /** False when its `if` was false (or an earlier step failed). */
  readonly ran: boolean;
  readonly exitCode?: number;
  readonly output?: string;
  /** For `uses` steps: `with`, resolved. */
  readonly with?: Readonly<Record<string, string>>;
}

export interface ActionRun {
  readonly steps: readonly StepResult[];
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** Whether the job would fail: a step that ran exited non-zero. */
  readonly failed: boolean;
}

/** The parsed action.yml. */
export function readAction(file: string): ActionDefinition {
  return parseDocument(readFileSync(file, 'utf8')).toJSON() as ActionDefinition;
}

/** Runs the action's steps in order (or only `only`, by id or name) with the given inputs in `workspace`. */
export async function runCompositeAction(
  actionFile: string,
  options: { inputs: Readonly<Record<string, string>>; workspace: string; runnerTemp: string; env?: Readonly<Record<string, string>>; only?: readonly string[] },
): Promise<ActionRun> {
  const action = readAction(actionFile);
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, options.inputs[name] ?? input.default ?? '']));
  for (const name of Object.keys(options.inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input "${name}"`);
  const stepOutputs: Record<string, Record<string, string>> = {};
  const summaryFile = path.join(options.runnerTemp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const context = { inputs, steps: stepOutputs };
  const results: StepResult[] = [];
  let failed = false;
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(GITHUB_|RUNNER_|INPUT_|npm_)/i.test(key)));
  for (const [index, step] of action.runs.steps.entries()) {
    const selected = options.only === undefined || options.only.includes(step.id ?? '') || options.only.includes(step.name ?? '');
    if (!selected || failed || (step.if !== undefined && !condition(step.if, context))) {
      results.push({ step, ran: false });
      continue;
    }
    if (step.uses) {
      results.push({ step, ran: true, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(String(value), context)])) });
      continue;
    }
    if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step ${step.name ?? index}: only bash run steps can run here`);
    const outputFile = path.join(options.runnerTemp, `output-${index}`);
    const scriptFile = path.join(options.runnerTemp, `step-${index}.sh`);
    writeFileSync(outputFile, '');
    writeFileSync(scriptFile, step.run);
    const env = {
      ...base,
      ...options.env,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(String(value), context)])),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: path.dirname(actionFile),
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: options.runnerTemp,
      // The job's temporary files stay in the runner's temp folder, which the test removes.
      TMPDIR: options.runnerTemp,
    };
    let exitCode = 0;
    let output = '';
    try {
      const run = await promisify(execFile)('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], { cwd: options.workspace, env, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
      output = run.stdout + run.stderr;
    } catch (error) {
      const failure = error as { code?: number; stdout?: string; stderr?: string };
      exitCode = typeof failure.code === 'number' ? failure.code : 1;
      output = (failure.stdout ?? '') + (failure.stderr ?? '');
    }
    if (step.id) stepOutputs[step.id] = readOutputs(outputFile);
    results.push({ step, ran: true, exitCode, output });
    if (exitCode !== 0) failed = true;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, substitute(output.value, context)]));
  return { steps: results, outputs, summary: readFileSync(summaryFile, 'utf8'), failed };
}

type Context = { readonly inputs: Readonly<Record<string, string>>; readonly steps: Readonly<Record<string, Readonly<Record<string, string>>>> };

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const equals = line.indexOf('=');
    if (line.includes('<<')) throw new Error(`GITHUB_OUTPUT: multi-line values are not understood here: ${line}`);
    if (equals > 0) outputs[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return outputs;
}

function substitute(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_match, expression: string) => valueOf(expression, context));
}

function valueOf(expression: string, context: Context): string {
  const input = /^inputs\.([\w-]+)$/.exec(expression);
  if (input) return context.inputs[input[1] ?? ''] ?? '';
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
  if (output) return context.steps[output[1] ?? '']?.[output[2] ?? ''] ?? '';
  throw new Error(`expression not understood here: ${expression}`);
}

function condition(expression: string, context: Context): boolean {
  return expression.split('&&').every((part) => {
    const comparison = /^\s*([\w.-]+)\s*(==|!=)\s*'([^']*)'\s*$/.exec(part);
    if (!comparison) throw new Error(`condition not understood here: ${part}`);
    const equal = valueOf(comparison[1] ?? '', context) === comparison[3];
    return comparison[2] === '==' ? equal : !equal;
  });
}
