import { fingerprintOf } from '../engine/fingerprint.js';
import { formatMessage, redactedText, redactSensitive } from '../engine/message.js';
import type { DeclaredMatch } from '../identity/declared-match.js';
import { Inventory } from '../inventory/inventory.js';
import { relationSpecs, type RelationSpec } from '../inventory/relations.js';
import type { DriftSide, Finding, Location } from '../model/finding.js';
import type { Resource } from '../model/resource.js';
import type { RuleMeta, VerdictStatus } from '../model/rule.js';
import { isUnknown, parsePath, valueAt, type Value } from '../model/value.js';
import type { TscId } from '../tsc/criteria.js';
import type { DriftTarget } from './drift-target.js';
import { cloudIdOf, compare, declaredCloudId, findingResource } from './drift-resource.js';

/** A control's verdict on one copy of a resource: the findings of one rule on it, taken together. */
interface CopyVerdict {
  readonly status: VerdictStatus;
  /** The finding that decided: the first failing one, else the first unknown, else the first. */
  readonly finding: Finding;
}

/** The value a control read on one copy, as message text and as JSON for the finding. */
interface CopyValue {
  readonly text: string;
  readonly value?: string;
  /** The resource the value was read from: the copy itself, or a resource linked to it. */
  readonly holder?: Resource;
}

/** Values longer than this are named in messages, not quoted. */
const longValue = 60;

/**
 * `drift-control`: compares every control's verdicts on the declared and the live copy of joined resources, from the
 * findings the rules made on each target. One per scan: it indexes each target's findings and inventory once.
 */
export class ControlDrift {
  private readonly verdicts = new Map<DriftTarget, Map<string, Map<string, Finding[]>>>();
  private readonly inventories = new Map<DriftTarget, Inventory>();
  private readonly criteria = new Map<string, readonly TscId[]>();

  constructor(
    private readonly rule: RuleMeta,
    private readonly controls: ReadonlyMap<string, RuleMeta>,
    private readonly relations: readonly RelationSpec[] = [],
  ) {}

  /** A finding for each control with a verdict on both copies: fail when they differ, pass when they agree, unknown when either is. */
  compare(match: DeclaredMatch, declaredTarget: DriftTarget, liveTarget: DriftTarget): Finding[] {
    const declaredVerdicts = this.verdictsOf(declaredTarget).get(match.declared.address);
    const liveVerdicts = this.verdictsOf(liveTarget).get(match.live.address);
    if (!declaredVerdicts || !liveVerdicts) return [];
    const findings: Finding[] = [];
    for (const [ruleId, declaredFindings] of [...declaredVerdicts].sort(([a], [b]) => compare(a, b))) {
      const control = this.controls.get(ruleId);
      const liveFindings = liveVerdicts.get(ruleId);
      // A control decided only against the cloud is unknown on every declaration: there is nothing to compare.
      if (!control || control.liveOnly || !liveFindings) continue;
      findings.push(this.finding(control, match, verdictOf(declaredFindings), verdictOf(liveFindings), declaredTarget, liveTarget));
    }
    return findings;
  }

  private finding(control: RuleMeta, match: DeclaredMatch, declared: CopyVerdict, live: CopyVerdict, declaredTarget: DriftTarget, liveTarget: DriftTarget): Finding {
    const rule = this.rule;
    const attribute = declared.finding.path ?? live.finding.path;
    const declaredValue = this.valueOf(declaredTarget, match.declared, attribute);
    const liveValue = this.valueOf(liveTarget, match.live, attribute);
    const liveId = cloudIdOf(match.live) ?? match.live.address;
    const status: VerdictStatus = declared.status === 'unknown' || live.status === 'unknown' ? 'unknown' : declared.status === live.status ? 'pass' : 'fail';
    const messageId = status === 'unknown' ? 'unknown' : status === 'pass' ? 'agrees' : declared.status === 'pass' ? 'drifted' : 'reverted';
    const unknownSide = declared.status === 'unknown' ? declared : live;
    const data = {
      control: control.id,
      resource: match.declared.address,
      liveId,
      declaredValue: declaredValue.text,
      liveValue: liveValue.text,
      declaredLocation: `${declared.finding.location.file}:${declared.finding.location.startLine}`,
      liveMessage: live.finding.message,
      declaredMessage: declared.finding.message,
      status: declared.status === 'pass' ? 'passes' : 'fails',
      side: declared.status === 'unknown' ? 'declared' : 'live',
      reason: unknownSide.finding.message,
    };
    const message = redactSensitive(formatMessage(rule.messages[messageId] ?? messageId, data), [match.declared, match.live, declaredValue.holder, liveValue.holder]);
    // SARIF puts the result at the `.tf` line: the declaration's, else the live copy's when `--tf-dir` located it.
    const inTerraform = (location: Location) => /\.tf(\.json)?$/.test(location.file);
    const location = inTerraform(declared.finding.location) || !inTerraform(live.finding.location) ? declared.finding.location : live.finding.location;
    return {
      ruleId: rule.id,
      status,
      severity: control.severity,
      area: rule.area,
      tsc: this.criteriaWith(control),
      resource: { ...findingResource(match.declared), ...(cloudIdOf(match.live) ? { cloudId: liveId } : {}) },
      target: declaredTarget.name,
      location,
      message,
      ...(attribute === undefined ? {} : { path: attribute }),
      fingerprint: fingerprintOf(rule.id, liveId, `${control.id}|${match.declared.origin.kind}|${match.declared.address}`),
      drift: {
        kind: 'control',
        control: control.id,
        ...(attribute === undefined ? {} : { attribute }),
        joinedBy: match.by,
        declared: side(declaredTarget, match.declared, declared, declaredValue.value),
        live: side(liveTarget, match.live, live, liveValue.value),
      },
    };
  }

