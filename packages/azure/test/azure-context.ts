import { DeclarationLocator, type Resource, type SourceContext } from '@trustscan/core';

/** A source context for calling `loadAzure` directly, recording progress messages. */
export function azureContext(options: { declared?: () => Promise<readonly Resource[]>; tfDir?: string; signal?: AbortSignal } = {}): SourceContext & { messages: string[] } {
  const messages: string[] = [];
  return {
    root: process.cwd(),
    locator: new DeclarationLocator(),
    progress: (message) => messages.push(message),
    terraform: {},
    declaredResources: options.declared ?? (() => Promise.resolve([])),
    ...(options.tfDir === undefined ? {} : { tfDir: options.tfDir }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    messages,
  };
}
