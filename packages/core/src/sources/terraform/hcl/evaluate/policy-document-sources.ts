import type { Declaration } from '../../../../model/resource.js';
import { statementRanges } from '../../syntax/statement-ranges.js';
import type { ModuleConfig, RawBody } from '../config/module-config.js';

/** `${data.aws_iam_policy_document.NAME.json}`, optionally indexed, as hcl2json writes the expression. */
const documentReference = /^\$\{\s*data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.(?:minified_)?json\s*\}$/;

/**
 * Where the policy attributes of a resource block are written when they render a `data "aws_iam_policy_document"`
 * of the same module: `policy` (or `inline_policy`, or `inline_policy.0.policy` of a role) → the data block. A
 * finding about a statement then points at the statement block there, not at the line that reads `.json`.
 */
export function policyDocumentSources(body: RawBody, module: ModuleConfig): Record<string, Declaration> | undefined {
  const found: Record<string, Declaration> = {};
  const consider = (path: string, raw: unknown) => {
    const name = typeof raw === 'string' ? documentReference.exec(raw)?.[1] : undefined;
    const data = name === undefined ? undefined : module.data.get(`aws_iam_policy_document.${name}`);
    if (!data?.syntax) return;
    // Statements merged from other documents shift the order, so only the block itself is pointed at then.
    const merged = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'].some((key) => key in data.body);
    found[path] = { file: data.file, range: data.syntax.range, attributes: merged ? {} : statementRanges(data.syntax.attributes) };
  };
  consider('policy', body['policy']);
  consider('inline_policy', body['inline_policy']);
  const inline = body['inline_policy'];
  if (Array.isArray(inline)) inline.forEach((block, index) => typeof block === 'object' && block !== null && consider(`inline_policy.${index}.policy`, (block as RawBody)['policy']));
  return Object.keys(found).length > 0 ? found : undefined;
}

