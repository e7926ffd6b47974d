import type { ResourceManagementClient, ResourceManagementClientOptionalParams } from '@azure/arm-resources';
import type { PipelineRequest } from '@azure/core-rest-pipeline';
import { CallSignals, describeError, InputError, ScanAbortedError } from '@trustscan/core';
import { isArmObject, isArmResource, type ArmJson, type ArmObject, type ArmResource } from './arm-json.js';
import { failureFromError, failureFromResponse, type ArmFailure, type ArmOutcome } from './arm-failure.js';
import type { ArmEndpoint } from './endpoint.js';
import { armRetryPolicy, defaultRetryOptions, type RetryOptions } from './retry-policy.js';

type Credential = ConstructorParameters<typeof ResourceManagementClient>[0];
type Sdk = {
  readonly ResourceManagementClient: typeof ResourceManagementClient;
  readonly createPipelineRequest: (options: Parameters<typeof import('@azure/core-rest-pipeline').createPipelineRequest>[0]) => PipelineRequest;
  readonly createHttpHeaders: typeof import('@azure/core-rest-pipeline').createHttpHeaders;
};

/** A subscription as `GET /subscriptions/{id}` describes it. */
export interface SubscriptionInfo {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly state: string;
}

export interface ArmClientOptions {
  readonly signal?: AbortSignal;
  readonly retry?: RetryOptions;
}

/** Registered API versions of one provider namespace, by lower-case resource type (`storageaccounts/blobservices`). */
export type ProviderApiVersions = ReadonlyMap<string, readonly string[]>;

/**
 * Calls to Azure Resource Manager through `@azure/arm-resources` (lists, provider registrations, `getById`) and its
 * pipeline (child settings, Resource Graph), with bounded retries and the scan's abort signal. The SDKs are imported
 * here, and only here, when a live scan asks for them.
 */
export class ArmClient {
  private readonly clients = new Map<string, ResourceManagementClient>();
  /** Requests sent, counting each retry; for progress and the benchmark. */
  calls = 0;
  /** A signal per call, so the SDK's per-request listeners never pile up on the scan's signal. */
  private readonly signals: CallSignals;

  private constructor(
    private readonly sdk: Sdk,
    readonly endpoint: ArmEndpoint,
    private readonly credential: Credential,
    private readonly options: ArmClientOptions,
  ) {
    this.signals = new CallSignals(options.signal);
  }

  /**
   * Loads the SDKs and a credential: none for a local plain-http endpoint, else `DefaultAzureCredential`, tried once
   * up front so that missing credentials are one clear input error rather than a failure per call.
   */
  static async connect(endpoint: ArmEndpoint, options: ArmClientOptions = {}): Promise<ArmClient> {
    const [{ ResourceManagementClient }, { createPipelineRequest, createHttpHeaders }] = await Promise.all([
      import('@azure/arm-resources'),
      import('@azure/core-rest-pipeline'),
    ]);
    const sdk: Sdk = { ResourceManagementClient, createPipelineRequest, createHttpHeaders };
    const credential = endpoint.local ? localCredential : await defaultCredential(endpoint, options.signal);
    return new ArmClient(sdk, endpoint, credential, options);
  }

  /** The subscriptions the credentials can see. */
  async listSubscriptions(): Promise<ArmOutcome<SubscriptionInfo[]>> {
    const listed = await this.list('/subscriptions', '2022-12-01', 'Microsoft.Resources/subscriptions/read');
    if (!listed.ok) return listed;
    return { ok: true, value: listed.value.map(subscriptionInfo).filter((s): s is SubscriptionInfo => s !== undefined) };
  }

  /** One subscription; a 404 means it does not exist or these credentials cannot see it. */
  async getSubscription(subscription: string): Promise<ArmOutcome<SubscriptionInfo>> {
    const got = await this.get(`/subscriptions/${encodeURIComponent(subscription)}`, '2022-12-01', 'Microsoft.Resources/subscriptions/read');
    if (!got.ok) return got;
    const info = subscriptionInfo(got.value);
    return info ? { ok: true, value: info } : { ok: false, failure: { status: 200, code: 'InvalidResponse', message: 'The subscription response has no subscriptionId.' } };
  }

