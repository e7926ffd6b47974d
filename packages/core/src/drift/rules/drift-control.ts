import { defineDriftRule } from '../../model/rule.js';

export default defineDriftRule({
  id: 'drift-control',
  title: 'Controls hold the same verdict in Terraform and in the cloud',
  description:
    'Drift is the first reason SOC 2 efforts fail: a setting fixed in Terraform is turned off in the console, and the control that passed in review no longer operates. When one scan reads both a Terraform declaration (a directory, a plan or a state) and the live account, trustscan joins each live resource to its declaration by cloud identity (ARN, import id, bucket name, resource id, name) and compares every control\'s verdict on the two copies. A control that passes on one copy and fails on the other has drifted: either a change was made outside the change process (the live copy fails), or the live copy was fixed by hand and the next `terraform apply` will undo the fix (the declared copy fails). Each finding takes the severity and the criteria of the control that drifted, besides change management.',
  remediation: [
    'Bring the two copies back together, through the change process:',
    '',
    '- If the live resource fails, find who changed it and why (AWS CloudTrail, the Azure activity log), then run `terraform apply` to restore the declared setting, or change the Terraform code through review if the change was wanted.',
    '- If the declaration fails, write the fix into the Terraform code and apply it, so the next apply does not undo it.',
    '',
    'Then keep it from happening again: let only the pipeline change what Terraform manages, for example with a service control policy (or an Azure Policy deny assignment), and run `trustscan scan infra/ --aws` on a schedule so drift is found within a day:',
    '',
    '```hcl',
    'resource "aws_organizations_policy" "changes_through_terraform" {',
    '  name = "changes-through-terraform"',
    '  content = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [{',
    '      Effect    = "Deny"',
    '      Action    = ["s3:PutBucketVersioning", "s3:PutBucketPolicy", "s3:PutEncryptionConfiguration", "iam:CreatePolicyVersion"]',
    '      Resource  = "*"',
    '      Condition = { ArnNotLike = { "aws:PrincipalArn" = "arn:aws:iam::*:role/terraform-ci" } }',
    '    }]',
    '  })',
    '}',
    '```',
  ].join('\n'),
  severity: 'high',
  area: 'change-management',
  criteria: {
    primary: ['CC8.1'],
    secondary: ['CC7.1'],
    basis:
      'CC8.1 asks that changes to infrastructure be authorized, tested and approved before they are put in place; a setting that differs from the approved code was changed outside that process. CC7.1 asks for detection of configuration changes (point of focus "Implements change-detection mechanisms"). Each finding also carries the criteria of the control that drifted.',
  },
  resourceTypes: [],
  liveOnly: true,
  drift: 'control',
  messages: {
    drifted: '{{control}} drifted on {{resource}}: the Terraform declaration passes it ({{declaredValue}} at {{declaredLocation}}) but the live resource {{liveId}} fails it ({{liveValue}}). {{liveMessage}}',
    reverted: '{{control}} drifted on {{resource}}: the live resource {{liveId}} passes it ({{liveValue}}) but the Terraform declaration fails it ({{declaredValue}} at {{declaredLocation}}), so the next apply would undo the fix. {{declaredMessage}}',
    agrees: '{{control}} has not drifted on {{resource}}: it {{status}} on both the Terraform declaration and the live resource {{liveId}}.',
    unknown: 'Whether {{control}} drifted on {{resource}} is not known: on the {{side}} copy, {{reason}}',
  },
});
