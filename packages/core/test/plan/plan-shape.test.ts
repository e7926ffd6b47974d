// Plans whose parts have the wrong types, as the plan-loader properties found them: the parts the loader reads are
// refused with one line naming the JSON path; malformed parts of `configuration` are left out.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '@trustscan/core';
import { buildPlan } from '../../../../testing/plan-builder.js';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const workspace = temporaryDirectory('plan-shape');
let count = 0;

async function scanDocument(document: unknown) {
  const file = path.join(workspace, `plan-${++count}.json`);
  writeFileSync(file, JSON.stringify(document));
  return { file, result: await scan({ targets: [{ kind: 'terraform-plan', path: file }], rules: [], root: workspace }) };
}

const plan = () =>
  JSON.parse(
    JSON.stringify(
      buildPlan([
        { address: 'aws_s3_bucket.logs', values: { bucket: 'logs' } },
        { address: 'aws_s3_bucket_versioning.logs', unknown: ['bucket'], expressions: { bucket: ['aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'] } },
      ]),
    ),
  ) as Record<string, any>;

describe('plans of the wrong shape', () => {
  it.each<[string, (p: Record<string, any>) => void, string]>([
    ['resource_changes is not a list', (p) => (p['resource_changes'] = 'x'), 'resource_changes is not a list'],
    ['a change is not an object', (p) => (p['resource_changes'][1] = 7), 'resource_changes[1] is not an object'],
    ['an address is not a string', (p) => (p['resource_changes'][0].address = ['a']), 'resource_changes[0].address is not a string'],
    ['actions are not strings', (p) => (p['resource_changes'][0].change.actions = 'create'), 'resource_changes[0].change.actions is not a list of strings'],
    ['planned resources are not a list', (p) => (p['planned_values'] = { root_module: { resources: {} } }), 'planned_values.root_module.resources is not a list'],
  ])('%s: one line naming the path, no crash', async (_, edit, where) => {
    const document = plan();
    edit(document);
    const { file, result } = await scanDocument(document);
    expect(result.notifications).toEqual([
      { level: 'error', code: 'input-error', subject: file, message: `${file}: not a plan as Terraform writes it: ${where}; regenerate it with \`terraform show -json plan.out > plan.json\`.` },
    ]);
  });

  it.each<[string, (p: Record<string, any>) => void]>([
    // Found by fuzzing: `references` as a string threw "references.every is not a function".
    ['references is a string', (p) => (p['configuration'].root_module.resources[1].expressions.bucket.references = 'aws_s3_bucket.logs')],
    ['expressions is a list', (p) => (p['configuration'].root_module.resources[1].expressions = ['x'])],
    ['module_calls is a string', (p) => (p['configuration'].root_module.module_calls = 'x')],
    ['root_module is null', (p) => (p['configuration'].root_module = null)],
  ])('%s in configuration: the scan goes on without those references', async (_, edit) => {
    const document = plan();
    edit(document);
    const { result } = await scanDocument(document);
    expect(result.notifications).toEqual([]);
    expect(result.targets[0]).toMatchObject({ ok: true, resources: 2 });
  });
});
