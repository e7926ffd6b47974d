import { createHash } from 'node:crypto';
import { compareCriteria, findCriterion, ruleDocsUrl, toolHomepage, tscTaxonomy, type Finding, type RuleMeta, type ScanResult } from '@trustscan/core';
import type * as Sarif from 'sarif';
import { sarifLevel, securitySeverity } from './severity.js';

export interface SarifOptions {
  /**
   * The code scanning category (`automationDetails.id` before its last `/`). One category per kind of scan keeps
   * GitHub from closing one scan's alerts when another uploads. Defaults to `trustscan/<target kinds>`.
   */
  readonly category?: string;
}

const fingerprintKey = 'trustscan/v1';
const maxTags = 10;

/**
 * Renders a scan as one SARIF 2.1.0 run that GitHub code scanning accepts: failures (and, as notes, checks that
 * could not be decided) with a physical location each, rules with help and a numeric security severity, the Trust
 * Services Criteria as a taxonomy, tags and result properties, and stable fingerprints. Passes are never results.
 */
export function toSarif(result: ScanResult, options: SarifOptions = {}): string {
  const reported = result.findings.filter((f) => f.status !== 'pass');
  const rules = result.rules;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const taxa = [...new Set(rules.flatMap((r) => [...r.criteria.primary, ...(r.criteria.secondary ?? [])]))].sort(compareCriteria);
  const taxonIndex = new Map(taxa.map((id, index) => [id, index]));
  const withSuppressions = reported.some((f) => f.status === 'waived');

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: result.tool.name,
        semanticVersion: result.tool.version,
        informationUri: toolHomepage,
        supportedTaxonomies: [{ name: tscTaxonomy.name, index: 0, guid: tscTaxonomy.guid }],
        rules: rules.map((rule) => toReportingDescriptor(rule, taxonIndex, result)),
      },
    },
    automationDetails: { id: `${options.category ?? defaultCategory(result)}/` },
    originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root: the directory trustscan was run from.' } } },
    taxonomies: [
      {
        name: tscTaxonomy.name,
        guid: tscTaxonomy.guid,
        organization: tscTaxonomy.organization,
        version: tscTaxonomy.version,
        informationUri: tscTaxonomy.informationUri,
        shortDescription: { text: tscTaxonomy.shortDescription },
        isComprehensive: false,
        taxa: taxa.map((id) => {
          const criterion = findCriterion(id);
          return { id, name: id, shortDescription: { text: criterion?.title ?? id }, properties: { category: criterion?.category ?? '' } };
        }),
      },
    ],
    invocations: [
      {
        executionSuccessful: !result.notifications.some((n) => n.level === 'error'),
        toolExecutionNotifications: result.notifications.map((n) => ({
          level: n.level,
          message: { text: n.message },
          descriptor: { id: n.code },
          ...(n.subject === undefined ? {} : { properties: { subject: n.subject } }),
        })),
      },
    ],
    results: reported.map((finding) => toResult(finding, ruleIndex, withSuppressions, result.targets.length > 1)),
    properties: { profile: result.profile ?? 'baseline' },
  };

  const log: Sarif.Log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toReportingDescriptor(rule: RuleMeta, taxonIndex: ReadonlyMap<string, number>, result: ScanResult): Sarif.ReportingDescriptor {
  // The options the rule ran with: SARIF's place for rule parameters, repeated in the property bag for readers
  // that only look there.
  const options = result.ruleOptions?.[rule.id];
  const parameters = options && Object.keys(options).length > 0 ? { ...options } : undefined;
  const primary = rule.criteria.primary;
  const secondary = rule.criteria.secondary ?? [];
  const criteriaText = [...primary, ...secondary].join(', ');
  const builtIn = rule.pack !== 'custom';
  const docs = builtIn ? `\n\n[Rule documentation](${ruleDocsUrl(rule.id)})` : '';
  const tags = ['security', 'soc2', rule.area, ...[...primary, ...secondary].map((id) => `external/soc2/${id.toLowerCase()}`)].slice(0, maxTags);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: truncate(rule.description.replace(/`/g, ''), 1000) },
    help: {
      text: `${rule.description.replace(/`/g, '')}\n\nSOC 2 criteria: ${criteriaText}.\n\n${rule.remediation}`,
      markdown: `${rule.description}\n\n**SOC 2 criteria:** ${primary.map((id) => `**${id}**`).join(', ')}${secondary.length > 0 ? ` (also ${secondary.join(', ')})` : ''}. ${rule.criteria.basis}\n\n## Remediation\n\n${rule.remediation}${docs}`,
    },
    ...(builtIn ? { helpUri: ruleDocsUrl(rule.id) } : {}),
    defaultConfiguration: { level: sarifLevel[rule.severity], ...(parameters ? { parameters } : {}) },
    relationships: [
      ...primary.map((id) => relationship(id, taxonIndex, 'superset')),
      ...secondary.map((id) => relationship(id, taxonIndex, 'relevant')),
    ],
    properties: {
      tags,
      'security-severity': securitySeverity[rule.severity],
      precision: 'high',
      'problem.severity': sarifLevel[rule.severity] === 'note' ? 'recommendation' : sarifLevel[rule.severity],
      severity: rule.severity,
      area: rule.area,
      tsc: [...primary, ...secondary],
      profile: result.profile ?? 'baseline',
      ...(parameters ? { options: parameters } : {}),
      ...(rule.profiles ? { profiles: [...rule.profiles] } : {}),
    },
  };
}

function relationship(id: string, taxonIndex: ReadonlyMap<string, number>, kind: string): Sarif.ReportingDescriptorRelationship {
  return {
    target: { id, index: taxonIndex.get(id) ?? -1, toolComponent: { name: tscTaxonomy.name, index: 0, guid: tscTaxonomy.guid } },
    kinds: [kind],
  };
}

function toResult(finding: Finding, ruleIndex: ReadonlyMap<string, number>, withSuppressions: boolean, severalTargets: boolean): Sarif.Result {
  const { location, resource } = finding;
  const unknown = finding.status === 'unknown';
  const criteria = finding.tsc.join(', ');
  const text = unknown ? `Not determined: ${finding.message} (SOC 2: ${criteria})` : `${finding.message} (SOC 2: ${criteria})`;
  // A Terraform file gets its line hash from upload-sarif; results anchored to a plan file or a cloud pseudo-path
  // share lines, so they carry their own, derived from rule and resource, to stay separate alerts.
  const inTerraform = /\.tf(\.json)?$/.test(location.file);
  const result: Sarif.Result = {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: unknown ? 'note' : sarifLevel[finding.severity],
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(location.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: location.startLine, startColumn: location.startColumn, endLine: location.endLine, endColumn: location.endColumn },
        },
        logicalLocations: [{ fullyQualifiedName: resource.cloudId ?? resource.address, kind: 'resource' }],
      },
    ],
    partialFingerprints: {
      [fingerprintKey]: finding.fingerprint,
      ...(inTerraform ? {} : { primaryLocationLineHash: `${createHash('sha256').update(finding.fingerprint).digest('hex').slice(0, 16)}:1` }),
    },
    ...(finding.status === 'baseline' ? { baselineState: 'unchanged' as const } : {}),
    properties: {
      status: finding.status,
      severity: finding.severity,
      area: finding.area,
      tsc: [...finding.tsc],
      resource: resource.address,
      resourceType: resource.type,
      ...(resource.cloudId === undefined ? {} : { cloudId: resource.cloudId }),
      ...(finding.path === undefined ? {} : { attribute: finding.path }),
      ...(finding.drift === undefined ? {} : { drift: finding.drift }),
      // The root module (or plan, or account) of the finding, when one scan covered several.
      ...(severalTargets && finding.target !== undefined ? { target: finding.target } : {}),
    },
  };
  const related = driftLocations(finding);
  if (related.length > 0) result.relatedLocations = related;
  if (withSuppressions) {
    result.suppressions = finding.waiver
      ? [
          {
            kind: finding.waiver.source.kind === 'inline' ? 'inSource' : 'external',
            status: 'accepted',
            justification: `${finding.waiver.reason}${finding.waiver.owner ? ` (owner: ${finding.waiver.owner})` : ''}${finding.waiver.expires ? ` (expires ${finding.waiver.expires})` : ''}`,
          },
        ]
      : [];
  }
  return result;
}

