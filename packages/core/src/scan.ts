import { stat } from 'node:fs/promises';
import path from 'node:path';
import { applyWaivers } from './engine/waivers.js';
import { evaluateRules } from './engine/evaluate.js';
import { resolveRuleOptions, runsInProfile, type RuleOptionOverrides } from './engine/rule-options.js';
import { summarize } from './engine/summary.js';
import { Inventory } from './inventory/inventory.js';
import { relationSpecs, type RelationSpec } from './inventory/relations.js';
import { InputError, ScanAbortedError, describeError } from './model/errors.js';
import type { Finding, Notification, ScanResult, TargetReport } from './model/finding.js';
import { profiles, type Profile, type Rule } from './model/rule.js';
import type { Waiver } from './model/waiver.js';
import { loadTarget } from './sources/load-target.js';
import type { Resource } from './model/resource.js';
import type { LiveSources, SourceContext, TerraformOptions } from './sources/source.js';
import { describeTarget, type Target } from './sources/target.js';
import type { TerraformSession } from './sources/terraform/terraform-session.js';
import { DeclarationLocator } from './sources/terraform/syntax/declarations.js';
import { compareDrift, type DriftTarget } from './drift/compare-drift.js';
import { relativeFile } from './engine/locate.js';
import { toolName, toolVersion } from './version.js';

export interface ScanOptions {
  readonly targets: readonly Target[];
  readonly rules: readonly Rule[];
  /** Sources for live targets, by kind: `{ aws: awsSource }` from `@trustscan/aws`, `{ azure: azureSource }` from `@trustscan/azure`. */
  readonly sources?: LiveSources;
  /** Directory that finding locations are relative to (the repository root in CI). Defaults to the working directory. */
  readonly root?: string;
  /** Terraform configuration directory for locating plan and live findings in `.tf` files. */
  readonly tfDir?: string;
  readonly waivers?: readonly Waiver[];
  /** Today's date as `YYYY-MM-DD`, for waiver expiry. Defaults to the current UTC date. */
  readonly today?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly terraform?: TerraformOptions;
  /** Extra relations for the inventory, beside the built-in ones. */
  readonly relations?: readonly RelationSpec[];
  /** `baseline` (the default): what a SOC 2 auditor requires; `strict`: best practice beyond it. */
  readonly profile?: Profile;
  /** Rule options by rule id and option name, e.g. `{ 'aws-cloudwatch-log-group-retention': { minDays: 90 } }`. */
  readonly ruleOptions?: RuleOptionOverrides;
  /**
   * Compare Terraform with the cloud when the targets hold both (the default): the drift rules among `rules`
   * (`driftRules`) report controls that drifted, unmanaged and missing resources. `false` leaves them out.
   */
  readonly drift?: boolean;
  /**
   * Identifies the rules and everything that decides how they judge (their code and version, settings, options):
   * two scans with the same identity must evaluate the same rules the same way. With it, the findings of an
   * unchanged Terraform root are kept beside the root in the cache and reused; without it, they are evaluated
   * every time (the evaluated roots are still cached). The CLI derives it from the tool, the config file and the
   * rule directories.
   */
  readonly rulesIdentity?: string;
}

export interface ProgressEvent {
  readonly target: string;
  readonly message: string;
}

