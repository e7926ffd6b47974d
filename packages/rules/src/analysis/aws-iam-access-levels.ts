import { readFileSync } from 'node:fs';
import { actionPattern } from './iam-policy.js';

/** An IAM action's access level as AWS's Service Authorization Reference classifies it. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** One action of a service: its name, access level, and whether a policy can limit it to resource ARNs. */
export interface ActionFacts {
  readonly action: string;
  readonly accessLevel: AccessLevel;
  /** False for actions that only work on `Resource: "*"` (e.g. `cloudwatch:PutMetricData` without a dataset). */
  readonly restrictable: boolean;
}

// Extracted from the AWS Service Authorization Reference by scripts/generate-iam-actions.mjs: per service, its actions
// as `Name:letter,...`, the access level as one letter, lower case when the action cannot be limited to resource ARNs.
// The file sits at the package root, two levels above both src/analysis and dist/analysis.
const extractFile = new URL('../../data/aws-iam-actions.json', import.meta.url);
const levelOfLetter: Readonly<Record<string, AccessLevel>> = { l: 'List', r: 'Read', w: 'Write', p: 'Permissions management', t: 'Tagging' };
let extract: Readonly<Record<string, string>> | undefined;
const services = new Map<string, readonly ActionFacts[] | undefined>();

/** Every action of a service (`s3`), read once per process from the extract; `undefined` for an unknown service. */
export function serviceActions(service: string): readonly ActionFacts[] | undefined {
  const key = service.toLowerCase();
  if (services.has(key)) return services.get(key);
  extract ??= (JSON.parse(readFileSync(extractFile, 'utf8')) as { services: Record<string, string> }).services;
  const actions = Object.hasOwn(extract, key) ? extract[key] : undefined;
  const facts =
    actions === undefined
      ? undefined
      : actions.split(',').map((entry) => {
          const [name = '', letter = 'w'] = entry.split(':');
          return { action: `${key}:${name}`, accessLevel: levelOfLetter[letter.toLowerCase()] ?? 'Write', restrictable: letter !== letter.toLowerCase() };
        });
  services.set(key, facts);
  return facts;
}

/**
 * The actions an action pattern (`s3:Put*`, `iam:PassRole`) grants, with their facts; `undefined` when the
 * service is not in the data (a new or misspelt service), so nothing can be said about it.
 */
export function actionsGranted(pattern: string): readonly ActionFacts[] | undefined {
  if (granted.has(pattern)) return granted.get(pattern);
  const colon = pattern.indexOf(':');
  const actions = colon <= 0 ? undefined : serviceActions(pattern.slice(0, colon).trim());
  const matcher = actions && actionPattern(pattern);
  const facts = matcher ? actions.filter((action) => matcher.test(action.action)) : undefined;
  // Policies repeat the same few hundred patterns; matching one against its service's actions is the cost.
  if (granted.size >= grantedLimit) granted.clear();
  granted.set(pattern, facts);
  return facts;
}

const granted = new Map<string, readonly ActionFacts[] | undefined>();
const grantedLimit = 10_000;
