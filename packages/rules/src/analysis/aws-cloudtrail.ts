import type { AttributePath, Resource } from '@trustscan/core';
import type { Ternary } from './iam-policy.js';
import { attribute, readBlocks, readBoolean, readString, type Block } from './values.js';

/** Why a trail does or does not record the account's management events in every region. */
export interface TrailCoverage {
  readonly status: Ternary;
  /** What is missing, or why it is unknown. */
  readonly detail: string;
  readonly path?: AttributePath;
}

/**
 * Whether a trail records read and write management events in every region and is logging: multi-region, logging
 * on (the default), global service events included (the default), and selectors that keep management events.
 */
export function trailCoverage(trail: Resource): TrailCoverage {
  const checks: readonly [string, boolean, string][] = [
    ['is_multi_region_trail', false, 'it records one region only (is_multi_region_trail is not true)'],
    ['enable_logging', true, 'logging is turned off (enable_logging = false)'],
    ['include_global_service_events', true, 'it leaves out global service events such as IAM (include_global_service_events = false)'],
  ];
  for (const [name, byDefault, problem] of checks) {
    const value = readBoolean(attribute(trail, [name]));
    if (value.kind === 'unknown') return { status: 'unknown', detail: value.reason, path: [name] };
    if (!(value.kind === 'value' ? value.value : byDefault)) return { status: 'no', detail: problem, path: [name] };
  }
  return managementEvents(trail);
}

function managementEvents(trail: Resource): TrailCoverage {
  const basic = readBlocks(attribute(trail, ['event_selector']));
  const advanced = readBlocks(attribute(trail, ['advanced_event_selector']));
  if (basic.kind === 'unknown') return { status: 'unknown', detail: basic.reason, path: ['event_selector'] };
  if (advanced.kind === 'unknown') return { status: 'unknown', detail: advanced.reason, path: ['advanced_event_selector'] };
  const basicList: readonly Block[] = basic.kind === 'value' ? basic.value : [];
  const advancedList: readonly Block[] = advanced.kind === 'value' ? advanced.value : [];
  // Without selectors a trail records all management events.
  if (basicList.length === 0 && advancedList.length === 0) return { status: 'yes', detail: '' };
  for (const selector of basicList) {
    const management = readBoolean(selector['include_management_events']);
    const readWrite = readString(selector['read_write_type']);
    if (management.kind === 'unknown') return { status: 'unknown', detail: management.reason, path: ['event_selector'] };
    if (readWrite.kind === 'unknown') return { status: 'unknown', detail: readWrite.reason, path: ['event_selector'] };
    if ((management.kind === 'absent' || management.value) && (readWrite.kind === 'absent' || readWrite.value === 'All')) return { status: 'yes', detail: '' };
  }
  for (const selector of advancedList) {
    const fields = readBlocks(selector['field_selector']);
    if (fields.kind === 'unknown') return { status: 'unknown', detail: fields.reason, path: ['advanced_event_selector'] };
    const list: readonly Block[] = fields.kind === 'value' ? fields.value : [];
    const category = list.find((f) => f['field'] === 'eventCategory');
    const readOnly = list.find((f) => f['field'] === 'readOnly');
    if (category && Array.isArray(category['equals']) && category['equals'].includes('Management') && !readOnly) return { status: 'yes', detail: '' };
  }
  const path = basicList.length > 0 ? ['event_selector'] : ['advanced_event_selector'];
  return { status: 'no', detail: 'its event selectors leave out read or write management events', path };
}
