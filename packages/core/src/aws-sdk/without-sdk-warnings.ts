/**
 * Creates an AWS SDK client without the SDK's `NodeVersionSupportWarning` on Node 20: a CLI's users must not see an
 * SDK's warnings mixed into its output. The SDK reads the switch when the first client is made, so it is set only
 * for that moment. Here, in core, because both the live AWS source and the S3 evidence store make clients.
 */
export function withoutSdkWarnings<T>(make: () => T): T {
  const key = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
  const before = process.env[key];
  process.env[key] = 'true';
  try {
    return make();
  } finally {
    if (before === undefined) delete process.env[key];
    else process.env[key] = before;
  }
}