/**
 * Scans the targets with the rules and returns every finding with a summary. A target that cannot be read becomes
 * an `input-error` notification and the others are still scanned; the caller decides the exit code.
 */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const startedAt = new Date().toISOString();
  const root = path.resolve(options.root ?? process.cwd());
  const profile = options.profile ?? 'baseline';
  if (!profiles.includes(profile)) throw new InputError(`scan(): profile must be one of ${profiles.join(', ')}, not "${String(profile)}".`, { subject: 'scan()' });
  // Options are checked against every rule given, so a value for a rule the profile leaves out is still checked.
  const ruleOptions = resolveRuleOptions(options.rules, profile, options.ruleOptions);
  const rules = options.rules.filter((rule) => runsInProfile(rule.meta, profile) && (options.drift !== false || rule.meta.drift === undefined));
  // Drift needs both sides: what each target loaded is kept for the comparison only when a scan has both.
  const comparesDrift = rules.some((rule) => rule.meta.drift !== undefined) && options.targets.some(isLive) && options.targets.some((target) => !isLive(target));
  const driftTargets: { declared: DriftTarget[]; live: DriftTarget[] } = { declared: [], live: [] };
  const settings = { profile, options: ruleOptions };
  const locator = new DeclarationLocator();
  const findings: Finding[] = [];
  const notifications: Notification[] = [];
  const waivers: Waiver[] = [...(options.waivers ?? [])];
  const targets: TargetReport[] = [];
  let resourceCount = 0;
  const tfDir = options.tfDir === undefined ? undefined : path.resolve(options.tfDir);
  if (tfDir !== undefined && !(await isDirectory(tfDir))) {
    notifications.push({ level: 'error', code: 'input-error', message: `${options.tfDir ?? tfDir}: --tf-dir is not a readable directory; pass the Terraform configuration directory.`, subject: tfDir });
  }
  const terraform = options.terraform ?? {};
  let declared: Promise<readonly Resource[]> | undefined;
  const declaredResources = (): Promise<readonly Resource[]> => {
    declared ??= tfDir === undefined
      ? Promise.resolve([])
      : loadTarget({ kind: 'terraform-hcl', path: tfDir }, { root, locator, terraform, progress: () => {}, declaredResources: async () => [] })
          .then((output) => output.resources)
          .catch(() => []);
    return declared;
  };

  // The Terraform sources' shared state, loaded only when a target may be Terraform configuration.
  const terraformScan = (await Promise.all(options.targets.map(mayBeTerraformConfiguration))).some(Boolean) ? await import('./sources/terraform/terraform-scan.js') : undefined;
  const session: TerraformSession | undefined = terraformScan ? new terraformScan.TerraformSession(terraform, root, options.signal) : undefined;
  // Findings of unchanged roots are reused only when nothing else needs the roots' resources: drift compares them.
  const findingsKey =
    options.rulesIdentity === undefined || !session?.cache || !terraformScan || comparesDrift
      ? undefined
      : terraformScan.rulesKey(options.rulesIdentity, root, [options.relations ?? null, profile, [...ruleOptions]]);
  const scanOne = async (target: Target, oneOfSeveral: boolean): Promise<void> => {
    if (options.signal?.aborted) throw new ScanAbortedError();
    const label = target.kind === 'terraform-hcl' && target.discoveredIn !== undefined ? relativeFile(root, path.resolve(target.path)) || '.' : describeTarget(target);
    // Among the roots of a repository, a note such as "aws_s3_bucket.b: count is unknown" must say whose it is.
    const ofTarget = (list: readonly Notification[]): readonly Notification[] => (oneOfSeveral ? list.map((n) => nameTarget(n, label)) : list);
    const context: SourceContext = {
      root,
      locator,
      progress: (message) => options.onProgress?.({ target: label, message }),
      terraform,
      declaredResources,
      ...(session ? { terraformSession: session } : {}),
      ...(tfDir === undefined ? {} : { tfDir }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    };
    try {
      if (findingsKey !== undefined && session && terraformScan && target.kind === 'terraform-hcl') {
        const reused = await terraformScan.cachedRootFindings(target, context, session, findingsKey);
        if (reused) {
          for (const finding of reused.findings) findings.push(finding);
          notifications.push(...ofTarget(reused.summary.notifications));
          waivers.push(...reused.summary.waivers);
          resourceCount += reused.summary.resourceCount;
          targets.push({ name: reused.summary.name, kind: reused.summary.kind, resources: reused.summary.resourceCount, ok: true, ...(reused.summary.inputs ? { inputs: reused.summary.inputs } : {}) });
          return;
        }
      }
      const output = await loadTarget(target, context, options.sources);
      // One inventory per target: addresses are unique within a plan, a directory or an account, not across them.
      const inventory = new Inventory(output.resources, options.relations ? [...relationSpecs, ...options.relations] : relationSpecs, output.observedTypes);
      const evaluated = evaluateRules(inventory, rules, root, output.name, settings);
      if (findingsKey !== undefined && output.cacheKey !== undefined) await session?.cache?.setFindings(output.cacheKey, findingsKey, evaluated);
      // Appended one by one: spreading a hundred thousand findings into push() overflows the call stack.
      for (const finding of evaluated) findings.push(finding);
      if (comparesDrift) {
        const side = { name: output.name, kind: output.kind, resources: output.resources, findings: evaluated, inventory, ...(output.observedTypes ? { observedTypes: output.observedTypes } : {}), ...(output.scope ? { scope: output.scope } : {}) };
        (isLive(target) ? driftTargets.live : driftTargets.declared).push(side);
      }
      notifications.push(...ofTarget(output.notifications));
      waivers.push(...(output.waivers ?? []));
      resourceCount += output.resources.length;
      targets.push({ name: output.name, kind: output.kind, resources: output.resources.length, ok: true, ...(output.inputs === undefined ? {} : { inputs: output.inputs }) });
    } catch (error) {
      if (error instanceof ScanAbortedError || options.signal?.aborted) throw new ScanAbortedError();
      const subject = error instanceof InputError && error.subject ? error.subject : label;
      notifications.push({
        level: 'error',
        code: error instanceof InputError ? 'input-error' : 'source-error',
        message: error instanceof InputError ? error.message : isStackOverflow(error) ? `${label}: nests too deeply to evaluate (the call stack overflowed); simplify its deepest expression or value. The other targets were scanned.` : `${label}: ${describeError(error)}`,
        subject,
      });
      targets.push({ name: label, kind: target.kind, resources: 0, ok: false });
    }
  };

  for (const target of options.targets) {
    if (options.signal?.aborted) throw new ScanAbortedError();
    // A directory is walked for its root modules; each is scanned as a target of its own.
    const expanded = session && terraformScan ? await terraformScan.expandTarget(target, root, session, options.signal) : { targets: [target], notifications: [] };
    notifications.push(...expanded.notifications);
    for (const each of expanded.targets) await scanOne(each, expanded.targets.length > 1);
  }

  if (comparesDrift) {
    const drift = compareDrift({ ...driftTargets, rules: rules.map((r) => r.meta), root, ...(options.relations ? { relations: options.relations } : {}) });
    for (const finding of drift.findings) findings.push(finding);
    notifications.push(...drift.notifications);
  }

  const waived = applyWaivers(findings, waivers, options.today ?? new Date().toISOString().slice(0, 10));
  const sorted = sortFindings(waived.findings);
  const evaluatedRuleIds = new Set(sorted.map((f) => f.ruleId));
  return {
    tool: { name: toolName, version: toolVersion },
    startedAt,
    finishedAt: new Date().toISOString(),
    root,
    targets,
    rules: rules.map((r) => r.meta),
    profile,
    ruleOptions: Object.fromEntries(rules.filter((r) => r.meta.options).map((r) => [r.meta.id, ruleOptions.get(r.meta.id) ?? {}])),
    findings: sorted,
    notifications: [...notifications, ...waived.notifications],
    waivers: waived.reports,
    summary: summarize(sorted, rules.map((r) => r.meta).filter((m) => evaluatedRuleIds.has(m.id)), resourceCount),
  };
}