  /** Every resource of a subscription (the envelope: id, name, type, location, kind, sku, identity, tags), all pages. */
  async listResources(subscription: string, onPage?: (count: number) => void): Promise<ArmOutcome<ArmResource[]>> {
    const client = this.clientFor(subscription);
    const resources: ArmResource[] = [];
    return this.call('Microsoft.Resources/subscriptions/resources/read', async (abortSignal) => {
      for await (const page of client.resources.list(signalOption(abortSignal)).byPage()) {
        for (const item of page) {
          const resource = plainResource(item);
          if (resource) resources.push(resource);
        }
        onPage?.(resources.length);
      }
      return resources;
    });
  }

  /** The API versions a provider namespace registers in a subscription, by lower-case resource type. */
  async providerApiVersions(subscription: string, namespace: string): Promise<ArmOutcome<ProviderApiVersions>> {
    const client = this.clientFor(subscription);
    return this.call(`${namespace}/register/action`, async (abortSignal) => {
      const provider = await client.providers.get(namespace, signalOption(abortSignal));
      const versions = new Map<string, readonly string[]>();
      for (const type of provider.resourceTypes ?? []) {
        if (type.resourceType) versions.set(type.resourceType.toLowerCase(), type.apiVersions ?? []);
      }
      return versions;
    });
  }

  /** A resource with its properties, by id, at the given API version. */
  async getById(id: string, apiVersion: string, permission: string): Promise<ArmOutcome<ArmResource>> {
    const client = this.anyClient();
    return this.call(permission, async (abortSignal) => {
      const resource = plainResource(await client.resources.getById(id, apiVersion, signalOption(abortSignal)));
      if (!resource) throw Object.assign(new Error(`The response for ${id} is not a resource.`), { code: 'InvalidResponse' });
      return resource;
    });
  }

  /** `GET {path}?api-version=…` for a child setting or an extension resource. */
  async get(path: string, apiVersion: string, permission: string): Promise<ArmOutcome<ArmObject>> {
    const response = await this.send('GET', this.url(path, apiVersion), permission);
    if (!response.ok) return response;
    return isArmObject(response.value) ? { ok: true, value: response.value } : invalid(path);
  }

  /** Every item of a collection, following `nextLink` (on the same endpoint only, so no token leaves it). */
  async list(path: string, apiVersion: string, permission: string): Promise<ArmOutcome<ArmObject[]>> {
    const items: ArmObject[] = [];
    let url: string | undefined = this.url(path, apiVersion);
    for (let pages = 0; url !== undefined; pages++) {
      if (pages >= 10_000) return { ok: false, failure: { status: 200, code: 'TooManyPages', message: `${path}: more than 10,000 pages.` } };
      const response = await this.send('GET', url, permission);
      if (!response.ok) return response;
      const body = response.value;
      if (!isArmObject(body) || !Array.isArray(body['value'])) return invalid(path);
      for (const item of body['value'] as readonly ArmJson[]) if (isArmObject(item)) items.push(item);
      const next = body['nextLink'];
      url = typeof next === 'string' && next !== '' ? this.sameEndpoint(next, path) : undefined;
      if (url === '') return { ok: false, failure: { status: 200, code: 'ForeignNextLink', message: `${path}: nextLink points outside ${this.endpoint.url}.` } };
    }
    return { ok: true, value: items };
  }

  /** `POST {path}?api-version=…` with a JSON body (Resource Graph queries). */
  async post(path: string, apiVersion: string, body: ArmJson, permission: string): Promise<ArmOutcome<ArmObject>> {
    const response = await this.send('POST', this.url(path, apiVersion), permission, JSON.stringify(body));
    if (!response.ok) return response;
    return isArmObject(response.value) ? { ok: true, value: response.value } : invalid(path);
  }

