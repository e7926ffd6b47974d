import { stat } from 'node:fs/promises';
import path from 'node:path';
import { relativeFile } from '../engine/locate.js';
import type { Notification } from '../model/finding.js';
import type { Target } from './target.js';
import { discoverRoots } from './terraform/discovery/discover-roots.js';
import { repositoryOf } from './terraform/hcl/files/repository.js';
import type { TerraformSession } from './terraform/terraform-session.js';

/** The targets a given target stands for, and what finding them said. */
export interface ExpandedTarget {
  readonly targets: readonly Target[];
  readonly notifications: readonly Notification[];
}

/**
 * A directory target is walked for Terraform root modules (see `discoverRoots`): each root becomes a target of its
 * own, named by its path. A directory that is the only root stays one Terraform target; anything else is returned
 * as it is, for its source to read.
 */
export async function expandTarget(target: Target, root: string, session: TerraformSession, signal?: AbortSignal): Promise<ExpandedTarget> {
  if (target.kind !== 'path' && target.kind !== 'terraform-hcl') return { targets: [target], notifications: [] };
  if (target.kind === 'terraform-hcl' && target.discoveredIn !== undefined) return { targets: [target], notifications: [] };
  const directory = path.resolve(target.path);
  try {
    if (!(await stat(directory)).isDirectory()) return { targets: [target], notifications: [] };
  } catch {
    return { targets: [target], notifications: [] };
  }
  const relative = (file: string): string => relativeFile(root, file);
  const found = await discoverRoots(directory, { exclusion: session.exclusion, parser: session.parser, texts: session.texts, calls: session.moduleCalls, relative, boundary: repositoryOf(directory, root), ...(signal ? { signal } : {}) });
  const notifications = [...found.notifications];
  if (found.roots.length === 0) return { targets: [target], notifications };
  if (found.roots.length === 1 && found.roots[0] === directory) return { targets: [{ kind: 'terraform-hcl', path: target.path }], notifications };
  const label = relative(directory) || '.';
  const calledOnly = found.calledOnly.length;
  notifications.push({
    level: 'note',
    code: 'roots-found',
    message:
      `${label}: ${found.roots.length} Terraform root module${found.roots.length === 1 ? '' : 's'} found in ${found.directories.toLocaleString('en')} director${found.directories === 1 ? 'y' : 'ies'}` +
      `${calledOnly > 0 ? `; ${calledOnly} more director${calledOnly === 1 ? 'y is a module' : 'ies are modules'} scanned through ${calledOnly === 1 ? 'its' : 'their'} callers` : ''}.`,
    subject: label,
  });
  return { targets: found.roots.map((dir): Target => ({ kind: 'terraform-hcl', path: dir, discoveredIn: directory })), notifications };
}
