/** What went wrong in an AWS call, as far as the scan's reaction is concerned. */
export type AwsFault =
  | 'access-denied'
  | 'region-unavailable'
  | 'credentials'
  | 'throttled'
  | 'not-configured'
  | 'no-such-bucket'
  | 'aggregator-not-found'
  | 'config-not-enabled'
  | 'aborted'
  | 'other';

const accessDenied = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'AllAccessDisabled', 'UnauthorizedAccess']);
const regionUnavailable = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'OptInRequired', 'AuthFailure']);
const credentials = new Set(['CredentialsProviderError', 'ExpiredToken', 'ExpiredTokenException', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'MissingAuthenticationToken']);
const throttled = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
  'RequestThrottled',
  'RequestThrottledException',
]);
const notConfigured = new Set([
  'NoSuchBucketPolicy',
  'ServerSideEncryptionConfigurationNotFoundError',
  'NoSuchPublicAccessBlockConfiguration',
  'ObjectLockConfigurationNotFoundError',
  'OwnershipControlsNotFoundError',
]);
const unreachable = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED']);

/** Classifies an error thrown by an AWS SDK v3 call by its `name`, `code` and HTTP status. */
export function classifyAwsError(error: unknown): AwsFault {
  const name = errorName(error);
  if (name === 'AbortError') return 'aborted';
  if (accessDenied.has(name)) return 'access-denied';
  if (credentials.has(name)) return 'credentials';
  if (regionUnavailable.has(name)) return 'region-unavailable';
  if (throttled.has(name)) return 'throttled';
  if (notConfigured.has(name)) return 'not-configured';
  if (name === 'NoSuchBucket') return 'no-such-bucket';
  if (name === 'NoSuchConfigurationAggregatorException') return 'aggregator-not-found';
  if (name === 'NoAvailableConfigurationRecorderException') return 'config-not-enabled';
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && unreachable.has(code)) return 'region-unavailable';
  const status = httpStatus(error);
  if (status === 403) return 'access-denied';
  if (status === 429) return 'throttled';
  return 'other';
}

/** The error's name (`AccessDenied`, `ThrottlingException`), or `Error`. */
export function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'Error';
  const named = error as { name?: unknown; Code?: unknown };
  if (typeof named.Code === 'string' && (named.name === 'Error' || named.name === undefined)) return named.Code;
  return typeof named.name === 'string' ? named.name : 'Error';
}

function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}
