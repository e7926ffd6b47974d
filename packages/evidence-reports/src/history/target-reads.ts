import type { HistoryRecord } from './evidence-history.js';

/** For each target, the records (indices, in observation order) that read it: the evidence that exists for it. */
export class TargetReads {
  private readonly byTarget = new Map<string, number[]>();

  constructor(private readonly records: readonly HistoryRecord[]) {
    for (const record of records) {
      for (const target of record.targetsRead) {
        let list = this.byTarget.get(target);
        if (!list) this.byTarget.set(target, (list = []));
        list.push(record.index);
      }
    }
  }

  /** Every target any record read, sorted. */
  targets(): string[] {
    return [...this.byTarget.keys()].sort();
  }

  /** The indices of the records that read the target. */
  of(target: string): readonly number[] {
    return this.byTarget.get(target) ?? [];
  }

  /**
   * The last record before `before` (an index, exclusive) and not before `notBefore` that read the target and ran the
   * rule: the last evidence of a finding's state. Undefined when there is none.
   */
  lastEvidence(target: string, ruleId: string, before: number, notBefore = 0): HistoryRecord | undefined {
    const list = this.of(target);
    let position = upperBound(list, before - 1) - 1;
    while (position >= 0) {
      const index = list[position] as number;
      if (index < notBefore) return undefined;
      const record = this.records[index] as HistoryRecord;
      if (record.rulesRun.has(ruleId)) return record;
      position--;
    }
    return undefined;
  }
}

/** The position of the first element greater than `value` in an ascending list. */
export function upperBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
