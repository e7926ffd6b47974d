import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, describeError } from '../model/errors.js';
import type { LiveSource, LiveSources, SourceContext, SourceOutput } from './source.js';
import type { LiveTarget, Target } from './target.js';

/**
 * Loads one target through its source. The HCL and plan sources are imported only when asked for, so a plan scan
 * stays fast; live targets go to the source the caller plugged in for their kind.
 */
export async function loadTarget(target: Target, context: SourceContext, sources: LiveSources = {}): Promise<SourceOutput> {
  switch (target.kind) {
    case 'path':
      return loadTarget(await recognise(target.path), context, sources);
    case 'terraform-plan': {
      const { loadPlan } = await import('./terraform/plan/load-plan.js');
      return loadPlan(path.resolve(target.path), context);
    }
    case 'terraform-state': {
      const { loadState } = await import('./terraform/state/load-state.js');
      return loadState(path.resolve(target.path), context);
    }
    case 'terraform-json': {
      const { loadTerraformJson } = await import('./terraform/json/load-terraform-json.js');
      return loadTerraformJson(path.resolve(target.path), context);
    }
    case 'terraform-hcl': {
      const { loadTerraformDirectory } = await import('./terraform/hcl/load-directory.js');
      return loadTerraformDirectory(path.resolve(target.path), context, target.discoveredIn === undefined ? {} : { discoveredIn: target.discoveredIn });
    }
    case 'aws':
      return requireSource(sources.aws, target).load(target, context);
    case 'azure':
      return requireSource(sources.azure, target).load(target, context);
  }
}

const livePackages: Readonly<Record<LiveTarget['kind'], { readonly name: string; readonly source: string }>> = {
  aws: { name: '@trustscan/aws', source: 'awsSource' },
  azure: { name: '@trustscan/azure', source: 'azureSource' },
};

function requireSource<T extends LiveTarget>(source: LiveSource<T> | undefined, target: T): LiveSource<T> {
  if (source) return source;
  const needed = livePackages[target.kind];
  throw new InputError(`${target.kind}: live ${target.kind === 'aws' ? 'AWS' : 'Azure'} scans need the ${needed.name} package; install it and pass its source to scan(): sources: { ${target.kind}: ${needed.source} }.`, { subject: target.kind });
}

/** Decides what a path holds by looking at it: a directory or `.tf` file is HCL; a file starting with `{` may be a plan or a state. */
async function recognise(target: string): Promise<Target> {
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : describeError(error);
    throw new InputError(`${target}: cannot read it (${problem}); pass a Terraform directory or a plan JSON file.`, { subject: target });
  }
  if (info.isDirectory()) return { kind: 'terraform-hcl', path: target };
  if (target.endsWith('.tf') || target.endsWith('.tf.json')) return { kind: 'terraform-hcl', path: target };
  if (await startsLikeJson(target)) return { kind: 'terraform-json', path: target };
  throw new InputError(`${target}: neither a Terraform plan or state (JSON from \`terraform show -json\` or \`terraform state pull\`) nor a Terraform directory or .tf file.`, { subject: target });
}

async function startsLikeJson(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    let text = buffer.subarray(0, bytesRead);
    if (text[0] === 0xff || text[0] === 0xfe) return true; // UTF-16 with a byte-order mark: plans written by PowerShell
    if (text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf) text = text.subarray(3);
    return text.toString('utf8').trimStart().startsWith('{');
  } catch (error) {
    throw new InputError(`${file}: cannot read the file (${describeError(error)}).`, { subject: file });
  } finally {
    await handle?.close();
  }
}
