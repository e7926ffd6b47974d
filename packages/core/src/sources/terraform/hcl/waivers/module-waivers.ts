import path from 'node:path';
import type { Notification } from '../../../../model/finding.js';
import type { Waiver } from '../../../../model/waiver.js';
import type { LoadedFile } from '../config/module-loader.js';
import { attachedLines, commentsOfBlock, isWaivable, readWaiverComment } from './inline-waivers.js';

/**
 * Turns the `trustscan:ignore` comments of the scanned files into waivers. A comment on a resource waives that
 * resource and its instances in every instance of its module; a comment on a module call waives only the
 * resources of that call. Unusable comments become notifications (an error when the reason is missing).
 */
export function inlineWaivers(
  files: readonly LoadedFile[],
  prefixesByDirectory: ReadonlyMap<string, ReadonlySet<string>>,
  relative: (file: string) => string,
  notifications: Notification[],
): Waiver[] {
  const waivers: Waiver[] = [];
  for (const { file, syntax } of [...files].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const where = relative(file);
    const prefixes = [...(prefixesByDirectory.get(path.dirname(file)) ?? [])].sort();
    for (const block of syntax.blocks) {
      if (!isWaivable(block)) continue;
      for (const comment of commentsOfBlock(syntax, block)) {
        const read = readWaiverComment(comment.line, comment.text);
        if (!read) continue;
        if ('message' in read) {
          notifications.push({ level: 'error', code: 'invalid-waiver', message: `${where}:${read.line}: ${read.message}.`, subject: `${where}:${read.line}` });
          continue;
        }
        const globs =
          block.kind === 'module'
            ? prefixes.flatMap((p) => [`${p}module.${block.labels[0]}.*`, `${p}module.${block.labels[0]}[*`])
            : prefixes.flatMap((p) => [`${p}${block.labels[0]}.${block.labels[1]}`, `${p}${block.labels[0]}.${block.labels[1]}[*`]);
        if (globs.length === 0) continue;
        waivers.push({
          rule: read.rule,
          resources: globs,
          reason: read.reason,
          ...(read.owner === undefined ? {} : { owner: read.owner }),
          ...(read.expires === undefined ? {} : { expires: read.expires }),
          source: { kind: 'inline', file: where, line: read.line },
        });
      }
    }
    const attached = attachedLines(syntax);
    const loose = [...syntax.comments, ...syntax.blocks.filter((b) => !isWaivable(b)).flatMap((b) => b.comments)];
    for (const comment of loose) {
      if (attached.has(comment.line) || !readWaiverComment(comment.line, comment.text)) continue;
      notifications.push({
        level: 'warning',
        code: 'invalid-waiver',
        message: `${where}:${comment.line}: the trustscan:ignore comment is not on a resource or module block (put it on the line above the block or inside it); it waives nothing.`,
        subject: `${where}:${comment.line}`,
      });
    }
  }
  return waivers;
}
