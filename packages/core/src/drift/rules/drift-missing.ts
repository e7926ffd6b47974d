import { defineDriftRule } from '../../model/rule.js';

export default defineDriftRule({
  id: 'drift-missing',
  title: 'Declared resources exist in the cloud',
  description:
    'A resource that Terraform declares but the cloud does not have was either never applied, or deleted outside Terraform: a log bucket, a trail or a backup vault deleted by hand takes its control with it. When one scan reads both Terraform (a directory, a plan or a state) and the live account, trustscan reports each declared resource of the types the live scan read, in the accounts and regions it read, that the live scan did not find. A declaration whose name or id is known only after apply cannot be joined and is listed in a note instead. The severity is medium because the two causes cannot be told apart from outside: a pending apply is routine, a deletion by hand is not; the controls the resource carried report their own failures live.',
  remediation: [
    'Find out which it is:',
    '',
    '- Not applied yet: apply the change through the pipeline (`terraform plan` shows the resource as to be created).',
    '- Deleted by hand: find who deleted it and why (AWS CloudTrail, the Azure activity log); recreate it with `terraform apply`, or, if it is no longer wanted, remove it from the code through review, with a `removed` block (Terraform 1.7 and later) so the state forgets it:',
    '',
    '```hcl',
    'removed {',
    '  from = aws_s3_bucket.logs',
    '  lifecycle {',
    '    destroy = false',
    '  }',
    '}',
    '```',
  ].join('\n'),
  severity: 'medium',
  area: 'change-management',
  criteria: {
    primary: ['CC8.1'],
    secondary: ['CC7.1'],
    basis:
      'CC8.1 asks that changes, removals included, be authorized and approved; a declared resource gone from the cloud was removed outside the change process or is a change not yet put in place. CC7.1 asks for detection of configuration changes (point of focus "Implements change-detection mechanisms").',
  },
  resourceTypes: [],
  liveOnly: true,
  drift: 'missing',
  messages: {
    missing: '{{address}} is declared in {{target}} but the live scan of {{live}} did not find it ({{identity}}): it has not been applied yet, or it was deleted outside Terraform.',
  },
});
