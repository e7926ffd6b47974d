import { attachDeclarations, InputError, ScanAbortedError, type Notification, type Resource, type SourceContext, type SourceOutput, type AzureTarget } from '@trustscan/core';
import { ApiVersionCatalog } from './api-versions.js';
import { ArmClient, type SubscriptionInfo } from './arm-client.js';
import type { ArmFailure } from './arm-failure.js';
import type { ArmRecord } from './arm-record.js';
import { canonicalizeLinks } from './canonical-links.js';
import { collectWithResourceGraph } from './collect-resource-graph.js';
import { collectWithArm, type CollectOptions } from './collect-resources.js';
import { problemNotifications, type CollectionProblem } from './collection-problems.js';
import { resolveArmEndpoint } from './endpoint.js';
import { normalizeRecords } from './normalize-records.js';
import { observedAzureTypes } from './observed-types.js';
import { normalizeSubscription } from './normalize/subscription.js';
import { defaultRetryOptions } from './retry-policy.js';
import { collectSubscriptionSettings } from './subscription-settings.js';

/** Resources read at once from ARM; ARM allows far more, this keeps a scan polite and its memory flat. */
const concurrency = 16;

/**
 * Scans Azure subscriptions through Azure Resource Manager (or Resource Graph with `resourceGraph`) and returns
 * their resources in the azurerm shape the rules read. A subscription that does not exist or cannot be read is an
 * `error` notification and the others are still scanned; a type the credentials may not read makes its resources'
 * checks unknown, with an `access-denied` warning naming the missing permission.
 */
export async function loadAzure(target: AzureTarget, context: SourceContext): Promise<SourceOutput> {
  const endpoint = resolveArmEndpoint(process.env['TRUSTSCAN_AZURE_ENDPOINT']);
  const signal = context.signal;
  context.progress(`connecting to ${endpoint.url}`);
  const client = await ArmClient.connect(endpoint, {
    ...(signal === undefined ? {} : { signal }),
    retry: {
      ...defaultRetryOptions,
      onRetry: ({ status, delayMs }) => context.progress(`${status === 0 ? 'connection dropped' : `HTTP ${status}`}: retrying in ${Math.ceil(delayMs / 1000)} s`),
    },
  });
  const notifications: Notification[] = [];
  const infos = await resolveSubscriptions(client, target.subscriptions, notifications);
  const subscriptions = infos.map((info) => info.subscriptionId);
  const options: CollectOptions = { progress: context.progress, concurrency, ...(signal === undefined ? {} : { signal }) };
  const problems: CollectionProblem[] = [];
  const records: ArmRecord[] = [];
  const scanned: string[] = [];
  const resources: Resource[] = [];

  if (target.resourceGraph) {
    const graph = await collectWithResourceGraph(client, subscriptions, problems, options);
    for (const subscription of subscriptions) {
      const failure = graph.failures.get(subscription);
      if (failure) notifications.push(subscriptionFailure(subscription, failure, 'Resource Graph'));
      else scanned.push(subscription);
      records.push(...(graph.records.get(subscription) ?? []));
    }
  } else {
    const versions = new ApiVersionCatalog(client);
    for (const subscription of subscriptions) {
      const collected = await collectWithArm(client, versions, subscription, problems, options);
      if (!collected.ok) {
        notifications.push(subscriptionFailure(subscription, collected.failure, 'listing its resources'));
        continue;
      }
      scanned.push(subscription);
      records.push(...collected.records);
    }
  }
  for (const info of infos.filter((i) => scanned.includes(i.subscriptionId))) {
    const subscription = info.subscriptionId;
    if (signal?.aborted) throw new ScanAbortedError();
    resources.push(normalizeSubscription(info));
    context.progress(`subscription ${subscription}: reading subscription settings`);
    resources.push(...(await collectSubscriptionSettings(client, subscription, problems)));
  }
  resources.push(...normalizeRecords(records));
  context.progress(`read ${resources.length} resources from ${scanned.length} subscription(s) in ${client.calls} calls`);

  const linked = canonicalizeLinks(resources);
  const located = context.tfDir === undefined ? linked : attachDeclarations(linked, await declaredResources(context));
  return {
    name: targetName(subscriptions),
    kind: 'azure',
    resources: located.sort(compareResources),
    notifications: [...notifications, ...problemNotifications(problems)],
    observedTypes: observedAzureTypes(problems),
    inputs: { subscriptions: [...scanned].sort() },
    scope: { accounts: [...scanned].sort() },
  };
}