  private async send(method: 'GET' | 'POST', url: string, permission: string, body?: string): Promise<ArmOutcome<ArmJson>> {
    const client = this.anyClient();
    const { createPipelineRequest, createHttpHeaders } = this.sdk;
    return this.call(permission, async (abortSignal) => {
      const headers = createHttpHeaders({ accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) });
      const request = createPipelineRequest({
        url,
        method,
        headers,
        allowInsecureConnection: this.endpoint.local,
        ...(abortSignal === undefined ? {} : { abortSignal }),
        ...(body === undefined ? {} : { body }),
      });
      const response = await client.sendRequest(request);
      if (response.status < 200 || response.status >= 300) throw new ArmResponseError(failureFromResponse(response.status, response.bodyAsText ?? undefined, permission));
      try {
        return JSON.parse(response.bodyAsText ?? 'null') as ArmJson;
      } catch {
        throw new ArmResponseError({ status: response.status, code: 'InvalidResponse', message: `The response of ${method} ${new URL(url).pathname} is not JSON.` });
      }
    });
  }

  /** Runs one call; an abort becomes `ScanAbortedError`, any other failure an `ArmFailure`. */
  private async call<T>(permission: string, run: (abortSignal: AbortSignal | undefined) => Promise<T>): Promise<ArmOutcome<T>> {
    const signal = this.options.signal;
    if (signal?.aborted) throw new ScanAbortedError();
    try {
      return { ok: true, value: await this.signals.run(run) };
    } catch (error) {
      if (signal?.aborted) throw new ScanAbortedError();
      if (error instanceof ArmResponseError) return { ok: false, failure: error.failure };
      return { ok: false, failure: failureFromError(error, permission) };
    }
  }

  private url(path: string, apiVersion: string): string {
    const separator = path.includes('?') ? '&' : '?';
    return `${this.endpoint.url}${path}${separator}api-version=${encodeURIComponent(apiVersion)}`;
  }

  /** `next` when it is on this endpoint, else `''`. */
  private sameEndpoint(next: string, path: string): string {
    try {
      const base = new URL(this.endpoint.url);
      const target = new URL(next, base);
      return target.origin === base.origin ? target.toString() : '';
    } catch {
      throw new InputError(`Azure ${path}: the response's nextLink "${next}" is not a URL.`);
    }
  }

  private anyClient(): ResourceManagementClient {
    return this.clientFor('00000000-0000-0000-0000-000000000000');
  }

  private clientFor(subscription: string): ResourceManagementClient {
    let client = this.clients.get(subscription);
    if (client) return client;
    const retry = this.options.retry ?? defaultRetryOptions;
    const options: ResourceManagementClientOptionalParams = {
      endpoint: this.endpoint.url,
      $host: this.endpoint.url,
      credentialScopes: [`${this.endpoint.url}/.default`],
      allowInsecureConnection: this.endpoint.local,
      userAgentOptions: { userAgentPrefix: 'trustscan' },
    };
    client = new this.sdk.ResourceManagementClient(this.credential, subscription, options);
    client.pipeline.removePolicy({ name: 'defaultRetryPolicy' });
    client.pipeline.addPolicy(armRetryPolicy(retry), { phase: 'Retry' });
    client.pipeline.addPolicy({ name: 'trustscanCallCounter', sendRequest: (request, next) => ((this.calls += 1), next(request)) }, { afterPhase: 'Retry' });
    // A bearer token must not travel over plain http; a local endpoint takes none (core-rest-pipeline 1.24 refuses
    // to send one to an http URL whatever the options say, so the policy has to go).
    if (this.endpoint.local) client.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
    this.clients.set(subscription, client);
    return client;
  }
}

function signalOption(abortSignal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return abortSignal === undefined ? {} : { abortSignal };
}

class ArmResponseError extends Error {
  constructor(readonly failure: ArmFailure) {
    super(failure.message);
  }
}

function invalid<T>(path: string): ArmOutcome<T> {
  return { ok: false, failure: { status: 200, code: 'InvalidResponse', message: `The response of ${path} is not what ARM returns.` } };
}

function subscriptionInfo(value: ArmObject): SubscriptionInfo | undefined {
  const id = value['subscriptionId'];
  if (typeof id !== 'string') return undefined;
  const name = value['displayName'];
  const state = value['state'];
  return { subscriptionId: id, displayName: typeof name === 'string' ? name : id, state: typeof state === 'string' ? state : 'Unknown' };
}

/** The SDK's model object as plain JSON (it may hold `Date`s and `undefined`s). */
function plainResource(value: object): ArmResource | undefined {
  const json: unknown = JSON.parse(JSON.stringify(value));
  return isArmResource(json) ? json : undefined;
}

const localCredential: Credential = {
  getToken: () => Promise.resolve({ token: 'local-endpoint', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

async function defaultCredential(endpoint: ArmEndpoint, signal: AbortSignal | undefined): Promise<Credential> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  const credential = new DefaultAzureCredential();
  try {
    await credential.getToken(`${endpoint.url}/.default`, signal === undefined ? {} : { abortSignal: signal });
  } catch (error) {
    if (signal?.aborted) throw new ScanAbortedError();
    throw new InputError(
      `Azure: no usable credentials for ${endpoint.url} (${describeError(error)}); sign in with \`az login\`, set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or run with a managed identity.`,
      { subject: endpoint.url, cause: error },
    );
  }
  return credential;
}
