import type { ChainState } from '../history/evidence-history.js';

/** The chain's verification as every view shows it, first. */
export interface ChainSummary {
  readonly verified: boolean;
  /** Records in the store. */
  readonly records: number;
  /** One line per problem, naming the record (edited, missing, reordered, forked, bad signature, unreadable). */
  readonly problems: readonly { readonly kind: string; readonly seq: number; readonly message: string }[];
  readonly notes: readonly string[];
  readonly signed: number;
  readonly signers: readonly string[];
  readonly head: { readonly seq: number; readonly sha256: string } | null;
}

export function chainSummary(chain: ChainState): ChainSummary {
  return {
    verified: chain.verified,
    records: chain.records,
    problems: chain.problems.map((p) => ({ kind: p.kind, seq: p.seq, message: p.message })),
    notes: chain.notes,
    signed: chain.signed,
    signers: chain.signers,
    head: chain.head ?? null,
  };
}

/** The one-line warning every view puts first when the chain has problems. */
export function chainWarning(chain: ChainSummary): string | undefined {
  if (chain.verified) return undefined;
  return `The evidence chain is broken: ${chain.problems.length} problem${chain.problems.length === 1 ? '' : 's'} found by \`trustscan evidence verify\`. The records may have been changed, removed or damaged after they were written, so the figures below cannot be relied on until the chain is explained or restored from a copy.`;
}
