import rule from '../../src/aws/cloudtrail/aws-cloudtrail-multi-region.js';
import { testRule } from '../rule-tester.js';

const trailHcl = (name: string, body: string) => `resource "aws_cloudtrail" "${name}" {\n  name           = "${name}"\n  s3_bucket_name = "acme-cloudtrail"\n${body}}\n`;
const trail = (name: string, values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: `aws_cloudtrail.${name}`, values: { name, s3_bucket_name: 'acme-cloudtrail', ...values }, ...more });

testRule(rule, {
  pass: [
    { name: 'multi-region trail with defaults', hcl: trailHcl('main', '  is_multi_region_trail = true\n'), resources: [trail('main', { is_multi_region_trail: true })], messageId: 'covers' },
    {
      name: 'single-region trail covered by another multi-region trail',
      hcl: trailHcl('main', '  is_multi_region_trail = true\n') + '\n' + trailHcl('data_events', ''),
      resources: [trail('main', { is_multi_region_trail: true }), trail('data_events', {}, { computed: ['is_multi_region_trail'] })],
      subject: 'aws_cloudtrail.data_events',
      messageId: 'coveredByOther',
      message: 'aws_cloudtrail.main',
    },
    {
      name: 'advanced event selector that keeps management events',
      hcl: trailHcl('main', '  is_multi_region_trail = true\n\n  advanced_event_selector {\n    name = "management"\n    field_selector {\n      field  = "eventCategory"\n      equals = ["Management"]\n    }\n  }\n'),
      resources: [trail('main', { is_multi_region_trail: true, advanced_event_selector: [{ name: 'management', field_selector: [{ field: 'eventCategory', equals: ['Management'] }] }] })],
      messageId: 'covers',
    },
  ],
  fail: [
    { name: 'single-region trail and no other', hcl: trailHcl('main', ''), resources: [trail('main', {}, { computed: ['is_multi_region_trail'] })], messageId: 'notCovered', path: 'is_multi_region_trail' },
    { name: 'multi-region trail with logging stopped', hcl: trailHcl('main', '  is_multi_region_trail = true\n  enable_logging        = false\n'), resources: [trail('main', { is_multi_region_trail: true, enable_logging: false })], messageId: 'notCovered', path: 'enable_logging' },
    {
      name: 'event selector that records write events only',
      hcl: trailHcl('main', '  is_multi_region_trail = true\n\n  event_selector {\n    read_write_type           = "WriteOnly"\n    include_management_events = true\n  }\n'),
      resources: [trail('main', { is_multi_region_trail: true, event_selector: [{ read_write_type: 'WriteOnly', include_management_events: true }] })],
      messageId: 'notCovered',
      path: 'event_selector',
    },
  ],
  unknown: [
    {
      name: 'multi-region from a variable without a value',
      hcl: 'variable "all_regions" {\n  type = bool\n}\n\n' + trailHcl('main', '  is_multi_region_trail = var.all_regions\n'),
      resources: [trail('main', {}, { unknown: ['is_multi_region_trail'] })],
      messageId: 'unknown',
      path: 'is_multi_region_trail',
    },
  ],
});
