import { parseArgs } from 'node:util';
import { parseCadence, profiles, severities, type Profile, type Severity } from '@trustscan/core';
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
  /** `--profile`; wins over the config file's `profile`. */
  readonly profile?: Profile;
  readonly includePassed: boolean;
  /** Compare Terraform with the cloud when both are scanned; `--no-drift` turns it off. */
  readonly drift: boolean;
  readonly vars: readonly (readonly [string, string])[];
  readonly varFiles: readonly string[];
  /** `--exclude GLOB`: paths not walked for root modules and never read, `.gitignore`-style. */
  readonly exclude: readonly string[];
  readonly cacheDirectory?: string | false;
  readonly aws?: { readonly regions?: readonly string[]; readonly profile?: string; readonly aggregator?: string };
  readonly azure?: { readonly subscriptions?: readonly string[]; readonly resourceGraph: boolean };
  readonly root?: string;
  readonly sarifCategory?: string;
  /** Where to record the scan as evidence; `false` for `--no-evidence`; absent to use the config file's store. */
  readonly evidence?: string | false;
  readonly evidenceKey?: string;
  readonly evidenceRetainDays?: number;
  readonly color: boolean;
  readonly quiet: boolean;
  readonly debug: boolean;
}

export interface EvidenceVerifyCommand {
  readonly command: 'evidence-verify';
  readonly store: string;
  readonly publicKey?: string;
}

export interface EvidenceImportCommand {
  readonly command: 'evidence-import';
  readonly store: string;
  readonly reports: readonly string[];
  /** The scan time of the one report given, replacing the report's own (ISO 8601, UTC). */
  readonly time?: string;
  readonly evidenceKey?: string;
  readonly evidenceRetainDays?: number;
  readonly config?: string | false;
}

/** The formats of the evidence views: `trustscan evidence report`, `actions` and `summary`. */
export const viewFormats = ['markdown', 'html', 'json', 'csv'] as const;
export type ViewFormat = (typeof viewFormats)[number];

export interface ViewRequest {
  readonly format: ViewFormat;
  /** File to write; standard output when absent. */
  readonly output?: string;
}

/** What the three evidence views share: the store, the as-of time, the config file and the outputs. */
interface EvidenceViewCommand {
  /** The store; absent to use the config file's evidence.store. */
  readonly store?: string;
  /** Only what was recorded as observed up to this date or time (default: now). */
  readonly asOf?: string;
  readonly outputs: readonly ViewRequest[];
  readonly config?: string | false;
  /** The key every record must be signed by. */
  readonly publicKey?: string;
}

export interface EvidenceReportCommand extends EvidenceViewCommand {
  readonly command: 'evidence-report';
  readonly from: string;
  readonly to: string;
  /** `1d`, `12h`, `1w`; absent for the config file's evidence.cadence, else 1d. */
  readonly cadence?: string;
  readonly sample?: { readonly size: number; readonly seed?: string };
}

export interface EvidenceActionsCommand extends EvidenceViewCommand {
  readonly command: 'evidence-actions';
  /** Resolved and waived actions since this date are listed (default: 90 days before as-of). */
  readonly from?: string;
}

export interface EvidenceSummaryCommand extends EvidenceViewCommand {
  readonly command: 'evidence-summary';
  /** Start of the trend (default: a year before as-of, or the first record). */
  readonly from?: string;
  readonly cadence?: string;
}

export interface RulesListCommand {
  readonly command: 'rules-list';
  readonly format: 'text' | 'json';
  readonly rulesDirectories: readonly string[];
  readonly config?: string | false;
  readonly profile?: Profile;
}

export interface InitCommand {
  readonly command: 'init';
  /** Also write the GitHub Actions workflow. */
  readonly github: boolean;
  /** Overwrite files that exist. */
  readonly force: boolean;
}

