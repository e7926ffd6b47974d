import type { AwsTarget, LiveSource } from '@trustscan/core';
import { loadAws } from './load-aws.js';

export { loadAws, collectAws, type AwsLoadOptions, type AwsCollection } from './load-aws.js';
export type { AwsTarget } from '@trustscan/core';

/** The live AWS source, for `scan({ targets: [{ kind: 'aws' }], sources: { aws: awsSource } })`. */
export const awsSource: LiveSource<AwsTarget> = { load: loadAws };
