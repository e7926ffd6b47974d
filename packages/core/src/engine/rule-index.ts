import type { Rule } from '../model/rule.js';

/** Rules by the resource types they declare, so each resource meets only the rules written for its type. */
export class RuleIndex {
  private readonly byType = new Map<string, Rule[]>();

  constructor(readonly rules: readonly Rule[]) {
    for (const rule of rules) {
      for (const type of new Set(rule.meta.resourceTypes)) {
        const list = this.byType.get(type);
        if (list) list.push(rule);
        else this.byType.set(type, [rule]);
      }
    }
  }

  forType(type: string): readonly Rule[] {
    return this.byType.get(type) ?? [];
  }

  types(): IterableIterator<string> {
    return this.byType.keys();
  }
}
