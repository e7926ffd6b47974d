import { currentMajors, defaultForMajor, findCriterion, ruleDocsUrl, versionedDefaults, type RuleMeta } from '@trustscan/core';

/** The Markdown page of one rule (`docs/rules/<id>.md`), generated from its metadata. */
export function renderRuleDoc(meta: RuleMeta): string {
  const criteria = [
    ...meta.criteria.primary.map((id) => `| ${id} | primary | ${findCriterion(id)?.title ?? ''} |`),
    ...(meta.criteria.secondary ?? []).map((id) => `| ${id} | secondary | ${findCriterion(id)?.title ?? ''} |`),
  ];
  const lines = [
    '<!-- Generated from the rule\'s metadata by `pnpm run docs`; edit the rule, not this file. -->',
    '',
    `# ${meta.id}`,
    '',
    `**${meta.title}.**`,
    '',
    `| Severity | Area | Resource types |`,
    `|---|---|---|`,
    `| ${meta.severity} | ${meta.area} | ${meta.resourceTypes.map((t) => `\`${t}\``).join(', ')} |`,
    '',
    '## Why it matters',
    '',
    meta.description,
    '',
    '## SOC 2 mapping',
    '',
    '| Criterion | Role | What it asks |',
    '|---|---|---|',
    ...criteria,
    '',
    `Basis: ${meta.criteria.basis}`,
    '',
  ];
  if (meta.liveOnly) lines.push('This control can only be decided against live cloud configuration: for Terraform input the rule reports `unknown`.', '');
  if (meta.defaults?.length) lines.push('## Defaults it relies on', '', ...meta.defaults.map((d) => `- ${d}`), '');
  lines.push(...versionDependentDefaults(meta));
  if (meta.relatedTypes?.length) lines.push('## Related resources it reads', '', meta.relatedTypes.map((t) => `\`${t}\``).join(', '), '');
  if (meta.live?.aws || meta.live?.azure) {
    lines.push('## Live cloud', '');
    if (meta.live.aws) lines.push(`- AWS Config \`${meta.live.aws.configType}\`: ${meta.live.aws.fields.map((f) => `\`${f}\``).join(', ')}${meta.live.aws.api ? ` (API: ${meta.live.aws.api})` : ''}`);
    if (meta.live.azure) lines.push(`- Azure Resource Manager \`${meta.live.azure.armType}\`: ${meta.live.azure.fields.map((f) => `\`${f}\``).join(', ')}`);
    lines.push('');
  }
  lines.push('## How to fix it', '', meta.remediation, '');
  if (meta.examples) {
    lines.push('## Examples', '', 'Fails:', '', '```hcl', meta.examples.bad.trimEnd(), '```', '', 'Passes:', '', '```hcl', meta.examples.good.trimEnd(), '```', '');
  }
  const equivalents = Object.entries(meta.equivalents ?? {}).filter(([, ids]) => ids.length > 0);
  if (equivalents.length > 0) {
    lines.push('## Equivalent checks elsewhere', '', ...equivalents.map(([tool, ids]) => `- ${tool}: ${ids.join(', ')}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The provider defaults this rule depends on that changed between provider majors (core's table), for the arguments
 * the rule's own text names.
 */
function versionDependentDefaults(meta: RuleMeta): string[] {
  const text = [meta.remediation, ...(meta.defaults ?? []), ...Object.values(meta.messages)].join('\n');
  const entries = versionedDefaults.filter((entry) => entry.resourceTypes.some((t) => meta.resourceTypes.includes(t)) && new RegExp(`\\b${entry.attribute}\\b`).test(text));
  if (entries.length === 0) return [];
  const describe = (value: unknown): string => (value === undefined ? 'no default' : `\`${JSON.stringify(value)}\``);
  const rows = entries.map((entry) => {
    const steps = entry.byMajor.map((step, i) => {
      const next = entry.byMajor[i + 1];
      const range = next ? (step.since === 0 ? `before ${next.since}.0` : `${step.since}.x to ${next.since - 1}.x`) : `${step.since}.0 and later`;
      return `${describe(defaultForMajor(entry, step.since))} (${range})`;
    });
    return `- \`${entry.attribute}\` of ${entry.resourceTypes.map((t) => `\`${t}\``).join(', ')}: ${steps.join(', ')}. ${entry.source}.`;
  });
  const provider = entries[0]?.provider ?? 'aws';
  return [
    '## Defaults that depend on the provider version',
    '',
    `For an argument the configuration leaves out, the rule judges the default of the provider version the configuration uses: the version in \`.terraform.lock.hcl\`, else the newest major the \`required_providers\` constraints allow, else the current major (${provider} ${currentMajors[provider]}). A plan made with that version holds the same value, so HCL and plan scans agree.`,
    '',
    ...rows,
    '',
  ];
}

/** The README's rule table: one row per rule, linking its page. */
export function renderRuleTable(metas: readonly RuleMeta[]): string {
  const rows = [...metas]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((m) => `| [${m.id}](docs/rules/${m.id}.md) | ${m.title} | ${m.severity} | ${m.area} | ${[...m.criteria.primary, ...(m.criteria.secondary ?? [])].join(', ')} |`);
  const aws = metas.filter((m) => m.id.startsWith('aws-')).length;
  const azure = metas.filter((m) => m.id.startsWith('azure-')).length;
  return [`${metas.length} rules (${aws} AWS, ${azure} Azure).`, '', '| Rule | Checks that | Severity | Area | SOC 2 |', '|---|---|---|---|---|', ...rows, ''].join('\n');
}

/** The rule's page URL, for links from other documents. */
export { ruleDocsUrl };
