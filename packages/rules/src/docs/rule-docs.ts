import { currentMajors, defaultForMajor, driftInventoryTypes, findCriterion, profileDefault, profiles, ruleDocsUrl, runsInProfile, versionedDefaults, type Profile, type RuleMeta, type RuleOption, type RuleOptionValue } from '@trustscan/core';

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
    `| ${severityText(meta)} | ${meta.area} | ${meta.drift ? driftTypes[meta.drift] : meta.resourceTypes.map((t) => `\`${t}\``).join(', ')} |`,
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
  lines.push(...profileSection(meta), ...optionSection(meta));
  if (meta.drift) lines.push(driftNote, '', ...inventorySection(meta));
  else if (meta.liveOnly) lines.push('This control can only be decided against live cloud configuration: for Terraform input the rule reports `unknown`.', '');
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

const driftTypes: Readonly<Record<NonNullable<RuleMeta['drift']>, string>> = {
  control: 'every resource both sides hold',
  unmanaged: 'the inventory types (see below)',
  missing: 'the inventory types (see below)',
};

const driftNote =
  'This rule is decided when one scan reads both Terraform (a directory, a plan or a state) and a live account or subscription, as in `trustscan scan infra/ --aws` or `trustscan scan terraform.tfstate --azure`; `--no-drift` turns it off. Live resources are joined to their declarations by cloud identity: ARN, import id, bucket name, resource id, name, or a composite key (principal and policy), and settings through the resource they configure.';

/** The types unmanaged and missing resources are reported for, and what is left out. */
function inventorySection(meta: RuleMeta): string[] {
  if (meta.drift !== 'unmanaged' && meta.drift !== 'missing') return [];
  return [
    '## Resource types it reports',
    '',
    driftInventoryTypes.map((t) => `\`${t}\``).join(', '),
    '',
    'Settings that belong to another resource (an S3 bucket\'s versioning, an inline policy, an auditing policy) show up as drift of that resource\'s controls instead; account-wide settings, credentials, data-plane objects (storage containers, Key Vault keys) and EBS volumes are left out; and what the cloud makes itself (default VPCs and security groups, service-linked roles, AWS managed policies, log groups under `/aws/`, AWS Backup\'s default vaults, Defender\'s default workspaces, OS disks) is never unmanaged.',
    '',
  ];
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

function severityText(meta: RuleMeta): string {
  return meta.drift === 'control' ? 'the drifted control\'s' : meta.severity;
}

/** What each profile requires of the rule, with the option values it uses there. */
function profileSection(meta: RuleMeta): string[] {
  const rows = profiles.map((profile) => `| ${profile} | ${profileRequirement(meta, profile)} |`);
  return ['## Profiles', '', '| Profile | What it requires |', '|---|---|', ...rows, ''];
}

/** One sentence: what the rule asks under a profile, or that it does not run there. */
export function profileRequirement(meta: RuleMeta, profile: Profile): string {
  const note = meta.requires?.[profile];
  if (!runsInProfile(meta, profile)) return `Not evaluated.${note ? ` ${note}` : ''}`;
  const options = Object.entries(meta.options ?? {}).map(([name, option]) => `\`${name}\` = ${showValue(profileDefault(option, profile))}`);
  return `${note ?? `${meta.title}.`}${options.length > 0 ? ` Options: ${options.join(', ')}.` : ''}`;
}

function optionSection(meta: RuleMeta): string[] {
  const options = Object.entries(meta.options ?? {});
  if (options.length === 0) return [];
  return [
    '## Options',
    '',
    `Set them in the config file under the rule id, e.g. \`rules: { ${meta.id}: { ${options[0]?.[0] ?? ''}: ${showValue(options[0]?.[1].default ?? '')} } }\`.`,
    '',
    '| Option | Type | baseline | strict | What it sets |',
    '|---|---|---|---|---|',
    ...options.map(([name, option]) => `| \`${name}\` | ${typeText(option)} | ${showValue(profileDefault(option, 'baseline'))} | ${showValue(profileDefault(option, 'strict'))} | ${option.description} |`),
    '',
  ];
}

function typeText(option: RuleOption): string {
  const bounds = [option.minimum === undefined ? '' : `≥ ${option.minimum}`, option.maximum === undefined ? '' : `≤ ${option.maximum}`].filter(Boolean).join(', ');
  const values = option.enum ? `: ${option.enum.join(', ')}` : '';
  return `${option.type}${bounds ? ` (${bounds})` : ''}${values}`;
}

function showValue(value: RuleOptionValue): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

/** The README's rule table: one row per rule, linking its page. */
export function renderRuleTable(metas: readonly RuleMeta[]): string {
  const rows = [...metas]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((m) => `| [${m.id}](docs/rules/${m.id}.md) | ${m.title}${runsInProfile(m, 'baseline') ? '' : ' (strict profile only)'} | ${m.drift === 'control' ? 'of the control' : m.severity} | ${m.area} | ${[...m.criteria.primary, ...(m.criteria.secondary ?? [])].join(', ')} |`);
  const aws = metas.filter((m) => m.id.startsWith('aws-')).length;
  const azure = metas.filter((m) => m.id.startsWith('azure-')).length;
  const drift = metas.filter((m) => m.drift !== undefined).length;
  return [`${metas.length} rules (${aws} AWS, ${azure} Azure${drift > 0 ? `, ${drift} drift` : ''}).`, '', '| Rule | Checks that | Severity | Area | SOC 2 |', '|---|---|---|---|---|', ...rows, ''].join('\n');
}

/** The rule's page URL, for links from other documents. */
export { ruleDocsUrl };
