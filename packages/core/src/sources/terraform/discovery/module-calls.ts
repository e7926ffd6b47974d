/** The literal `source` of every `module` block of a parsed file's body (hcl2json's shape). */
export function moduleSources(body: Readonly<Record<string, unknown>> | undefined): string[] {
  const modules = body?.['module'];
  if (typeof modules !== 'object' || modules === null || Array.isArray(modules)) return [];
  const sources: string[] = [];
  for (const blocks of Object.values(modules as Record<string, unknown>)) {
    for (const block of Array.isArray(blocks) ? blocks : [blocks]) {
      const source = (block as Record<string, unknown> | null)?.['source'];
      if (typeof source === 'string') sources.push(source);
    }
  }
  return sources;
}
