import { escapeMarkdown } from '@trustscan/reporters';
import { chainWarning, type ChainSummary } from '../history/chain-summary.js';

/** The chain's problems as the first lines of a Markdown view; nothing when the chain is intact. */
export function chainMarkdown(chain: ChainSummary): string[] {
  const warning = chainWarning(chain);
  if (!warning) return [];
  return [`> [!CAUTION]`, `> **${escapeMarkdown(warning)}**`, '>', ...chain.problems.map((p) => `> - ${escapeMarkdown(p.message)}`), ''];
}