export type Command =
  | ScanCommand
  | RulesListCommand
  | EvidenceVerifyCommand
  | EvidenceImportCommand
  | EvidenceReportCommand
  | EvidenceActionsCommand
  | EvidenceSummaryCommand
  | InitCommand
  | { readonly command: 'help'; readonly topic?: string }
  | { readonly command: 'version' };

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
  trustscan scan [PATH...] [options]   Scan Terraform directories, .tf files, plan and state JSON files and live clouds
  trustscan rules list [--format text|json] [--config FILE] [--profile baseline|strict]
  trustscan init [--github] [--force]  Write a commented trustscan.config.yaml (with --github, also
                                       .github/workflows/trustscan.yml); --force overwrites existing files
  trustscan evidence verify STORE [--public-key FILE]
  trustscan evidence import STORE REPORT.json... [--time ISO-8601] [--evidence-key FILE]
  trustscan evidence report STORE --from DATE --to DATE [--as-of DATE] [--cadence 1d] [--sample N [--seed S]]
  trustscan evidence actions STORE [--as-of DATE] [--from DATE]
  trustscan evidence summary STORE [--as-of DATE] [--from DATE]
  trustscan --help | --version

Targets:
  PATH                       A Terraform directory, a .tf file, a plan from \`terraform show -json\`, or a
                             state (\`terraform state pull\`, a .tfstate file, \`terraform show -json\`),
                             recognised by its content. A directory is walked for every root module in it.
                             Defaults to the config file's targets, else "." when no live target is given.
  --aws                      Scan the AWS account of the default credentials through AWS Config and S3
  --aws-region R1,R2         Regions to scan (default: the SDK's configured region)
  --aws-profile NAME         Shared-config profile for credentials
  --aws-aggregator NAME      Read every account and region of an AWS Config aggregator
  --azure                    Scan Azure subscriptions through Azure Resource Manager
  --azure-subscription ID    Subscriptions to scan, comma-separated (default: every one the credential sees)
  --azure-resource-graph     Query Azure Resource Graph instead of listing resources one by one
  --no-drift                 Do not compare Terraform with the cloud (by default, a scan of both reports
                             controls that drifted, unmanaged resources and missing ones)

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
  --profile NAME             baseline (default: what a SOC 2 auditor requires) or strict (best practice:
                             customer-managed keys, AWS Backup for every data store, longer retention)

Configuration, waivers and baselines:
  --config FILE              Read settings and waivers from FILE (default: the first trustscan.config.yaml,
                             .yml or .json from the working directory up to the repository root)
  --no-config                Do not look for a config file
  --baseline FILE            Report failures recorded in FILE as "baseline": shown, but they do not fail
  --write-baseline FILE      Record the current failures in FILE, and treat them as the baseline of this run

Evidence (an append-only, hash-chained record of every scan):
  --evidence STORE           Append a record of this scan to STORE: a directory (created if missing) or
                             s3://bucket/prefix (default: the config file's evidence.store)
  --no-evidence              Do not record this scan, even when the config file names a store
  --evidence-key FILE        Sign the record with this Ed25519 private key (PEM)
  --evidence-retain-days N   Lock the record for N days (S3 Object Lock, compliance mode; default: the config
                             file's evidence.retain-days, else the bucket's default retention)
  trustscan evidence verify STORE [--public-key FILE]
                             Recompute every hash and signature; exit 2 with one line per problem (edited,
                             missing, reordered, forked, bad signature, unreadable record)
  trustscan evidence import STORE REPORT.json... [--time ISO-8601]
                             Add past JSON reports as records marked as imported, at their own time or --time

Evidence views (-f/-o as for scan; STORE defaults to the config file's evidence.store):
  trustscan evidence report STORE --from DATE --to DATE
                             The SOC 2 Type II view of an observation period: per criterion and control,
                             whether it operated throughout, the deviations, drift, gaps, waivers and records
                             (-f markdown, html, json or csv: the exceptions, one per row)
    --as-of DATE             Only what was observed up to DATE (default: now)
    --cadence 1d             How often scans should run; a longer stretch without one is a gap (default: the
                             config file's evidence.cadence, else 1d)
    --sample N [--seed S]    Draw N dates of the period at random, with the evidence of each, as auditors do
  trustscan evidence actions STORE [--as-of DATE] [--from DATE]
                             The corrective action plan: each failing control with its owner (config owners),
                             due date (config sla), status and milestones; fixed and waived ones since --from
                             (default: 90 days before as-of). -f markdown, json, csv or html
  trustscan evidence summary STORE [--as-of DATE] [--from DATE]
                             The one-page executive summary: readiness per Trust Services category with its
                             trend since --from (default: a year), coverage, top risks, overdue actions and the
                             evidence trail. -f html or markdown
  --public-key FILE          With the views: records must be signed by this key

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
  if (first === 'evidence') {
    const [sub, ...options] = rest;
    if (sub === 'verify') return parseEvidenceVerify(options);
    if (sub === 'import') return parseEvidenceImport(options);
    if (sub === 'report' || sub === 'actions' || sub === 'summary') return parseEvidenceView(sub, options);
    throw new UsageError(`unknown evidence command "${sub ?? ''}"; the evidence commands are verify, import, report, actions and summary`);
  }
  if (first === 'rules') {
    const [sub, ...options] = rest;
    if (sub !== 'list') throw new UsageError(`unknown rules command "${sub ?? ''}"; did you mean \`trustscan rules list\`?`);
    return parseRulesList(options);
  }
  if (first === 'init') return parseInit(rest);
  throw new UsageError(`unknown command "${first}"; the commands are scan, rules list, init, evidence verify, import, report, actions and summary`);
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
    profile: { type: 'string' },
    'include-passed': { type: 'boolean' },
    'no-drift': { type: 'boolean' },
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
    evidence: { type: 'string' },
    'no-evidence': { type: 'boolean' },
    'evidence-key': { type: 'string' },
    'evidence-retain-days': { type: 'string' },
    'no-color': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'scan' };
  if (values.evidence !== undefined && values['no-evidence']) throw new UsageError('--evidence and --no-evidence cannot be used together');

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
    ...profileOption(values.profile),
    includePassed: values['include-passed'] ?? false,
    drift: !(values['no-drift'] ?? false),
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
    ...(values['no-evidence'] ? { evidence: false as const } : values.evidence === undefined ? {} : { evidence: checkStore(values.evidence, '--evidence') }),
    ...(values['evidence-key'] === undefined ? {} : { evidenceKey: values['evidence-key'] }),
    ...(values['evidence-retain-days'] === undefined ? {} : { evidenceRetainDays: parseRetainDays(values['evidence-retain-days']) }),
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
    profile: { type: 'string' },
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
    ...profileOption(values.profile),
  };
}

