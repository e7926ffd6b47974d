import { ruleDocsUrl, severities, type Finding, type ScanResult, visibleText } from '@trustscan/core';
import { driftView, sidePlace, sideText, type DriftView, type SideText } from './drift-view.js';
import {
  areaLabels,
  bySeverityThenPlace,
  placeOf,
  plural,
  readinessView,
  resourceOf,
  severityLabels,
  targetKind,
  verdictLabels,
  type CriterionGroup,
  type CriterionVerdict,
  type ReadinessView,
  type RuleGroup,
} from './readiness.js';

export interface MarkdownOptions {
  /**
   * The longest text to return. GitHub rejects pull-request comments over 65,536 characters, so the default keeps
   * under that; long lists are shortened first, then fixes become links, and only then is the text cut.
   */
  readonly maxLength?: number;
  /** The day of the scan (`YYYY-MM-DD`), shown in the heading line; omitted when not given. */
  readonly date?: string;
}

export const defaultMarkdownLength = 65_000;

/** How much detail fits: rows per list, and whether each control's fix is written out or linked. */
interface Detail {
  readonly rows: number;
  readonly fixes: boolean;
}

const details: readonly Detail[] = [
  { rows: Number.POSITIVE_INFINITY, fixes: true },
  { rows: 100, fixes: true },
  { rows: 30, fixes: true },
  { rows: 30, fixes: false },
  { rows: 10, fixes: false },
  { rows: 3, fixes: false },
  { rows: 0, fixes: false },
];

const verdictMarks: Readonly<Record<CriterionVerdict, string>> = { gaps: '❌', 'known-gaps': '🟠', 'not-determined': '⚠️', 'no-gaps': '✅' };

/**
 * A SOC 2 readiness summary in GitHub-flavoured Markdown, for a pull-request comment or a job summary: where each
 * Trust Services Criterion in scope stands, the failing checks grouped by criterion and severity with resource,
 * location and fix, what was not evaluated and why, and the waivers with owner and expiry.
 */
export function toMarkdown(result: ScanResult, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? defaultMarkdownLength;
  const view = readinessView(result);
  let text = '';
  for (const detail of details) {
    text = render(result, view, detail, options);
    if (text.length <= maxLength) return text;
  }
  return cut(text, maxLength);
}

