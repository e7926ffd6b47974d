import type { ModuleCallConfig } from '../config/module-config.js';
import { Bindings } from '../expression/evaluate.js';
import type { LeafEvaluator } from './block-body.js';
import { instanceAddress, instanceKeys, isKeyed, isRepresentative, readExpansion, representativeKey, type Expansion, type InstanceKey } from './expansion.js';
import { maxInstances, type EvaluationServices, type ModuleSource } from './services.js';

/** How deeply module calls may nest; Terraform configurations rarely go past five. */
export const maxModuleDepth = 32;

/** What a module call group needs from the module instance that makes the call. */
export interface CallOwner {
  readonly prefix: string;
  readonly services: EvaluationServices;
  readonly evaluateLeaf: LeafEvaluator;
  readonly directory: string;
  /** Module names from the root to this instance, for `.terraform/modules/modules.json` keys. */
  readonly callPath: readonly string[];
  /** Directories of this instance and its ancestors, to detect module cycles. */
  readonly ancestry: readonly string[];
}

/** A child module instance, created by the group; typed loosely here to keep the group independent of the instance. */
export interface ChildFactory<Child> {
  (address: string, key: InstanceKey, source: Extract<ModuleSource, { kind: 'loaded' }>): Child;
}

/** A `module` block of one module instance: its source, its expansion, and its child instances. */
export class ModuleCallGroup<Child> {
  private sourceMemo: ModuleSource | undefined;
  private expansionMemo: Expansion | undefined;
  private instancesMemo: readonly Child[] | 'pending' | undefined;

  constructor(
    private readonly owner: CallOwner,
    readonly config: ModuleCallConfig,
    private readonly createChild: ChildFactory<Child>,
  ) {}

  get baseAddress(): string {
    return `${this.owner.prefix}module.${this.config.name}`;
  }

  source(): ModuleSource {
    if (!this.sourceMemo) {
      const source = this.owner.services.moduleSource(this.config, this.owner.directory, [...this.owner.callPath, this.config.name]);
      if (source.kind === 'loaded' && this.owner.ancestry.includes(source.config.directory)) {
        this.sourceMemo = { kind: 'not-scanned', reason: `it calls a module that is already being evaluated (${source.config.directory}): a module cycle` };
        // A configuration error Terraform rejects, not something trustscan could not read: the rest is scanned.
        this.owner.services.report({
          level: 'warning',
          code: 'module-cycle',
          message: `${this.baseAddress}: the module calls itself through ${source.config.directory}; Terraform rejects module cycles, and its resources are not scanned.`,
          subject: this.owner.services.relative(this.config.file),
        });
      } else if (source.kind === 'loaded' && this.owner.ancestry.length >= maxModuleDepth) {
        this.sourceMemo = { kind: 'not-scanned', reason: `modules nest more than ${maxModuleDepth} levels deep` };
        this.owner.services.report({
          level: 'error',
          code: 'module-too-deep',
          message: `${this.baseAddress}: modules nest more than ${maxModuleDepth} levels deep; the deeper ones are not scanned.`,
          subject: this.owner.services.relative(this.config.file),
        });
      } else {
        this.sourceMemo = source;
      }
    }
    return this.sourceMemo;
  }

  expansion(): Expansion {
    this.expansionMemo ??= readExpansion(this.config.body, (text, trace) => this.owner.evaluateLeaf(text, Bindings.of({}), trace));
    return this.expansionMemo;
  }

  get keyed(): boolean {
    return isKeyed(this.expansion());
  }

  /** The child module instances; empty when the module is not scanned, `undefined` while being created. */
  instances(): readonly Child[] | undefined {
    if (this.instancesMemo === 'pending') return undefined;
    if (this.instancesMemo) return this.instancesMemo;
    const source = this.source();
    if (source.kind !== 'loaded') {
      this.instancesMemo = [];
      return this.instancesMemo;
    }
    this.instancesMemo = 'pending';
    const expansion = this.expansion();
    if (isRepresentative(expansion)) {
      this.owner.services.report({
        level: expansion.kind === 'invalid' ? 'warning' : 'note',
        code: 'unknown-instances',
        message: `${this.baseAddress}: ${expansion.reason}; it is evaluated as one instance standing for all of them, ${instanceAddress(this.baseAddress, representativeKey)}.`,
        subject: this.baseAddress,
      });
    }
    let keys = instanceKeys(expansion);
    const services = this.owner.services;
    if (services.instances + keys.length > maxInstances) {
      services.report({
        level: 'error',
        code: 'too-many-instances',
        message: `${this.baseAddress}: the configuration expands to more than ${maxInstances} resource and module instances; the rest are not scanned.`,
        subject: this.baseAddress,
      });
      keys = keys.slice(0, Math.max(0, maxInstances - services.instances));
    }
    services.instances += keys.length;
    const children = keys.map((key) => this.createChild(instanceAddress(this.baseAddress, key.key), key, source));
    this.instancesMemo = children;
    return children;
  }
}