function profileOption(profile: string | undefined): { profile?: Profile } {
  if (profile === undefined) return {};
  if (!profiles.includes(profile as Profile)) throw new UsageError(`--profile must be one of ${profiles.join(', ')}, not "${profile}"`);
  return { profile: profile as Profile };
}

function parseInit(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv, {
    github: { type: 'boolean' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'init' };
  if (positionals.length > 0) throw new UsageError(`init takes no arguments; it writes into the working directory (got "${positionals.join(' ')}")`);
  return { command: 'init', github: values.github ?? false, force: values.force ?? false };
}

function parseEvidenceVerify(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv, {
    'public-key': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'evidence' };
  const [store, ...extra] = positionals;
  if (store === undefined) throw new UsageError('evidence verify needs the store: trustscan evidence verify STORE');
  if (extra.length > 0) throw new UsageError(`evidence verify takes one store, not also "${extra.join(' ')}"`);
  return { command: 'evidence-verify', store: checkStore(store, 'STORE'), ...(values['public-key'] === undefined ? {} : { publicKey: values['public-key'] }) };
}

function parseEvidenceImport(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv, {
    time: { type: 'string' },
    'evidence-key': { type: 'string' },
    'evidence-retain-days': { type: 'string' },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'evidence' };
  const [store, ...reports] = positionals;
  if (store === undefined || reports.length === 0) throw new UsageError('evidence import needs the store and at least one report: trustscan evidence import STORE REPORT.json...');
  if (values.time !== undefined && reports.length > 1) throw new UsageError('--time gives the time of one report; import reports one by one to give each its time');
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  return {
    command: 'evidence-import',
    store: checkStore(store, 'STORE'),
    reports,
    ...(values.time === undefined ? {} : { time: parseTime(values.time) }),
    ...(values['evidence-key'] === undefined ? {} : { evidenceKey: values['evidence-key'] }),
    ...(values['evidence-retain-days'] === undefined ? {} : { evidenceRetainDays: parseRetainDays(values['evidence-retain-days']) }),
    ...(values['no-config'] ? { config: false as const } : values.config === undefined ? {} : { config: values.config }),
  };
}

/** The formats each view writes; the first is the default, to standard output. */
const viewFormatsOf: Readonly<Record<'report' | 'actions' | 'summary', readonly ViewFormat[]>> = {
  report: ['markdown', 'html', 'json', 'csv'],
  actions: ['markdown', 'json', 'csv', 'html'],
  summary: ['html', 'markdown'],
};

function parseEvidenceView(view: 'report' | 'actions' | 'summary', argv: readonly string[]): Command {
  const { values, positionals, tokens } = parse(argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    cadence: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string' },
    format: { type: 'string', short: 'f', multiple: true },
    output: { type: 'string', short: 'o', multiple: true },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
    'public-key': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'evidence' };
  const [store, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`evidence ${view} takes one store, not also "${extra.join(' ')}"`);
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  const only = (option: string, views: readonly string[]) => {
    if (values[option as keyof typeof values] !== undefined && !views.includes(view)) throw new UsageError(`evidence ${view} does not take --${option}; it is an option of evidence ${views.join(' and ')}`);
  };
  only('to', ['report']);
  only('sample', ['report']);
  only('seed', ['report']);
  only('cadence', ['report', 'summary']);
  const asOf = values['as-of'] === undefined ? undefined : checkDate(values['as-of'], '--as-of');
  const from = values.from === undefined ? undefined : checkDate(values.from, '--from');
  const to = values.to === undefined ? undefined : checkDate(values.to, '--to');
  if (from !== undefined && to !== undefined && boundOf(to, 'end') < boundOf(from, 'start')) throw new UsageError(`--to ${to} is before --from ${from}; the period must end after it starts`);
  if (from !== undefined && asOf !== undefined && boundOf(asOf, 'end') < boundOf(from, 'start')) throw new UsageError(`--as-of ${asOf} is before --from ${from}: nothing of that period was observed yet`);
  if (values.cadence !== undefined && !parseCadence(values.cadence)) throw new UsageError(`--cadence takes a number and h, d or w, e.g. 1d, 12h or 1w, not "${values.cadence}"`);
  if (values.seed !== undefined && values.sample === undefined) throw new UsageError('--seed goes with --sample N: the seed draws the sample');
  const common = {
    ...(store === undefined ? {} : { store: checkStore(store, 'STORE') }),
    ...(asOf === undefined ? {} : { asOf }),
    outputs: viewOutputsFrom(tokens, viewFormatsOf[view], view),
    ...(values['no-config'] ? { config: false as const } : values.config === undefined ? {} : { config: values.config }),
    ...(values['public-key'] === undefined ? {} : { publicKey: values['public-key'] }),
  };
  if (view === 'report') {
    if (from === undefined || to === undefined) throw new UsageError('evidence report needs the observation period: --from DATE --to DATE, e.g. --from 2026-01-01 --to 2026-06-30');
    return {
      command: 'evidence-report',
      ...common,
      from,
      to,
      ...(values.cadence === undefined ? {} : { cadence: values.cadence }),
      ...(values.sample === undefined ? {} : { sample: { size: parseSampleSize(values.sample), ...(values.seed === undefined ? {} : { seed: values.seed }) } }),
    };
  }
  if (view === 'actions') return { command: 'evidence-actions', ...common, ...(from === undefined ? {} : { from }) };
  return { command: 'evidence-summary', ...common, ...(from === undefined ? {} : { from }), ...(values.cadence === undefined ? {} : { cadence: values.cadence }) };
}

/** An ISO 8601 date (a whole UTC day) or date-time with its zone, checked; returned as written. */
function checkDate(text: string, option: string): string {
  if (Number.isNaN(boundOf(text, 'start'))) throw new UsageError(`${option} takes an ISO 8601 date or time with its zone, e.g. 2026-03-31 or 2026-03-31T23:59:59Z, not "${text}"`);
  return text;
}

/** A date's first or last millisecond (a date-time is itself); NaN for anything else. */
function boundOf(text: string, bound: 'start' | 'end'): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== text) return Number.NaN;
    return bound === 'start' ? start : start + 86_400_000 - 1;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return Number.NaN;
  const midnight = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== text.slice(0, 10)) return Number.NaN;
  return Date.parse(text);
}