function render(result: ScanResult, view: ReadinessView, detail: Detail, options: MarkdownOptions): string {
  const drift = driftView(result);
  const sections = [
    heading(result, view, options, detail),
    criteriaSection(view),
    driftSection(drift, detail),
    failingSection(view, detail, drift !== undefined),
    baselineSection(view, detail),
    notEvaluatedSection(view, detail),
    waiverSection(view, detail),
    `---\n<sub>${escapeMarkdown(`${result.tool.name} ${result.tool.version}`)}. The SARIF, JSON and HTML reports of the same scan list every check, with a stable fingerprint for each finding.</sub>`,
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

/** Targets named inline in the heading; beyond this many, they are counted there and listed in a table. */
const maxListedTargets = 3;

/** One row per target (the roots of a repository), with what failed and what could not be decided in each. */
function targetsTable(view: ReadinessView, detail: Detail): string {
  if (view.targets.length === 0) return '';
  // The table of targets is the map to everything below it: it keeps 30 rows even when the rest is cut to fit.
  const shown = view.targets.slice(0, cap(Math.max(detail.rows, 30), 200));
  const rows = shown.map((t) => row([markdownCode(t.name, true), targetKind(t.kind), t.ok ? String(t.resources) : 'could not be read', String(t.failingCount), String(t.unknownCount)]));
  const table = [row(['Target', 'Kind', 'Resources', 'Failing', 'Not determined']), row(['---', '---', '---:', '---:', '---:']), ...rows].join('\n');
  return `\n\n<details><summary>${plural(view.targets.length, 'target')}</summary>\n\n${table}${more(view.targets.length, shown.length, 'target')}\n\n</details>`;
}

function heading(result: ScanResult, view: ReadinessView, options: MarkdownOptions, detail: Detail): string {
  const { byStatus, failBySeverity, resources, rulesEvaluated } = result.summary;
  const bySeverity = severities.filter((s) => failBySeverity[s] > 0).map((s) => `${failBySeverity[s]} ${s}`).join(', ');
  const verdict =
    byStatus.fail > 0
      ? `❌ **${plural(byStatus.fail, 'failing check')} need${byStatus.fail === 1 ? 's' : ''} attention** (${bySeverity})`
      : byStatus.unknown > 0
        ? '⚠️ **No failing checks, but some could not be decided**'
        : '✅ **No failing checks**';
  const counts = [`${byStatus.unknown} not determined`, `${byStatus.waived} waived`, ...(byStatus.baseline > 0 ? [`${byStatus.baseline} in the baseline`] : []), `${byStatus.pass} passing`];
  const targets = result.targets.map((t) => `${markdownCode(t.name)} (${targetKind(t.kind)}${t.ok ? `, ${plural(t.resources, 'resource')}` : ', could not be read'})`);
  const what = targets.length === 0 ? 'nothing' : targets.length > maxListedTargets ? plural(targets.length, 'target') : targets.join(', ');
  const scanned =
    `Scanned ${what}${result.targets.length > 1 ? `, ${plural(resources, 'resource')} in all,` : ''} with ${plural(rulesEvaluated, 'automated control')} of the ${result.profile ?? 'baseline'} profile` +
    `${options.date ? ` on ${escapeMarkdown(options.date)}` : ''}. The controls that ran support ${view.criteriaInScope} of the ${view.criteriaTotal} Trust Services Criteria.`;
  return `## SOC 2 readiness: ${escapeMarkdown(result.tool.name)} scan\n\n${verdict} · ${counts.join(' · ')}\n\n${scanned}${targetsTable(view, detail)}`;
}

function criteriaSection(view: ReadinessView): string {
  if (view.criteria.length === 0) return '### Trust Services Criteria in scope\n\nNo control was evaluated: no resource in the scanned targets is of a type the controls check.';
  const rows = view.criteria.map((c) =>
    row([`**${c.id}** ${escapeMarkdown(c.title)}`, `${verdictMarks[c.verdict]} ${verdictLabels[c.verdict]}`, String(c.rules), String(c.resources), String(c.pass), String(c.fail), String(c.unknown), String(c.waived), String(c.baseline)]),
  );
  return [
    '### Trust Services Criteria in scope',
    'Each row is a criterion that at least one automated control supports. *Controls* are the checks that ran; *resources* are what they checked. ' +
      'A control counts towards every criterion it supports, so a finding can count in more than one row. ' +
      '"No gaps found" means every check passed or was waived: evidence for the criterion, not proof of it, since SOC 2 criteria also cover people and processes that configuration cannot show.',
    [row(['Criterion', 'Status', 'Controls', 'Resources', 'Pass', 'Fail', 'Not determined', 'Waived', 'Baseline']), row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']), ...rows].join('\n'),
  ].join('\n\n');
}

function failingSection(view: ReadinessView, detail: Detail, drift: boolean): string {
  if (view.failingCount === 0) return `### Failing checks\n\nNone${drift ? ' besides the drift above' : ''}.`;
  if (view.targets.length > 0) {
    // Several targets: each with its own failing checks; a control's fix is written out where it first appears.
    const fixed = new Set<string>();
    return [
      `### Failing checks (${view.failingCount})`,
      'Grouped by target, then by the criterion each control primarily supports, most severe first, with the fix for each control.',
      ...view.targets.filter((t) => t.failingCount > 0).flatMap((t) => [`#### ${markdownCode(t.name)} · ${plural(t.failingCount, 'failing check')}`, ...groupsText(t.failing, detail, true, '#####', fixed)]),
    ].join('\n\n');
  }
  return [
    `### Failing checks (${view.failingCount})`,
    `Grouped by the criterion each control primarily supports, most severe first, with the fix for each control.${drift ? ' Drift is listed above.' : ''}`,
    ...groupsText(view.failing, detail, true),
  ].join('\n\n');
}

/** Drifted controls with both copies side by side, unmanaged resources per type, and missing ones. */
function driftSection(view: DriftView | undefined, detail: Detail): string {
  if (!view) return '';
  const parts = [
    '### Drift: Terraform against the cloud',
    `${plural(view.compared, 'control verdict')} compared between the Terraform declaration and the live resource: ` +
      `**${plural(view.drifted.length, 'drifted control')}**, **${plural(view.unmanaged.length, 'unmanaged resource')}**, **${plural(view.missing.length, 'missing resource')}**` +
      `${view.undetermined > 0 ? `, ${view.undetermined} not determined` : ''}${view.setAside > 0 ? `, ${view.setAside} waived or in the baseline` : ''}.`,
  ];
  const rows = cap(detail.rows, 50);
  if (view.drifted.length > 0) {
    const table = [row(['Severity', 'Control', 'Resource', 'Terraform declares', 'The cloud runs']), row(['---', '---', '---', '---', '---'])];
    for (const { finding, control, declared, live } of view.drifted.slice(0, rows)) {
      const drift = finding.drift ?? { kind: 'control' as const };
      table.push(
        row([
          severityLabels[finding.severity],
          markdownCode(control, true),
          markdownCode(finding.resource.address, true),
          `${verdictText(declared.status)} at ${markdownCode(sidePlace(declared), true)}: ${sideMarkdown(sideText(drift, declared))}`,
          `${verdictText(live.status)} on ${markdownCode(live.cloudId ?? live.address, true)}: ${sideMarkdown(sideText(drift, live))}`,
        ]),
      );
    }
    parts.push(`#### Drifted controls (${view.drifted.length})`, table.join('\n') + more(view.drifted.length, Math.min(rows, view.drifted.length), 'drifted control'), driftFix('drift-control'));
  }
  if (view.unmanaged.length > 0) {
    const table = [row(['Type', 'Resource', 'Where']), row(['---', '---', '---'])];
    for (const finding of view.unmanaged.slice(0, rows)) table.push(row([markdownCode(finding.resource.type, true), markdownCode(finding.resource.cloudId ?? finding.resource.address, true), markdownCode(finding.target ?? placeOf(finding), true)]));
    parts.push(
      `#### Unmanaged resources (${view.unmanaged.length})`,
      `Live resources no Terraform configuration of this scan declares, by type: ${view.unmanagedByType.map((t) => `${markdownCode(t.type)} ${t.count}`).join(' · ')}.`,
      table.join('\n') + more(view.unmanaged.length, Math.min(rows, view.unmanaged.length), 'unmanaged resource'),
      driftFix('drift-unmanaged'),
    );
  }
  if (view.missing.length > 0) {
    const table = [row(['Resource', 'Declared at', 'Finding']), row(['---', '---', '---'])];
    for (const finding of view.missing.slice(0, rows)) table.push(row([markdownCode(resourceOf(finding), true), markdownCode(placeOf(finding), true), escapeMarkdown(finding.message)]));
    parts.push(`#### Missing resources (${view.missing.length})`, table.join('\n') + more(view.missing.length, Math.min(rows, view.missing.length), 'missing resource'), driftFix('drift-missing'));
  }
  return parts.join('\n\n');
}

function sideMarkdown(side: SideText): string {
  return side.kind === 'value' ? markdownCode(side.text, true) : escapeMarkdown(side.text);
}

function verdictText(status: string | undefined): string {
  return status === 'pass' ? '✅ pass' : status === 'fail' ? '❌ fail' : '⚠️ not determined';
}

function driftFix(ruleId: string): string {
  return `How to fix: [${ruleId}](${ruleDocsUrl(ruleId)}).`;
}

function baselineSection(view: ReadinessView, detail: Detail): string {
  if (view.baselineCount === 0) return '';
  return [
    `### Known failures in the baseline (${view.baselineCount})`,
    'These failures were recorded in a baseline file when the team adopted trustscan. They are still gaps and are reported, but only new failures fail the build.',
    ...groupsText(view.baseline, { ...detail, rows: Math.min(detail.rows, 10) }, false),
  ].join('\n\n');
}

/** Criterion headings, a line per control with its severity, its findings as a table, and its fix. */
function groupsText(groups: readonly CriterionGroup[], detail: Detail, withFixes: boolean, level = '####', fixed?: Set<string>): string[] {
  const parts: string[] = [];
  let budget = detail.rows;
  const ordered = [...groups.flatMap((g) => g.severities.flatMap((s) => s.rules))].sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity));
  // Rows go to the most severe findings first, so a shortened report still lists every critical one.
  const shown = new Map<RuleGroup, number>();
  for (const group of ordered) {
    const take = Math.min(group.findings.length, Math.max(0, budget));
    shown.set(group, take);
    budget -= take;
  }
  for (const criterion of groups) {
    parts.push(`${level} ${criterion.id} · ${escapeMarkdown(criterion.title)}`);
    for (const severityGroup of criterion.severities) {
      for (const group of severityGroup.rules) {
        parts.push(ruleGroupText(group, shown.get(group) ?? 0, detail, withFixes && !fixed?.has(group.ruleId)));
        fixed?.add(group.ruleId);
      }
    }
  }
  return parts;
}

function ruleGroupText(group: RuleGroup, shown: number, detail: Detail, withFixes: boolean): string {
  const title = group.rule ? escapeMarkdown(group.rule.title) : markdownCode(group.ruleId);
  const also = group.alsoSupports.length > 0 ? ` · also supports ${group.alsoSupports.join(', ')}` : '';
  const area = group.rule ? ` · ${areaLabels[group.rule.area]}` : '';
  const lines = [`**${severityLabels[group.severity]}** · ${title} · ${markdownCode(group.ruleId)}${area} · ${plural(group.findings.length, 'resource')}${also}`];
  if (shown > 0) {
    const table = [row(['Resource', 'Location', 'Finding']), row(['---', '---', '---'])];
    for (const finding of group.findings.slice(0, shown)) table.push(row([markdownCode(resourceOf(finding), true), markdownCode(placeOf(finding), true), escapeMarkdown(finding.message)]));
    lines.push('', table.join('\n'));
  }
  const hidden = group.findings.length - shown;
  if (hidden > 0) lines.push('', `*${shown > 0 ? `…and ${plural(hidden, 'more resource')}` : plural(hidden, 'resource')} not listed here; see the SARIF, JSON or HTML report.*`);
  if (withFixes) lines.push('', fixText(group, detail.fixes));
  return lines.join('\n');
}

function fixText(group: RuleGroup, full: boolean): string {
  const docs = group.rule && group.rule.pack !== 'custom' ? ruleDocsUrl(group.ruleId) : undefined;
  if (full && group.rule) {
    const more = docs ? `\n\n[Rule documentation](${docs})` : '';
    return `<details><summary>How to fix</summary>\n\n${neutralizeHtml(group.rule.remediation.trim())}${more}\n\n</details>`;
  }
  return docs ? `How to fix: [rule documentation](${docs}).` : 'How to fix: see the remediation of this control in the HTML or SARIF report.';
}

function notEvaluatedSection(view: ReadinessView, detail: Detail): string {
  const parts = ['### Not evaluated, and why'];
  if (view.notifications.length === 0 && view.unknown.length === 0 && view.idleRules.length === 0) {
    parts.push('Every control ran, and every check it made was decided.');
    return parts.join('\n\n');
  }
  if (view.notifications.length > 0) {
    const table = [row(['Level', 'About', 'Message']), row(['---', '---', '---'])];
    for (const n of view.notifications.slice(0, cap(detail.rows, 20))) table.push(row([n.level, n.subject ? markdownCode(n.subject, true) : '', escapeMarkdown(n.message)]));
    parts.push(`#### Problems and notes from the scan (${view.notifications.length})`, table.join('\n') + more(view.notifications.length, cap(detail.rows, 20), 'message'));
  }
  if (view.unknown.length > 0) {
    const table = [row(['Severity', 'Control', 'Resource', 'Location', 'Why it could not be decided']), row(['---', '---', '---', '---', '---'])];
    const shown = view.unknown.slice(0, cap(detail.rows, 50));
    for (const f of shown) table.push(row([severityLabels[f.severity], markdownCode(f.ruleId, true), markdownCode(resourceOf(f), true), markdownCode(placeOf(f), true), escapeMarkdown(f.message)]));
    parts.push(
      `#### Checks that could not be decided (${view.unknown.length})`,
      'A value known only after apply, a variable without a value, or a setting the scan was not allowed to read: these are neither passes nor failures.',
      table.join('\n') + more(view.unknown.length, shown.length, 'check'),
    );
  }
  if (view.idleRules.length > 0) {
    const shown = view.idleRules.slice(0, cap(detail.rows, 40));
    const list = shown.map(({ rule }) => `- ${markdownCode(rule.id)}: ${escapeMarkdown(rule.title)} (looks for ${rule.resourceTypes.map((t) => markdownCode(t)).join(', ')})`);
    // Collapsed: with a large rule pack and a small scan this list is long, and it is context rather than a gap.
    parts.push(
      `#### Controls with nothing to check (${view.idleRules.length})`,
      `No resource of the types these controls check was in the scanned targets. If such resources exist elsewhere, scan them too.\n\n<details><summary>${plural(view.idleRules.length, 'control')}</summary>\n\n${list.join('\n')}${more(view.idleRules.length, shown.length, 'control')}\n\n</details>`,
    );
  }
  return parts.join('\n\n');
}

function waiverSection(view: ReadinessView, detail: Detail): string {
  if (view.waivers.length === 0) return '';
  const states = { active: 'Active', expired: '⚠️ Expired', stale: '⚠️ Stale (matches nothing)' } as const;
  const table = [row(['Control', 'Resources', 'Reason', 'Owner', 'Expires', 'State', 'Waived', 'Written at']), row(['---', '---', '---', '---', '---', '---', '---:', '---'])];
  const shown = view.waivers.slice(0, cap(detail.rows, 50));
  for (const w of shown) {
    table.push(row([markdownCode(w.rule, true), markdownCode(w.resource, true), escapeMarkdown(w.reason), w.owner ? markdownCode(w.owner, true) : 'not given', w.expires ?? 'never', states[w.state], String(w.matched), markdownCode(`${w.source.file}:${w.source.line}`, true)]));
  }
  const parts = [
    `### Waivers (${view.waivers.length})`,
    'Accepted risks, each with a reason, an owner and an expiry date. An expired waiver no longer waives anything; a stale one matched no finding and should be removed.',
    table.join('\n') + more(view.waivers.length, shown.length, 'waiver'),
  ];
  if (view.waived.length > 0) {
    const findings = [...view.waived].sort(bySeverityThenPlace).slice(0, cap(detail.rows, 50));
    const list = [row(['Severity', 'Control', 'Resource', 'Location', 'Owner', 'Expires']), row(['---', '---', '---', '---', '---', '---'])];
    for (const f of findings) list.push(waivedRow(f));
    parts.push(`<details><summary>${view.waived.length} waived finding(s)</summary>\n\n${list.join('\n')}${more(view.waived.length, findings.length, 'finding')}\n\n</details>`);
  }
  return parts.join('\n\n');
}

function waivedRow(f: Finding): string {
  return row([severityLabels[f.severity], markdownCode(f.ruleId, true), markdownCode(resourceOf(f), true), markdownCode(placeOf(f), true), f.waiver?.owner ? markdownCode(f.waiver.owner, true) : '', f.waiver?.expires ?? '']);
}

function cap(rows: number, limit: number): number {
  return Math.min(rows, limit);
}

function more(total: number, shown: number, what: string): string {
  return total > shown ? `\n\n*…and ${plural(total - shown, `more ${what}`)}; see the SARIF, JSON or HTML report.*` : '';
}

/** Cuts at the last line break that leaves room for the note saying so. */
function cut(text: string, maxLength: number): string {
  const note = '\n\n*The rest of this summary was cut to fit; see the SARIF, JSON or HTML report.*\n';
  const end = text.lastIndexOf('\n', Math.max(0, maxLength - note.length));
  return `${text.slice(0, Math.max(0, end))}${note}`.slice(0, maxLength);
}

/**
 * A rule's remediation is Markdown and stays Markdown, but a rule from a user's directory must not bring HTML or
 * script links into a pull-request comment, nor notify anyone: outside code, `<` becomes an entity, only http(s)
 * and anchor links stay links, and `@` cannot start a mention.
 */
export function neutralizeHtml(markdown: string): string {
  return markdown
    .split(/(^```[\s\S]*?^```[ \t]*$)/m)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .split(/(`+[^`]*?`+)/)
            .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(/</g, '&lt;').replace(/\]\((?!https?:\/\/|#)/g, ']\\(').replace(/@(?=[A-Za-z0-9])/g, '@\u2060')))
            .join(''),
    )
    .join('');
}

/** A table row; cells must already be escaped. */
function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * Text that renders as itself in a Markdown paragraph or table cell: one line, inline Markdown punctuation
 * backslash-escaped, `&`, `<` and `>` as entities so nothing becomes HTML, `|` escaped for tables, no @-mentions.
 */
export function escapeMarkdown(text: string): string {
  return visibleText(text.replace(/\r\n?|\n/g, ' '))
    .replace(/[\\`*[\]|~]/g, (c) => `\\${c}`)
    // An underscore inside a word never starts emphasis, so only those at a word's edge are escaped.
    .replace(/_/g, (c, offset: number, whole: string) => (/[A-Za-z0-9]/.test(whole[offset - 1] ?? '') && /[A-Za-z0-9]/.test(whole[offset + 1] ?? '') ? c : `\\${c}`))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A word joiner after `@` keeps GitHub from notifying a user or team named in a message on every comment.
    .replace(/@(?=[A-Za-z0-9])/g, '@\u2060');
}

/**
 * A code span holding `text` exactly: a fence longer than any backtick run inside, padded when the text starts or
 * ends with a backtick. In a table cell `|` is escaped, which GitHub undoes inside code spans.
 */
export function markdownCode(text: string, inTable = false): string {
  if (text === '') return '';
  const line = visibleText(text.replace(/\r\n?|\n/g, ' '));
  const body = inTable ? line.replace(/\|/g, '\\|') : line;
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
