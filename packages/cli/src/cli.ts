import { parseArgs } from 'node:util';
import { severities, type Severity } from '@trustscan/core';
import { UsageError } from './usage-error.js';

/** The whole command-line surface: every command and option is declared here. */

export const reportFormats = ['text', 'json', 'sarif', 'markdown', 'html', 'junit'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface ReportRequest {
  readonly format: ReportFormat;
  /** File to write; standard output when absent. */
  readonly output?: string;
}

export type FailOn = Severity | 'never';

/** Settings a config file may also give; listed when the command line gave them, so they win over the file. */
export type ExplicitSetting = 'paths' | 'failOn';

export interface ScanCommand {
  readonly command: 'scan';
  readonly paths: readonly string[];
  readonly reports: readonly ReportRequest[];
  readonly failOn: FailOn;
  readonly failOnUnknown: boolean;
  /** A config file to read; `false` for `--no-config`; absent to look for one from the working directory up. */
  readonly config?: string | false;
  /** Baseline file whose failures are reported as `baseline` and do not gate. */
  readonly baseline?: string;
  /** Record the current failures in this file (and treat them as the baseline of this run). */
  readonly writeBaseline?: string;
  /** Which of `paths` and `failOn` were typed rather than defaulted. */
  readonly explicit: readonly ExplicitSetting[];
  readonly tfDir?: string;
  readonly rulesDirectories: readonly string[];
  readonly includePassed: boolean;
  readonly vars: readonly (readonly [string, string])[];
  readonly varFiles: readonly string[];
  /** `--exclude GLOB`: paths not walked for root modules and never read, `.gitignore`-style. */
  readonly exclude: readonly string[];
  readonly cacheDirectory?: string | false;
  readonly aws?: { readonly regions?: readonly string[]; readonly profile?: string; readonly aggregator?: string };
  readonly azure?: { readonly subscriptions?: readonly string[]; readonly resourceGraph: boolean };
  readonly root?: string;
  readonly sarifCategory?: string;
  readonly color: boolean;
  readonly quiet: boolean;
  readonly debug: boolean;
}

export interface RulesListCommand {
  readonly command: 'rules-list';
  readonly format: 'text' | 'json';
  readonly rulesDirectories: readonly string[];
  readonly config?: string | false;
}

export type Command = ScanCommand | RulesListCommand | { readonly command: 'help'; readonly topic?: string } | { readonly command: 'version' };

const extensionFormats: Readonly<Record<string, ReportFormat>> = {
  '.sarif': 'sarif',
  '.json': 'json',
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xml': 'junit',
};

export const helpText = `trustscan: check Terraform and live cloud configuration against SOC 2

Usage:
  trustscan scan [PATH...] [options]   Scan Terraform directories, .tf files, plan JSON files and live clouds
  trustscan rules list [--format text|json] [--config FILE]
  trustscan --help | --version

Targets:
  PATH                       A Terraform directory, a .tf file or a plan from \`terraform show -json\`
                             (recognised by its content). A directory is walked for every root module in it.
                             Defaults to the config file's targets, else "." when no live target is given.
  --aws                      Scan the AWS account of the default credentials through AWS Config and S3
  --aws-region R1,R2         Regions to scan (default: the SDK's configured region)
  --aws-profile NAME         Shared-config profile for credentials
  --aws-aggregator NAME      Read every account and region of an AWS Config aggregator
  --azure                    Scan Azure subscriptions through Azure Resource Manager
  --azure-subscription ID    Subscriptions to scan, comma-separated (default: every one the credential sees)
  --azure-resource-graph     Query Azure Resource Graph instead of listing resources one by one

Terraform:
  --tf-dir DIR               Terraform configuration of a plan or of live resources, to point findings at .tf lines
  --var NAME=VALUE           Set a variable (repeatable; as terraform -var)
  --var-file FILE            Read variables from a .tfvars or .tfvars.json file (repeatable)
  --exclude GLOB             Do not walk or read what GLOB matches, .gitignore-style, relative to each directory
                             target (repeatable), e.g. --exclude 'deprecated/' --exclude '**/examples/**'
  --cache-dir DIR            Where to keep evaluated root modules (default: node_modules/.cache/trustscan or a temp dir)
  --no-cache                 Do not read or write the cache

Rules:
  --rules DIR                Also load declarative rules (YAML or JSON) from DIR (repeatable)

Configuration, waivers and baselines:
  --config FILE              Read settings and waivers from FILE (default: the first trustscan.config.yaml,
                             .yml or .json from the working directory up to the repository root)
  --no-config                Do not look for a config file
  --baseline FILE            Report failures recorded in FILE as "baseline": shown, but they do not fail
  --write-baseline FILE      Record the current failures in FILE, and treat them as the baseline of this run

Output:
  -f, --format FORMAT        text, json, sarif, markdown, html or junit (repeatable; each --output pairs with
                             the --format before it)
  -o, --output FILE          Write the report to FILE (without --format, the extension decides: .txt .json
                             .sarif .md .html .xml)
  --report FORMAT=FILE       Same as --format FORMAT --output FILE
  --include-passed           List passing checks too (text and json)
  --root DIR                 Directory that report paths are relative to (default: the working directory)
  --sarif-category NAME      GitHub code scanning category (default: trustscan/<kinds of targets>)
  --no-color                 No colours in text output (also when NO_COLOR is set)
  -q, --quiet                No summary on standard error
  --debug                    Show stack traces for internal errors

Exit status:
  --fail-on LEVEL            critical, high (default, unless the config file says), medium, low or never
  --fail-on-unknown          Also exit 1 when a check could not be decided
  0  nothing failed at or above --fail-on (waived and baseline findings never count)
  1  something failed at or above --fail-on, or was undecided with --fail-on-unknown
  2  a usage or input error (reports of what could be scanned are still written)
`;

/** Parses `argv` (without the node and script paths) into a command. */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { command: 'help', ...(rest[0] ? { topic: rest[0] } : {}) };
  if (first === '--version' || first === '-v' || first === 'version') return { command: 'version' };
  if (first === 'scan') return parseScan(rest);
  if (first === 'rules') {
    const [sub, ...options] = rest;
    if (sub !== 'list') throw new UsageError(`unknown rules command "${sub ?? ''}"; did you mean \`trustscan rules list\`?`);
    return parseRulesList(options);
  }
  throw new UsageError(`unknown command "${first}"; the commands are scan and rules list`);
}

