/**
 * A local Azure Resource Manager look-alike for tests and benchmarks, on 127.0.0.1 over plain http. It speaks the
 * ARM REST shapes the live Azure source uses: subscriptions, provider registrations with API versions (and rejects
 * an api-version a type does not register, as ARM does), resource lists paged through `nextLink`, resources and
 * child settings by id, collections of child resources, Resource Graph queries paged with `$skipToken`, and faults
 * (429 with `Retry-After`, 403 `AuthorizationFailed` naming the action, 5xx). Node built-ins only, so the benchmark
 * can transpile it on its own.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ArmJson = null | boolean | number | string | ArmJson[] | { [key: string]: ArmJson };
export type ArmObject = { [key: string]: ArmJson };

export interface ArmSubscriptionFixture {
  readonly subscriptionId: string;
  readonly displayName?: string;
  /** Resources, child settings and extension resources alike, each with its full `id`. */
  readonly resources: readonly ArmObject[];
}

export interface ResourceTypeRegistration {
  readonly resourceType: string;
  readonly apiVersions: readonly string[];
  /** Tracked resources are what `GET /subscriptions/{id}/resources` lists; proxy and extension resources are not. */
  readonly tracked?: boolean;
}

export interface ProviderRegistration {
  readonly namespace: string;
  readonly resourceTypes: readonly ResourceTypeRegistration[];
}

/** A fault injected on requests whose path (and method) match; `times` bounds how often it fires. */
export interface ArmFault {
  readonly path: RegExp;
  readonly method?: string;
  readonly status: number;
  readonly times?: number;
  /** Sent as `Retry-After` (seconds). */
  readonly retryAfter?: string;
  /** For a 403: the action the caller lacks, written into the message as ARM does. */
  readonly action?: string;
  readonly code?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
}

export interface ArmServerOptions {
  readonly subscriptions: readonly ArmSubscriptionFixture[];
  readonly providers?: readonly ProviderRegistration[];
  /** Items per page of resource and collection lists (ARM uses up to 1,000; small pages exercise `nextLink`). */
  readonly pageSize?: number;
  readonly faults?: readonly ArmFault[];
}