/**
 * The notification with its target's name in front, unless its message starts with the target or a file inside it
 * (for the root at the top, `.`, any relative file: `main.tf:3:1: …`).
 */
function nameTarget(notification: Notification, target: string): Notification {
  const { message } = notification;
  const located = target === '.' ? message.startsWith('.:') || /^[^\s:/][^\s:]*\.(tf|tf\.json|tfvars|tfvars\.json|hcl)\b/.test(message) : message.startsWith(`${target}/`) || message.startsWith(`${target}:`);
  return located ? notification : { ...notification, message: `${target}: ${message}` };
}

/**
 * Sorts findings deterministically: by file, position, rule, resource and fingerprint. Files and rule ids are
 * compared by precomputed rank: a scan may hold a hundred thousand findings, and most comparisons are then decided
 * by numbers.
 */
function sortFindings(findings: Finding[]): Finding[] {
  const rank = (values: Iterable<string>): Map<string, number> => new Map([...new Set(values)].sort(compare).map((v, i) => [v, i]));
  const files = rank(findings.map((f) => f.location.file));
  const ruleIds = rank(findings.map((f) => f.ruleId));
  // The sort keys are read once per finding rather than once per comparison (some two million at 100,000 findings).
  const keyed = findings.map((finding) => ({
    finding,
    file: files.get(finding.location.file) ?? 0,
    line: finding.location.startLine,
    column: finding.location.startColumn,
    rule: ruleIds.get(finding.ruleId) ?? 0,
  }));
  keyed.sort(
    (a, b) =>
      a.file - b.file ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule - b.rule ||
      compare(a.finding.resource.address, b.finding.resource.address) ||
      compare(a.finding.fingerprint, b.finding.fingerprint),
  );
  for (let i = 0; i < keyed.length; i++) findings[i] = (keyed[i] as (typeof keyed)[number]).finding;
  return findings;
}

/** Whether a target is read from a live cloud rather than from Terraform. */
function isLive(target: Target): boolean {
  return target.kind === 'aws' || target.kind === 'azure';
}

/** Whether a target may be Terraform configuration (a directory, a `.tf` file): plan scans need none of its code. */
async function mayBeTerraformConfiguration(target: Target): Promise<boolean> {
  if (target.kind === 'terraform-hcl') return true;
  if (target.kind !== 'path') return false;
  return /\.tf(\.json)?$/.test(target.path) || (await isDirectory(target.path));
}

async function isDirectory(directory: string): Promise<boolean> {
  try {
    return (await stat(directory)).isDirectory();
  } catch {
    return false;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether an error is V8's stack overflow: a last line of defence for input nested deeper than the limits expect. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes('call stack');
}
