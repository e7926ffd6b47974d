import { Unknown, type Value } from '../../../../model/value.js';
import { awsManagedPolicyAttributes } from './aws-managed-policy.js';
import { Bindings } from '../expression/evaluate.js';
import { markComputed } from '../expression/values.js';
import type { ResourceConfig } from '../config/module-config.js';
import { evaluateBody, type LeafEvaluator } from './block-body.js';
import { instanceAddress, instanceKeys, isKeyed, isRepresentative, readExpansion, representativeKey, type Expansion, type InstanceKeyValue } from './expansion.js';
import { policyDocument, policyJson } from './iam-policy-document.js';
import { maxInstances, type EvaluationServices } from './services.js';

/** One instance of a resource or data block, evaluated. */
export interface ResourceInstance {
  readonly config: ResourceConfig;
  readonly key: InstanceKeyValue | undefined;
  readonly address: string;
  /** Why the number of instances is not known, when this instance stands for all of them (`…[*]`). */
  readonly unknownExpansion?: string;
  readonly attributes: Record<string, Value>;
  /** Managed resources referred to, by top-level argument. */
  readonly references: ReadonlyMap<string, ReadonlySet<string>>;
  readonly sensitivePaths: readonly string[];
  /** What other expressions see: the arguments, and `Unknown` for attributes the provider computes. */
  readonly object: Value;
}

/** What a group needs from the module instance that owns it. */
export interface GroupOwner {
  /** `''` at the root, else the module instance address and a dot: `module.a["x"].`. */
  readonly prefix: string;
  /** Why the number of instances of this module is not known, when it is a representative instance. */
  readonly unknownExpansion?: string;
  readonly services: EvaluationServices;
  readonly evaluateLeaf: LeafEvaluator;
  /** Reports that an argument could not be evaluated. */
  reportProblems(config: ResourceConfig, address: string, problems: readonly { path: string; message: string }[]): void;
}

/** A `resource` or `data` block of one module instance, expanded by `count`/`for_each` on demand and memoised. */
export class ResourceGroup {
  private expansionMemo: Expansion | undefined;
  private instancesMemo: readonly ResourceInstance[] | 'pending' | undefined;

  constructor(
    private readonly owner: GroupOwner,
    readonly config: ResourceConfig,
  ) {}

  /** `module.a.aws_s3_bucket.b`, or `data.aws_iam_policy_document.p` for data sources. */
  get baseAddress(): string {
    const local = this.config.mode === 'data' ? `data.${this.config.type}.${this.config.name}` : `${this.config.type}.${this.config.name}`;
    return this.owner.prefix + local;
  }

  expansion(): Expansion {
    this.expansionMemo ??= this.owner.services.nested(
      () => readExpansion(this.config.body, (text, trace) => this.owner.evaluateLeaf(text, Bindings.of({}), trace)),
      () => ({ kind: 'unknown', reason: `${this.baseAddress} is nested too deeply to expand` }),
    );
    return this.expansionMemo;
  }

  /** The instances; while they are being evaluated (a self-reference), `undefined`. */
  instances(): readonly ResourceInstance[] | undefined {
    if (this.instancesMemo === 'pending') return undefined;
    if (this.instancesMemo) return this.instancesMemo;
    this.instancesMemo = 'pending';
    try {
      const result = this.owner.services.nested(
        () => this.evaluateInstances(),
        () => [] as ResourceInstance[],
      );
      this.instancesMemo = result;
      return result;
    } catch (error) {
      this.instancesMemo = undefined;
      throw error;
    }
  }

  /**
   * The value of `type.name`: the instance, or a list (`count`) or map (`for_each`) of instances; unknown when the
   * number of instances is not known.
   */
  value(): Value {
    const instances = this.instances();
    if (!instances) return new Unknown(`${this.baseAddress} depends on itself`);
    const expansion = this.expansion();
    if (isRepresentative(expansion)) return new Unknown(`the instances of ${this.baseAddress} are not known (${expansion.reason})`);
    if (expansion.kind === 'count') return instances.map((i) => i.object);
    if (expansion.kind === 'for_each') return Object.fromEntries(instances.map((i) => [String(i.key), i.object]));
    return instances[0]?.object ?? null;
  }

  /**
   * One instance by key, or `undefined` when there is none (or while it is being evaluated). Any key names the
   * representative instance of a block whose instances are not known.
   */
  instance(key: number | string): ResourceInstance | Unknown | undefined {
    const instances = this.instances();
    if (!instances) return new Unknown(`${this.baseAddress} depends on itself`);
    if (instances[0]?.key === representativeKey) return instances[0];
    return instances.find((i) => i.key === key || (typeof i.key === 'number' && String(i.key) === String(key)));
  }

  get keyed(): boolean {
    return isKeyed(this.expansion());
  }

  /** Whether the group is one representative instance standing for a number of instances that is not known. */
  get representative(): boolean {
    return isRepresentative(this.expansion());
  }

  private evaluateInstances(): ResourceInstance[] {
    const services = this.owner.services;
    const expansion = this.expansion();
    const unknownExpansion = isRepresentative(expansion) ? expansion.reason : this.owner.unknownExpansion;
    if (isRepresentative(expansion)) {
      services.report({
        level: expansion.kind === 'invalid' ? 'warning' : 'note',
        code: 'unknown-instances',
        message: `${this.baseAddress}: ${expansion.reason}; it is evaluated as one instance standing for all of them, ${instanceAddress(this.baseAddress, representativeKey)}.`,
        subject: this.baseAddress,
      });
    }
    let keys = instanceKeys(expansion);
    if (services.instances + keys.length > maxInstances) {
      services.report({
        level: 'error',
        code: 'too-many-instances',
        message: `${this.baseAddress}: the configuration expands to more than ${maxInstances} instances; the rest are not scanned.`,
        subject: this.baseAddress,
      });
      keys = keys.slice(0, Math.max(0, maxInstances - services.instances));
    }
    services.instances += keys.length;
    return keys.map(({ key, bindings }) => {
      const address = instanceAddress(this.baseAddress, key);
      const body = evaluateBody(this.config.body, this.owner.evaluateLeaf, Bindings.of(bindings), undefined, this.config.syntax?.attributes);
      if (body.problems.length > 0) this.owner.reportProblems(this.config, address, body.problems);
      let object: Record<string, Value> = body.attributes;
      if (this.config.mode === 'data' && this.config.type === 'aws_iam_policy_document') {
        object = { ...body.attributes };
        let document: Value;
        try {
          document = policyDocument(body.attributes);
        } catch (error) {
          document = new Unknown(`the policy document cannot be rendered (${(error as Error).message})`);
        }
        object['json'] = policyJson(document, true);
        // Rarely read, so rendered on first use.
        Object.defineProperty(object, 'minified_json', { get: () => policyJson(document, false), enumerable: true });
      }
      if (this.config.mode === 'data' && this.config.type === 'aws_iam_policy') object = { ...body.attributes, ...awsManagedPolicyAttributes(body.attributes) };
      const reason = this.config.mode === 'data' ? 'is read from the provider during plan, not offline' : 'is known only after apply';
      return {
        config: this.config,
        key,
        address,
        ...(unknownExpansion === undefined ? {} : { unknownExpansion }),
        attributes: body.attributes,
        references: body.references,
        sensitivePaths: body.sensitivePaths,
        object: markComputed(object, address, reason, this.config.mode === 'managed'),
      };
    });
  }
}

