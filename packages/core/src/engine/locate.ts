import path from 'node:path';
import type { Location } from '../model/finding.js';
import type { Declaration, Resource, SourceRange } from '../model/resource.js';
import { pathToString, type AttributePath } from '../model/value.js';

const firstLine: SourceRange = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };

/**
 * Where a finding points: the attribute that decided it inside the declaring Terraform block (or the block when
 * the attribute is absent); else the plan file, or the resource's line in a state file; else, for live resources, a stable pseudo-path
 * `cloud/<provider>/<account or subscription>/<region or group>/<type>/<name>`.
 */
export function locate(resource: Resource, attributePath: AttributePath | undefined, root: string): Location {
  const source = attributePath && resource.attributeSources ? sourceOf(resource.attributeSources, attributePath) : undefined;
  if (source) return locationOf(relativeFile(root, source.declaration.file), attributeRange(source.declaration, source.rest));
  if (resource.declaration) {
    const range = attributePath ? attributeRange(resource.declaration, attributePath) : resource.declaration.range;
    return locationOf(relativeFile(root, resource.declaration.file), range);
  }
  const origin = resource.origin;
  switch (origin.kind) {
    case 'hcl':
    case 'plan':
      return locationOf(relativeFile(root, origin.file), firstLine);
    case 'state':
      return locationOf(relativeFile(root, origin.file), origin.line === undefined ? firstLine : lineRange(origin.line));
    case 'aws':
      return { file: cloudPath('aws', origin.account, origin.region, resource.type, awsResourceName(origin.arn)), ...firstLine };
    case 'azure':
      return { file: cloudPath('azure', origin.subscription, azureResourceGroup(origin.id), resource.type, azureResourceName(origin.id)), ...firstLine };
  }
}

const lineRanges = new Map<number, SourceRange>();

/** A whole line, shared by every finding on it. */
function lineRange(line: number): SourceRange {
  let range = lineRanges.get(line);
  if (!range) lineRanges.set(line, (range = { startLine: line, startColumn: 1, endLine: line, endColumn: 2 }));
  return range;
}

/** The declaration that writes the longest prefix of `attributePath`, and the path left inside it. */
function sourceOf(sources: Readonly<Record<string, Declaration>>, attributePath: AttributePath): { declaration: Declaration; rest: AttributePath } | undefined {
  for (let length = attributePath.length; length > 0; length--) {
    const declaration = sources[pathToString(attributePath.slice(0, length))];
    if (declaration) return { declaration, rest: attributePath.slice(length) };
  }
  return undefined;
}

/** The range of the longest prefix of `attributePath` that the declaration records, else the block. */
export function attributeRange(declaration: Declaration, attributePath: AttributePath): SourceRange {
  let key = pathToString(attributePath);
  while (key !== '') {
    const range = declaration.attributes[key];
    if (range) return range;
    const dot = key.lastIndexOf('.');
    key = dot < 0 ? '' : key.slice(0, dot);
  }
  return declaration.range;
}

const locations = new WeakMap<SourceRange, Map<string, Location>>();

/**
 * The location of a range in a file. Findings are immutable, so those that point at the same attribute share one
 * location object instead of allocating one each.
 */
function locationOf(file: string, range: SourceRange): Location {
  let byFile = locations.get(range);
  if (!byFile) locations.set(range, (byFile = new Map()));
  let location = byFile.get(file);
  if (!location) byFile.set(file, (location = { file, ...range }));
  return location;
}

const relativeFiles = new Map<string, Map<string, string>>();

/** `file` relative to `root`, with `/` separators. */
export function relativeFile(root: string, file: string): string {
  let inRoot = relativeFiles.get(root);
  if (!inRoot) relativeFiles.set(root, (inRoot = new Map()));
  let relative = inRoot.get(file);
  if (relative === undefined) {
    relative = path.relative(root, file).split(path.sep).join('/');
    if (inRoot.size > 10_000) inRoot.clear();
    inRoot.set(file, relative);
  }
  return relative;
}

function cloudPath(provider: string, ...segments: string[]): string {
  return ['cloud', provider, ...segments.map(safeSegment)].join('/');
}

/** Keeps path segments to `[A-Za-z0-9._-]` and percent-encodes the rest, so every viewer accepts the path. */
function safeSegment(segment: string): string {
  const cleaned = segment === '' ? '_' : segment;
  return cleaned.replace(/[^A-Za-z0-9._-]/g, (c) => [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

function awsResourceName(arn: string): string {
  // arn:partition:service:region:account:resource, where resource may hold ':' or '/'.
  const resource = arn.split(':').slice(5).join(':');
  return resource === '' ? arn : resource;
}

function azureResourceGroup(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? 'subscription';
}

function azureResourceName(id: string): string {
  return id.split('/').filter(Boolean).at(-1) ?? id;
}
