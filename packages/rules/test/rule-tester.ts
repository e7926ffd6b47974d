import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scan, type Finding, type Notification, type Profile, type Rule, type RuleOptionValues } from '@trustscan/core';
import { describe, expect, it } from 'vitest';
import { buildPlan, type PlannedResource, type PlanOptions } from '../../../testing/plan-builder.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';

/**
 * One case: the same configuration as Terraform HCL (`hcl`, the text of a `main.tf`) and/or as a plan (its
 * `resources`), the resource the verdict is about, and what the rule must say of it. A case with both forms is
 * scanned both ways and must give the same verdict at the same path.
 */
export interface RuleCase {
  readonly name: string;
  readonly hcl?: string;
  /** Extra files beside `main.tf` for the HCL form, e.g. `{ 'modules/store/main.tf': '…' }`. */
  readonly files?: Readonly<Record<string, string>>;
  readonly resources?: readonly PlannedResource[];
  readonly plan?: PlanOptions;
  /** Address of the evaluated resource; defaults to the first resource of a type the rule applies to. */
  readonly subject?: string;
  /** The message template the verdict must use. */
  readonly messageId?: string;
  /** The dotted attribute path the verdict points at; required for fail cases. */
  readonly path?: string;
  /** A text the message must contain. */
  readonly message?: string;
  /** The profile to scan with (default `baseline`). */
  readonly profile?: Profile;
  /** Options for the rule, as a config file would set them. */
  readonly options?: RuleOptionValues;
}

export interface RuleCases {
  readonly pass: readonly RuleCase[];
  readonly fail: readonly RuleCase[];
  readonly unknown: readonly RuleCase[];
}

const workspace = temporaryDirectory('rule-tester');
let caseCount = 0;

/**
 * Runs a rule on table-driven cases, each scanned as a Terraform plan through `scan()`, in the manner of ESLint's
 * RuleTester. It also enforces hygiene: cases of every kind, unique names, known message ids, a path for every
 * failure, and messages that are whole sentences with every placeholder filled.
 */
export function testRule(rule: Rule, cases: RuleCases): void {
  describe(rule.meta.id, () => {
    it('has cases of every kind in both forms, uniquely named, with known message ids and a path for every failure', () => {
      const all = [...cases.pass, ...cases.fail, ...cases.unknown];
      for (const kind of ['pass', 'fail', 'unknown'] as const) {
        expect(cases[kind].filter((c) => c.resources).length, `${kind} cases in plan form`).toBeGreaterThan(0);
        if (!rule.meta.liveOnly) expect(cases[kind].filter((c) => c.hcl).length, `${kind} cases in HCL form`).toBeGreaterThan(0);
      }
      expect(new Set(all.map((c) => c.name)).size, 'case names are unique').toBe(all.length);
      for (const c of all) if (c.messageId !== undefined) expect(Object.keys(rule.meta.messages)).toContain(c.messageId);
      for (const c of cases.fail) expect(c.path, `fail case "${c.name}" asserts the path`).toBeDefined();
    });

    for (const status of ['pass', 'fail', 'unknown'] as const) {
      for (const c of cases[status]) {
        const forms = [...(c.hcl !== undefined ? (['hcl'] as const) : []), ...(c.resources ? (['plan'] as const) : [])];
        for (const form of forms) {
          it(`${status}: ${c.name} (${form})`, async () => {
            const finding = form === 'hcl' ? await evaluateAsHcl(rule, c) : await evaluateAsPlan(rule, c);
            expect(finding.status, finding.message).toBe(status);
            expect(finding.message).toMatch(/^[A-Z].*\.$/s);
            expect(finding.message).not.toMatch(/\{\{\s*\w+\s*\}\}/);
            if (c.path !== undefined) expect(finding.path ?? '').toBe(c.path);
            if (c.message !== undefined) expect(finding.message).toContain(c.message);
            if (c.messageId !== undefined) expect(comesFromTemplate(rule.meta.messages[c.messageId] ?? '', finding.message), `message uses "${c.messageId}"`).toBe(true);
          });
        }
      }
    }
  });
}

async function evaluateAsHcl(rule: Rule, c: RuleCase): Promise<Finding> {
  const directory = path.join(workspace, `hcl-${++caseCount}`);
  for (const [name, text] of Object.entries({ 'main.tf': c.hcl ?? '', ...c.files })) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), text);
  }
  const result = await scan({ targets: [{ kind: 'terraform-hcl', path: directory }], rules: [rule], root: workspace, terraform: { cacheDirectory: false }, ...settingsOf(rule, c) });
  return onlyFindingFor(rule, c, result.findings, result.notifications);
}

async function evaluateAsPlan(rule: Rule, c: RuleCase): Promise<Finding> {
  const file = path.join(workspace, `plan-${++caseCount}.json`);
  writeFileSync(file, JSON.stringify(buildPlan(c.resources ?? [], c.plan)));
  const result = await scan({ targets: [{ kind: 'terraform-plan', path: file }], rules: [rule], root: workspace, ...settingsOf(rule, c) });
  return onlyFindingFor(rule, c, result.findings, result.notifications);
}

/** The case's profile, else the first profile the rule runs in (strict for customer-managed-key rules), and its options. */
function settingsOf(rule: Rule, c: RuleCase): { profile: Profile; ruleOptions?: Record<string, RuleOptionValues> } {
  return { profile: c.profile ?? rule.meta.profiles?.[0] ?? 'baseline', ...(c.options ? { ruleOptions: { [rule.meta.id]: c.options } } : {}) };
}

function onlyFindingFor(rule: Rule, c: RuleCase, findings: readonly Finding[], notifications: readonly Notification[]): Finding {
  expect(notifications.filter((n) => n.level === 'error')).toEqual([]);
  const subject = c.subject ?? findings.find((f) => rule.meta.resourceTypes.includes(f.resource.type))?.resource.address;
  const matching = findings.filter((f) => f.resource.address === subject);
  expect(matching, `one finding for ${subject ?? '(no subject)'}`).toHaveLength(1);
  return matching[0] as Finding;
}

/** Whether `message` is `template` with its placeholders filled: the literal parts appear in order. */
function comesFromTemplate(template: string, message: string): boolean {
  let position = 0;
  for (const literal of template.split(/\{\{\s*\w+\s*\}\}/)) {
    const found = message.indexOf(literal, position);
    if (found < 0) return false;
    position = found + literal.length;
  }
  return true;
}
