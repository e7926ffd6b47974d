import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Declaration } from '../../../model/resource.js';
import { readSyntax } from './blocks.js';

/** The Terraform blocks of one module directory, keyed `resource.<type>.<name>`, `data.<type>.<name>`, `module.<name>`. */
export type ModuleDeclarations = ReadonlyMap<string, Declaration>;

/**
 * Finds where resources are declared in `.tf` files, one module directory at a time, reading each directory once
 * per scan. Used to point plan and live findings at Terraform source.
 */
export class DeclarationLocator {
  private readonly directories = new Map<string, Promise<ModuleDeclarations>>();

  /** The declarations of the `.tf` files directly inside `directory`; an unreadable directory has none. */
  inDirectory(directory: string): Promise<ModuleDeclarations> {
    const key = path.resolve(directory);
    let found = this.directories.get(key);
    if (!found) {
      found = readDirectory(key);
      this.directories.set(key, found);
    }
    return found;
  }
}

async function readDirectory(directory: string): Promise<ModuleDeclarations> {
  const declarations = new Map<string, Declaration>();
  let entries: string[];
  try {
    entries = (await readdir(directory)).filter((name) => name.endsWith('.tf')).sort();
  } catch {
    return declarations;
  }
  for (const name of entries) {
    const file = path.join(directory, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const syntax = readSyntax(text);
    for (const block of syntax.blocks) {
      const key = blockKey(block.kind, block.labels);
      if (key && !declarations.has(key)) declarations.set(key, { file, range: block.range, attributes: block.attributes });
    }
  }
  return declarations;
}

/** The key of a declaring block, or `undefined` for blocks that declare nothing addressable. */
export function blockKey(kind: string, labels: readonly string[]): string | undefined {
  if ((kind === 'resource' || kind === 'data') && labels.length >= 2) return `${kind}.${labels[0]}.${labels[1]}`;
  if (kind === 'module' && labels.length >= 1) return `module.${labels[0]}`;
  return undefined;
}