export interface ArmServer {
  /** `http://127.0.0.1:PORT`, for `TRUSTSCAN_AZURE_ENDPOINT`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  addFault(fault: ArmFault): void;
  close(): Promise<void>;
}

/** Provider registrations shaped like `GET /subscriptions/{id}/providers/{namespace}`: each type, its API versions. */
export const defaultProviders: readonly ProviderRegistration[] = [
  provider('Microsoft.Storage', [
    ['storageAccounts', ['2022-09-01', '2023-05-01', '2024-01-01', '2025-06-01-preview'], true],
    ['storageAccounts/blobServices', ['2023-05-01', '2024-01-01']],
    ['storageAccounts/blobServices/containers', ['2023-05-01', '2024-01-01']],
  ]),
  provider('Microsoft.KeyVault', [
    ['vaults', ['2022-07-01', '2023-07-01', '2024-12-01-preview'], true],
    ['vaults/keys', ['2022-07-01', '2023-07-01']],
  ]),
  provider('Microsoft.Sql', [
    ['servers', ['2021-11-01', '2023-08-01', '2024-05-01-preview'], true],
    ['servers/databases', ['2021-11-01', '2023-08-01'], true],
    ['servers/auditingSettings', ['2021-11-01', '2023-08-01']],
    ['servers/databases/transparentDataEncryption', ['2021-11-01', '2023-08-01']],
    ['servers/databases/backupShortTermRetentionPolicies', ['2021-11-01', '2023-08-01']],
    ['servers/databases/backupLongTermRetentionPolicies', ['2021-11-01', '2023-08-01']],
    ['servers/databases/auditingSettings', ['2021-11-01', '2023-08-01']],
    ['managedInstances', ['2021-11-01', '2023-08-01'], true],
  ]),
  provider('Microsoft.Compute', [
    ['disks', ['2023-04-02', '2024-03-02'], true],
    ['virtualMachines', ['2024-03-01', '2024-07-01', '2024-11-01-preview'], true],
  ]),
  provider('Microsoft.Web', [
    ['sites', ['2022-09-01', '2023-12-01'], true],
    ['sites/slots', ['2022-09-01', '2023-12-01'], true],
    ['sites/config', ['2022-09-01', '2023-12-01']],
    ['sites/slots/config', ['2022-09-01', '2023-12-01']],
  ]),
  provider('Microsoft.Network', [
    ['networkSecurityGroups', ['2023-11-01', '2024-05-01'], true],
    ['virtualNetworks', ['2023-11-01', '2024-05-01'], true],
    ['networkWatchers', ['2023-11-01', '2024-05-01'], true],
    ['networkWatchers/flowLogs', ['2023-11-01', '2024-05-01'], true],
  ]),
  provider('Microsoft.Insights', [
    ['diagnosticSettings', ['2017-05-01-preview', '2021-05-01-preview']],
    ['activityLogAlerts', ['2020-10-01', '2023-01-01-preview'], true],
  ]),
  provider('Microsoft.OperationalInsights', [['workspaces', ['2022-10-01', '2023-09-01'], true]]),
  provider('Microsoft.RecoveryServices', [
    ['vaults', ['2023-04-01', '2024-04-01'], true],
    ['vaults/backupProtectedItems', ['2023-04-01', '2024-04-01']],
    ['vaults/backupPolicies', ['2023-04-01', '2024-04-01']],
    ['vaults/backupFabrics/protectionContainers/protectedItems', ['2023-04-01', '2024-04-01']],
  ]),
  provider('Microsoft.DataProtection', [['backupVaults', ['2023-05-01', '2024-04-01'], true]]),
  provider('Microsoft.DBforPostgreSQL', [
    ['flexibleServers', ['2022-12-01', '2024-08-01', '2025-01-01-preview'], true],
    ['flexibleServers/configurations', ['2022-12-01', '2024-08-01']],
  ]),
  provider('Microsoft.DBforMySQL', [
    ['flexibleServers', ['2023-06-30', '2023-12-30'], true],
    ['flexibleServers/configurations', ['2023-06-30', '2023-12-30']],
  ]),
  provider('Microsoft.Cache', [['redis', ['2023-08-01', '2024-03-01', '2024-11-01'], true]]),
  provider('Microsoft.Security', [['pricings', ['2023-01-01', '2024-01-01']]]),
  provider('Microsoft.Authorization', [
    ['roleDefinitions', ['2022-04-01']],
    ['roleAssignments', ['2022-04-01']],
  ]),
  provider('Microsoft.ResourceGraph', [['resources', ['2021-03-01', '2022-10-01']]]),
  provider('Microsoft.Resources', [['subscriptions', ['2022-12-01']]]),
];

function provider(namespace: string, types: readonly [string, readonly string[], boolean?][]): ProviderRegistration {
  return { namespace, resourceTypes: types.map(([resourceType, apiVersions, tracked]) => ({ resourceType, apiVersions, tracked: tracked === true })) };
}

interface SubscriptionState {
  readonly fixture: ArmSubscriptionFixture;
  /** Every item by lower-case id. */
  readonly byId: Map<string, ArmObject>;
  /** Items by lower-case parent collection path (`{parent id}/{type segment}`). */
  readonly byCollection: Map<string, ArmObject[]>;
  readonly tracked: ArmObject[];
}

/** Starts the server on 127.0.0.1 with an ephemeral port. */
export async function startArmServer(options: ArmServerOptions): Promise<ArmServer> {
  const providers = options.providers ?? defaultProviders;
  const registrations = new Map<string, ResourceTypeRegistration>();
  for (const p of providers) for (const t of p.resourceTypes) registrations.set(`${p.namespace}/${t.resourceType}`.toLowerCase(), t);
  const subscriptions = new Map<string, SubscriptionState>();
  for (const fixture of options.subscriptions) subscriptions.set(fixture.subscriptionId.toLowerCase(), indexSubscription(fixture, registrations));
  const pageSize = options.pageSize ?? 100;
  const faults = (options.faults ?? []).map((fault) => ({ fault, fired: 0 }));
  const requests: RecordedRequest[] = [];
  let url = '';

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // The SDK's getById sends `//subscriptions/...`: ARM accepts it, so do we (and `new URL` would read it as a host).
      const raw = request.url ?? '/';
      const parsed = new URL(raw.replace(/^\/{2,}/, '/'), 'http://127.0.0.1');
      const path = decodeURIComponent(parsed.pathname).replace(/\/{2,}/g, '/').replace(/\/$/, '');
      const query: Record<string, string> = {};
      for (const [key, value] of parsed.searchParams) query[key] = value;
      const method = request.method ?? 'GET';
      const reply = (status: number, body: ArmJson, headers: Record<string, string> = {}): void => {
        requests.push({ method, path, query, status });
        send(response, status, body, headers);
      };
      const injected = faults.find(({ fault, fired }) => fault.path.test(path) && (fault.method ?? method) === method && fired < (fault.times ?? Infinity));
      if (injected) {
        injected.fired++;
        const { fault } = injected;
        const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter };
        reply(fault.status, faultBody(fault, path), headers);
        return;
      }
      try {
        const routed = route({ method, path, query, body: Buffer.concat(chunks).toString('utf8'), url, subscriptions, registrations, providers, pageSize });
        reply(routed.status, routed.body);
      } catch (error) {
        reply(500, armError('InternalServerError', error instanceof Error ? error.message : String(error)));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    addFault: (fault) => faults.push({ fault, fired: 0 }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(response: ServerResponse, status: number, body: ArmJson, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': 'local', ...headers });
  response.end(text);
}

function indexSubscription(fixture: ArmSubscriptionFixture, registrations: Map<string, ResourceTypeRegistration>): SubscriptionState {
  const byId = new Map<string, ArmObject>();
  const byCollection = new Map<string, ArmObject[]>();
  const tracked: ArmObject[] = [];
  for (const item of fixture.resources) {
    const id = String(item['id']).toLowerCase();
    byId.set(id, item);
    const collection = parentCollection(id);
    const list = byCollection.get(collection);
    if (list) list.push(item);
    else byCollection.set(collection, [item]);
    const type = typeOfPath(id);
    if (type && registrations.get(type)?.tracked) tracked.push(item);
  }
  tracked.sort((a, b) => compare(String(a['id']).toLowerCase(), String(b['id']).toLowerCase()));
  return { fixture, byId, byCollection, tracked };
}

interface RouteInput {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: string;
  readonly url: string;
  readonly subscriptions: Map<string, SubscriptionState>;
  readonly registrations: Map<string, ResourceTypeRegistration>;
  readonly providers: readonly ProviderRegistration[];
  readonly pageSize: number;
}

interface Routed {
  readonly status: number;
  readonly body: ArmJson;
}

function route(input: RouteInput): Routed {
  const { method, path, query } = input;
  const segments = path.split('/').filter(Boolean);
  if (!query['api-version']) return { status: 400, body: armError('MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.") };
  if (method === 'POST' && path.toLowerCase() === '/providers/microsoft.resourcegraph/resources') return resourceGraph(input);
  if (method !== 'GET') return { status: 405, body: armError('MethodNotAllowed', `The local ARM server does not serve ${method} ${path}.`) };
  if (segments.length === 1 && segments[0]?.toLowerCase() === 'subscriptions') {
    const value = [...input.subscriptions.values()].map((s) => subscriptionBody(s.fixture));
    return { status: 200, body: { value } };
  }
  if (segments[0]?.toLowerCase() !== 'subscriptions' || segments[1] === undefined) return notFound(path);
  const subscription = input.subscriptions.get(segments[1].toLowerCase());
  if (!subscription) return { status: 404, body: armError('SubscriptionNotFound', `The subscription '${segments[1]}' could not be found.`) };
  if (segments.length === 2) return { status: 200, body: subscriptionBody(subscription.fixture) };
  const rest = segments.slice(2).map((s) => s.toLowerCase());
  if (rest.length === 1 && rest[0] === 'resources') return page(subscription.tracked.map(genericResource), input);
  if (rest.length === 2 && rest[0] === 'providers') return providerBody(input, subscription, segments[3] ?? '');

  const lowerPath = path.toLowerCase();
  const type = typeOfPath(lowerPath);
  const registration = type === undefined ? undefined : input.registrations.get(type);
  if (!registration) {
    return { status: 400, body: armError('NoRegisteredProviderFound', `No registered resource provider found for location and API version '${query['api-version']}' for type '${type ?? path}'.`) };
  }
  if (!registration.apiVersions.includes(query['api-version'])) {
    return {
      status: 400,
      body: armError('NoRegisteredProviderFound', `No registered resource provider found for API version '${query['api-version']}' and type '${type}'. The supported api-versions are '${registration.apiVersions.join(', ')}'.`),
    };
  }
  const item = subscription.byId.get(lowerPath);
  if (item) return { status: 200, body: item };
  if (lowerPath.endsWith('/backupprotecteditems')) {
    const vault = lowerPath.slice(0, -'/backupprotecteditems'.length);
    const items = [...subscription.byId.entries()].filter(([id]) => id.startsWith(`${vault}/`) && id.includes('/protecteditems/')).map(([, value]) => value);
    return page(items, input);
  }
  const collection = subscription.byCollection.get(lowerPath);
  if (collection) return page(collection, input);
  // An empty collection is a 200 with no items when its parent exists, else a 404 like ARM's.
  const parent = lowerPath.split('/').slice(0, -1).join('/');
  if (isCollectionPath(lowerPath) && (subscription.byId.has(parent) || parent.split('/').length <= 5)) return { status: 200, body: { value: [] } };
  return notFound(path);
}

function notFound(path: string): Routed {
  const name = path.split('/').filter(Boolean).at(-1) ?? path;
  return { status: 404, body: armError('ResourceNotFound', `The Resource '${name}' was not found.`) };
}

/** A path whose last segment is a type name (even number of segments after a `providers/{namespace}` pair). */
function isCollectionPath(lowerPath: string): boolean {
  const segments = lowerPath.split('/').filter(Boolean);
  const index = segments.lastIndexOf('providers');
  if (index < 0) return false;
  return (segments.length - index - 2) % 2 === 1;
}

/** `Microsoft.Storage/storageAccounts/blobServices` (lower-case) for a resource or collection path. */
function typeOfPath(lowerPath: string): string | undefined {
  const segments = lowerPath.split('/').filter(Boolean);
  const index = segments.lastIndexOf('providers');
  if (index < 0 || segments[index + 1] === undefined) return undefined;
  const after = segments.slice(index + 2);
  const types = after.filter((_, i) => i % 2 === 0);
  if (types.length === 0) return undefined;
  return `${segments[index + 1]}/${types.join('/')}`;
}

function parentCollection(lowerId: string): string {
  return lowerId.split('/').slice(0, -1).join('/');
}

function page(items: readonly ArmObject[], input: RouteInput): Routed {
  const start = Number(input.query['$skiptoken'] ?? '0');
  const value = items.slice(start, start + input.pageSize);
  const next = start + input.pageSize;
  if (next >= items.length) return { status: 200, body: { value } };
  const params = new URLSearchParams({ ...input.query, $skiptoken: String(next) });
  return { status: 200, body: { value, nextLink: `${input.url}${input.path}?${params.toString()}` } };
}

function genericResource(item: ArmObject): ArmObject {
  const out: ArmObject = {};
  for (const key of ['id', 'name', 'type', 'location', 'kind', 'sku', 'identity', 'tags', 'managedBy']) {
    const value = item[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function subscriptionBody(fixture: ArmSubscriptionFixture): ArmObject {
  return {
    id: `/subscriptions/${fixture.subscriptionId}`,
    subscriptionId: fixture.subscriptionId,
    tenantId: '00000000-0000-0000-0000-000000000000',
    displayName: fixture.displayName ?? fixture.subscriptionId,
    state: 'Enabled',
  };
}

function providerBody(input: RouteInput, subscription: SubscriptionState, namespace: string): Routed {
  const p = input.providers.find((candidate) => candidate.namespace.toLowerCase() === namespace.toLowerCase());
  if (!p) return { status: 404, body: armError('InvalidResourceNamespace', `The resource namespace '${namespace}' is invalid.`) };
  return {
    status: 200,
    body: {
      id: `/subscriptions/${subscription.fixture.subscriptionId}/providers/${p.namespace}`,
      namespace: p.namespace,
      registrationState: 'Registered',
      resourceTypes: p.resourceTypes.map((t) => ({ resourceType: t.resourceType, locations: ['West US', 'East US'], apiVersions: [...t.apiVersions].reverse() })),
    },
  };
}

/**
 * Resource Graph: `resources | where type in~ ('…', …)` over the tracked resources of the given subscriptions,
 * with lower-case types as ARG returns them, paged by `options.$top` and an opaque `$skipToken`.
 */
function resourceGraph(input: RouteInput): Routed {
  let request: { subscriptions?: string[]; query?: string; options?: { $top?: number; $skipToken?: string } };
  try {
    request = JSON.parse(input.body) as typeof request;
  } catch {
    return { status: 400, body: armError('BadRequest', 'The request body is not JSON.') };
  }
  const query = request.query ?? '';
  const typeList = /\btype\s+in~\s*\(([^)]*)\)/i.exec(query)?.[1];
  if (!/^\s*resources\b/i.test(query) || typeList === undefined) {
    return { status: 400, body: armError('InvalidQuery', 'The local server answers `resources | where type in~ (...)` queries only.') };
  }
  const types = new Set([...typeList.matchAll(/'([^']*)'/g)].map((m) => (m[1] ?? '').toLowerCase()));
  const rows: ArmObject[] = [];
  for (const id of request.subscriptions ?? []) {
    const subscription = input.subscriptions.get(id.toLowerCase());
    if (!subscription) continue;
    for (const item of subscription.tracked) {
      const type = String(item['type']).toLowerCase();
      if (!types.has(type)) continue;
      rows.push({
        ...item,
        type,
        subscriptionId: subscription.fixture.subscriptionId,
        resourceGroup: /\/resourcegroups\/([^/]+)/i.exec(String(item['id']))?.[1]?.toLowerCase() ?? '',
      });
    }
  }
  const top = Math.min(request.options?.$top ?? 100, 1000, input.pageSize);
  const start = request.options?.$skipToken ? Number(Buffer.from(request.options.$skipToken, 'base64').toString('utf8')) : 0;
  const data = rows.slice(start, start + top);
  const next = start + top;
  const body: ArmObject = { totalRecords: rows.length, count: data.length, resultTruncated: 'false', data };
  if (next < rows.length) body['$skipToken'] = Buffer.from(String(next), 'utf8').toString('base64');
  return { status: 200, body };
}

function faultBody(fault: ArmFault, path: string): ArmJson {
  if (fault.status === 403) {
    const action = fault.action ?? 'Microsoft.Resources/read';
    return armError(
      fault.code ?? 'AuthorizationFailed',
      `The client 'trustscan-test' with object id '00000000-0000-0000-0000-000000000001' does not have authorization to perform action '${action}' over scope '${path}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }
  if (fault.status === 429) return armError(fault.code ?? 'TooManyRequests', 'The request is being throttled.');
  return armError(fault.code ?? 'InternalServerError', `Injected fault ${fault.status}.`);
}

function armError(code: string, message: string): ArmObject {
  return { error: { code, message } };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