function parseScan(argv: readonly string[]): Command {
  const { values, positionals, tokens } = parse(argv, {
    format: { type: 'string', short: 'f', multiple: true },
    output: { type: 'string', short: 'o', multiple: true },
    report: { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    'fail-on-unknown': { type: 'boolean' },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    'tf-dir': { type: 'string' },
    rules: { type: 'string', multiple: true },
    'include-passed': { type: 'boolean' },
    var: { type: 'string', multiple: true },
    'var-file': { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    'cache-dir': { type: 'string' },
    'no-cache': { type: 'boolean' },
    aws: { type: 'boolean' },
    'aws-region': { type: 'string', multiple: true },
    'aws-profile': { type: 'string' },
    'aws-aggregator': { type: 'string' },
    azure: { type: 'boolean' },
    'azure-subscription': { type: 'string', multiple: true },
    'azure-resource-graph': { type: 'boolean' },
    root: { type: 'string' },
    'sarif-category': { type: 'string' },
    'no-color': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'scan' };

  const failOn = values['fail-on'] ?? 'high';
  if (failOn !== 'never' && !severities.includes(failOn as Severity)) {
    throw new UsageError(`--fail-on must be one of ${[...severities, 'never'].join(', ')}, not "${failOn}"`);
  }
  const liveAws = values.aws || values['aws-region'] !== undefined || values['aws-profile'] !== undefined || values['aws-aggregator'] !== undefined;
  const liveAzure = values.azure || values['azure-subscription'] !== undefined || values['azure-resource-graph'] !== undefined;
  const paths = positionals.length > 0 || liveAws || liveAzure ? positionals : ['.'];
  const explicit: ExplicitSetting[] = [...(positionals.length > 0 || liveAws || liveAzure ? ['paths' as const] : []), ...(values['fail-on'] === undefined ? [] : ['failOn' as const])];
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  const regions = splitList(values['aws-region']);
  const subscriptions = splitList(values['azure-subscription']);

  return {
    command: 'scan',
    paths,
    reports: reportsFrom(tokens),
    failOn: failOn as FailOn,
    failOnUnknown: values['fail-on-unknown'] ?? false,
    explicit,
    ...(values['no-config'] ? { config: false as const } : values.config === undefined ? {} : { config: values.config }),
    ...(values.baseline === undefined ? {} : { baseline: values.baseline }),
    ...(values['write-baseline'] === undefined ? {} : { writeBaseline: values['write-baseline'] }),
    rulesDirectories: values.rules ?? [],
    includePassed: values['include-passed'] ?? false,
    vars: (values.var ?? []).map(parseVar),
    varFiles: values['var-file'] ?? [],
    exclude: values.exclude ?? [],
    ...(values['no-cache'] ? { cacheDirectory: false as const } : values['cache-dir'] !== undefined ? { cacheDirectory: values['cache-dir'] } : {}),
    ...(values['tf-dir'] === undefined ? {} : { tfDir: values['tf-dir'] }),
    ...(liveAws
      ? {
          aws: {
            ...(regions ? { regions } : {}),
            ...(values['aws-profile'] === undefined ? {} : { profile: values['aws-profile'] }),
            ...(values['aws-aggregator'] === undefined ? {} : { aggregator: values['aws-aggregator'] }),
          },
        }
      : {}),
    ...(liveAzure ? { azure: { ...(subscriptions ? { subscriptions } : {}), resourceGraph: values['azure-resource-graph'] ?? false } } : {}),
    ...(values.root === undefined ? {} : { root: values.root }),
    ...(values['sarif-category'] === undefined ? {} : { sarifCategory: values['sarif-category'] }),
    color: !(values['no-color'] ?? false),
    quiet: values.quiet ?? false,
    debug: values.debug ?? false,
  };
}

function parseRulesList(argv: readonly string[]): Command {
  const { values } = parse(argv, {
    format: { type: 'string', short: 'f' },
    rules: { type: 'string', multiple: true },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'rules' };
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`rules list --format must be text or json, not "${format}"`);
  return {
    command: 'rules-list',
    format,
    rulesDirectories: values.rules ?? [],
    ...(values['no-config'] ? { config: false as const } : values.config === undefined ? {} : { config: values.config }),
  };
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

function parse<T extends OptionSpec>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/**
 * Pairs each `--output` with the `--format` before it, in command-line order, so one scan can write several
 * reports: `--format sarif --output a.sarif --format text`. A report without an output goes to standard output.
 */
function reportsFrom(tokens: readonly { kind: string; name?: string; value?: string | undefined }[]): ReportRequest[] {
  const reports: { format?: ReportFormat; output?: string }[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'format') reports.push({ format: checkFormat(token.value) });
    else if (token.name === 'output') {
      const last = reports.at(-1);
      if (last && last.output === undefined) last.output = token.value;
      else reports.push({ output: token.value });
    } else if (token.name === 'report') {
      const [format, ...file] = token.value.split('=');
      if (!format || file.length === 0) throw new UsageError(`--report takes FORMAT=FILE, not "${token.value}"`);
      reports.push({ format: checkFormat(format), output: file.join('=') });
    }
  }
  const resolved = reports.map(({ format, output }) => ({ format: format ?? formatOfFile(output ?? ''), ...(output === undefined ? {} : { output }) }));
  if (resolved.length === 0) return [{ format: 'text' }];
  if (resolved.filter((r) => r.output === undefined).length > 1) throw new UsageError('only one report can go to standard output; give the others an --output file');
  return resolved;
}

function checkFormat(format: string): ReportFormat {
  if (!reportFormats.includes(format as ReportFormat)) throw new UsageError(`unknown format "${format}"; use one of ${reportFormats.join(', ')}`);
  return format as ReportFormat;
}

function formatOfFile(file: string): ReportFormat {
  const extension = Object.keys(extensionFormats).find((ext) => file.toLowerCase().endsWith(ext));
  if (!extension) throw new UsageError(`cannot tell the format of "${file}" from its extension; add --format before --output`);
  return extensionFormats[extension] as ReportFormat;
}

function parseVar(assignment: string): [string, string] {
  const equals = assignment.indexOf('=');
  if (equals <= 0) throw new UsageError(`--var takes NAME=VALUE, not "${assignment}"`);
  return [assignment.slice(0, equals), assignment.slice(equals + 1)];
}

function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const items = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}