/**
 * The subscriptions to scan, lower-cased: the ones asked for, each checked to exist (a missing one is an error
 * notification, the rest go on), or every enabled subscription the credentials can see.
 */
async function resolveSubscriptions(client: ArmClient, requested: readonly string[] | undefined, notifications: Notification[]): Promise<SubscriptionInfo[]> {
  const wanted = [...new Set((requested ?? []).map((s) => s.trim().toLowerCase()).filter((s) => s !== ''))].sort();
  if (wanted.length === 0) {
    const listed = await client.listSubscriptions();
    if (!listed.ok) throw unreachable(client, listed.failure, 'listing subscriptions');
    const enabled = listed.value.filter((s) => !/^(disabled|deleted)$/i.test(s.state));
    if (enabled.length === 0) {
      throw new InputError(`Azure: these credentials can see no enabled subscription at ${client.endpoint.url}; grant them the Reader role on one, or pass --azure-subscription.`, {
        subject: client.endpoint.url,
      });
    }
    return uniqueSorted(enabled.map((s) => ({ ...s, subscriptionId: s.subscriptionId.toLowerCase() })));
  }
  const found: SubscriptionInfo[] = [];
  const failures: ArmFailure[] = [];
  for (const subscription of wanted) {
    const got = await client.getSubscription(subscription);
    if (got.ok) found.push({ ...got.value, subscriptionId: subscription });
    else {
      failures.push(got.failure);
      notifications.push(subscriptionFailure(subscription, got.failure, 'reading it'));
    }
  }
  // Nothing answered at all (no connection): that is the endpoint's fault, not the subscriptions'.
  const firstFailure = failures[0];
  if (found.length === 0 && firstFailure !== undefined && failures.every((f) => f.status === 0)) throw unreachable(client, firstFailure, 'reading subscriptions');
  return found;
}

function uniqueSorted(infos: readonly SubscriptionInfo[]): SubscriptionInfo[] {
  const byId = new Map(infos.map((info) => [info.subscriptionId, info]));
  return [...byId.values()].sort((a, b) => (a.subscriptionId < b.subscriptionId ? -1 : 1));
}

function unreachable(client: ArmClient, failure: ArmFailure, doing: string): InputError {
  const cause = failure.status === 0 ? failure.code : `HTTP ${failure.status} ${failure.code}`;
  return new InputError(`Azure Resource Manager at ${client.endpoint.url} failed ${doing} (${cause}: ${failure.message}); check the network, the credentials and TRUSTSCAN_AZURE_ENDPOINT.`, {
    subject: client.endpoint.url,
  });
}

function subscriptionFailure(subscription: string, failure: ArmFailure, doing: string): Notification {
  const subject = `/subscriptions/${subscription}`;
  if (failure.status === 404 || failure.code === 'SubscriptionNotFound' || failure.code === 'InvalidSubscriptionId') {
    return {
      level: 'error',
      code: 'input-error',
      message: `Azure subscription ${subscription} does not exist or these credentials cannot see it (${failure.code}); check --azure-subscription.`,
      subject,
    };
  }
  if (failure.status === 403) {
    return {
      level: 'error',
      code: 'access-denied',
      message: `Azure subscription ${subscription} was not scanned: the credentials may not read it (${doing} was denied); grant ${failure.permission ?? 'the Reader role'}.`,
      subject,
    };
  }
  const cause = failure.status === 0 ? failure.code : `HTTP ${failure.status} ${failure.code}`;
  return { level: 'error', code: 'source-error', message: `Azure subscription ${subscription} was not scanned: ${doing} failed (${cause}: ${failure.message}).`, subject };
}

/** The resources of `--tf-dir`; none when the Terraform directory cannot be read (its own target reports why). */
async function declaredResources(context: SourceContext): Promise<readonly Resource[]> {
  try {
    return await context.declaredResources();
  } catch {
    return [];
  }
}

function targetName(subscriptions: readonly string[]): string {
  if (subscriptions.length === 0) return 'azure';
  if (subscriptions.length <= 3) return `azure:${subscriptions.join(',')}`;
  return `azure:${subscriptions.length} subscriptions`;
}

function compareResources(a: Resource, b: Resource): number {
  const x = a.address.toLowerCase();
  const y = b.address.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}
