import { defineDriftRule } from '../../model/rule.js';

export default defineDriftRule({
  id: 'drift-unmanaged',
  title: 'Live resources are declared in Terraform',
  description:
    'A resource created by hand in the console never went through code review or change approval, and nobody will see its settings change. When one scan reads both Terraform (a directory, a plan or a state) and the live account, trustscan reports each live resource of the types it reads that no Terraform configuration of the scan declares, counted per type. Resources the cloud makes itself (default VPCs and security groups, service-linked roles, AWS managed policies, log groups AWS services create, virtual machines\' OS disks) are left out, and so are settings that are part of another resource. The severity is medium: an unmanaged resource escapes the change process, but its own controls are still evaluated live and report their own failures at their own severity; raise it in the config file where every change must go through Terraform.',
  remediation: [
    'Bring the resource under Terraform with an `import` block (Terraform 1.5 and later) and its configuration (`terraform plan -generate-config-out=generated.tf` writes a first draft), or delete it if nobody needs it:',
    '',
    '```hcl',
    'import {',
    '  to = aws_s3_bucket.reports',
    '  id = "acme-reports"',
    '}',
    '',
    'resource "aws_s3_bucket" "reports" {',
    '  bucket = "acme-reports"',
    '}',
    '```',
    '',
    'If it belongs to configuration this scan did not read, scan that configuration too (`trustscan scan infra/ other-stack/state.json --aws`).',
  ].join('\n'),
  severity: 'medium',
  area: 'change-management',
  criteria: {
    primary: ['CC8.1'],
    secondary: ['CC7.1', 'CC6.1'],
    basis:
      'CC8.1 asks that infrastructure changes be authorized and approved; a resource made outside Terraform skipped that approval. CC7.1 asks for detection of unauthorized components (point of focus "Monitors infrastructure and software"), and CC6.1 for an inventory of information assets ("Identifies and manages the inventory of information assets").',
  },
  resourceTypes: [],
  liveOnly: true,
  drift: 'unmanaged',
  messages: {
    unmanaged: '{{type}} {{name}} runs in {{target}} but no Terraform configuration in this scan declares it: it was made outside Terraform, or its configuration was not scanned ({{id}}).',
  },
});