  /** The drift rule's criteria, then the control's own: computed once per control, shared by its findings. */
  private criteriaWith(control: RuleMeta): readonly TscId[] {
    let found = this.criteria.get(control.id);
    if (!found) this.criteria.set(control.id, (found = [...new Set([...criteriaOf(this.rule), ...criteriaOf(control)])]));
    return found;
  }

  /** The findings of a target by resource address and rule id. */
  private verdictsOf(target: DriftTarget): Map<string, Map<string, Finding[]>> {
    let index = this.verdicts.get(target);
    if (!index) {
      index = new Map();
      for (const finding of target.findings) {
        let byRule = index.get(finding.resource.address);
        if (!byRule) index.set(finding.resource.address, (byRule = new Map()));
        const list = byRule.get(finding.ruleId);
        if (list) list.push(finding);
        else byRule.set(finding.ruleId, [finding]);
      }
      this.verdicts.set(target, index);
    }
    return index;
  }

  /**
   * The value a control read at `attribute`, on the resource or on a resource linked to it (an S3 bucket's versioning
   * is read from its `aws_s3_bucket_versioning`); a sensitive value is never shown.
   */
  private valueOf(target: DriftTarget, resource: Resource, attribute: string | undefined): CopyValue {
    if (attribute === undefined) return { text: 'no attribute decided' };
    const path = parsePath(attribute);
    const holder = [resource, ...this.inventoryOf(target).linked(resource)].find((h) => valueAt(h.attributes, path) !== undefined);
    if (!holder) return { text: `${attribute} not set` };
    if (isSensitive(holder, attribute)) return { text: `${attribute} = ${redactedText}`, value: redactedText, holder };
    const value = valueAt(holder.attributes, path) as Value;
    if (isUnknown(value)) return { text: `${attribute} unknown (${value.reason})`, holder };
    const json = JSON.stringify(value) ?? String(value);
    // A long value (a policy document) would swamp the message; the control's own message says what matters in it.
    return { text: json.length <= longValue ? `${attribute} = ${json}` : attribute, value: truncate(json, 200), holder };
  }

  private inventoryOf(target: DriftTarget): Inventory {
    let inventory = target.inventory ?? this.inventories.get(target);
    if (!inventory) {
      inventory = new Inventory(target.resources, [...relationSpecs, ...this.relations], target.observedTypes);
      this.inventories.set(target, inventory);
    }
    return inventory;
  }
}

/** A control's verdict on one copy: fail when any finding fails, else unknown when any is unknown, else pass. */
function verdictOf(findings: readonly Finding[]): CopyVerdict {
  const failing = findings.find((f) => f.status === 'fail');
  if (failing) return { status: 'fail', finding: failing };
  const unknown = findings.find((f) => f.status === 'unknown');
  if (unknown) return { status: 'unknown', finding: unknown };
  return { status: 'pass', finding: findings[0] as Finding };
}

function side(target: DriftTarget, resource: Resource, verdict: CopyVerdict, value: string | undefined): DriftSide {
  const cloudId = cloudIdOf(resource) ?? declaredCloudId(resource);
  return {
    target: target.name,
    address: resource.address,
    ...(cloudId ? { cloudId } : {}),
    location: verdict.finding.location,
    status: verdict.status,
    message: verdict.finding.message,
    ...(value === undefined ? {} : { value }),
  };
}

/** Whether `attribute` is, or holds, a value the resource keeps sensitive. */
function isSensitive(resource: Resource, attribute: string): boolean {
  return (resource.sensitivePaths ?? []).some((path) => path === '' || attribute === path || attribute.startsWith(`${path}.`) || path.startsWith(`${attribute}.`));
}

export function criteriaOf(rule: RuleMeta): TscId[] {
  return [...rule.criteria.primary, ...(rule.criteria.secondary ?? [])];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