/**
 * The other copy of a drifted resource: the result sits at the Terraform declaration, and the live resource (its
 * Terraform block found through `--tf-dir`, or its cloud pseudo-path) is a related location, and the other way round.
 */
function driftLocations(finding: Finding): Sarif.Location[] {
  const sides = [finding.drift?.declared, finding.drift?.live].filter((s) => s !== undefined);
  if (sides.length < 2) return [];
  return sides.map((side, index) => ({
    id: index + 1,
    physicalLocation: {
      artifactLocation: { uri: toUri(side.location.file), uriBaseId: '%SRCROOT%' },
      region: { startLine: side.location.startLine, startColumn: side.location.startColumn, endLine: side.location.endLine, endColumn: side.location.endColumn },
    },
    message: { text: `${index === 0 ? 'Declared' : 'Live'}: ${side.cloudId ?? side.address} (${side.status ?? 'not compared'})` },
    logicalLocations: [{ fullyQualifiedName: side.cloudId ?? side.address, kind: 'resource' }],
  }));
}

/** A relative path as a URI reference: each segment percent-encoded, `/` separators. */
function toUri(file: string): string {
  return file.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

function defaultCategory(result: ScanResult): string {
  const kinds = [...new Set(result.targets.map((t) => t.kind.replace(/^terraform-.*/, 'terraform')))].sort();
  return ['trustscan', ...(kinds.length > 0 ? kinds : ['scan'])].join('/');
}

function pascalCase(id: string): string {
  return id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