function parseSampleSize(text: string): number {
  const size = Number(text);
  if (!/^\d+$/.test(text) || size < 1 || size > 1000) throw new UsageError(`--sample takes a number of dates from 1 to 1000, not "${text}"`);
  return size;
}

/** Pairs each --output with the --format before it, as `reportsFrom` does for scan, with the view's own formats. */
function viewOutputsFrom(tokens: readonly { kind: string; name?: string; value?: string | undefined }[], formats: readonly ViewFormat[], view: string): ViewRequest[] {
  const check = (format: string): ViewFormat => {
    if (!formats.includes(format as ViewFormat)) throw new UsageError(`evidence ${view} writes ${formats.join(', ')}, not "${format}"`);
    return format as ViewFormat;
  };
  const requests: { format?: ViewFormat; output?: string }[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'format') requests.push({ format: check(token.value) });
    else if (token.name === 'output') {
      const last = requests.at(-1);
      if (last && last.output === undefined) last.output = token.value;
      else requests.push({ output: token.value });
    }
  }
  const extensions: Readonly<Record<string, ViewFormat>> = { '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html', '.json': 'json', '.csv': 'csv' };
  const resolved = requests.map(({ format, output }) => {
    if (format) return { format, ...(output === undefined ? {} : { output }) };
    const extension = Object.keys(extensions).find((ext) => (output ?? '').toLowerCase().endsWith(ext));
    if (!extension) throw new UsageError(`cannot tell the format of "${output ?? ''}" from its extension; add --format before --output`);
    return { format: check(extensions[extension] as ViewFormat), output: output as string };
  });
  if (resolved.length === 0) return [{ format: formats[0] as ViewFormat }];
  if (resolved.filter((r) => r.output === undefined).length > 1) throw new UsageError('only one view can go to standard output; give the others an --output file');
  return resolved;
}

function checkStore(store: string, option: string): string {
  if (store.trim() === '') throw new UsageError(`${option} needs a directory or s3://bucket/prefix`);
  if (store.startsWith('s3://') && !/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(store)) throw new UsageError(`${option} "${store}" is not an S3 location; write s3://bucket/prefix`);
  return store;
}

function parseRetainDays(text: string): number {
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > 36_500) throw new UsageError(`--evidence-retain-days takes a whole number of days from 1 to 36500, not "${text}"`);
  return days;
}

/** An ISO 8601 date (midnight UTC) or date-time with a zone (`Z` or an offset), as a UTC timestamp. */
function parseTime(text: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const time = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
  const day = text.slice(0, 10);
  const realDay = !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if ((!dateOnly && !dateTime) || Number.isNaN(time) || !realDay) {
    throw new UsageError(`--time takes an ISO 8601 date or time with its zone, e.g. 2026-03-31 or 2026-03-31T02:00:00Z, not "${text}"`);
  }
  return new Date(time).toISOString();
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
