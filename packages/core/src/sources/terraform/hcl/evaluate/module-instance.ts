import path from 'node:path';
import { Unknown, type Value } from '../../../../model/value.js';
import { pathToString, parsePath } from '../../../../model/value.js';
import { formatInstanceKey } from '../../../../inventory/address.js';
import type { BlockConfig, ModuleConfig, ResourceConfig } from '../config/module-config.js';
import { anyType, convertToType, parsesLiterally, readTypeConstraint, type TypeConstraint } from '../config/type-constraint.js';
import { Bindings, Evaluator, newTrace, type NameResolver, type Step, type Trace } from '../expression/evaluate.js';
import { ExpressionSyntaxError, parseExpression, parseTemplate } from '../expression/parser.js';
import { EvaluationError } from '../expression/values.js';
import type { LeafEvaluator } from './block-body.js';
import { isRepresentative, representativeKey, type InstanceKey, type InstanceKeyValue } from './expansion.js';
import { ModuleCallGroup } from './module-call-group.js';
import { evaluateRaw } from './raw-value.js';
import { ResourceGroup, type ResourceInstance } from './resource-group.js';
import { Memo, cycleCell, emptyReferences, tooDeepCell, type Cell, type EvaluationServices, type ModuleSource } from './services.js';

/** Where a child module instance gets its arguments: the call block, evaluated in the caller with the call's key. */
interface Caller {
  readonly instance: ModuleInstance;
  readonly call: BlockConfig;
  readonly key: InstanceKey;
  readonly bindings: Bindings;
  /** Set when this child is the representative of a call whose instances are not known. */
  readonly unknownExpansion?: string;
}

/**
 * One instance of a module (the root, or `module.a["x"]`): resolves the names its expressions use, lazily and
 * memoised, so values are evaluated in dependency order whatever order they are written in, and a value that
 * depends on itself becomes `Unknown` instead of looping.
 */
export class ModuleInstance implements NameResolver {
  readonly prefix: string;
  /** Why the number of instances of this module (or of a module above it) is not known, for a `module.m[*]`. */
  readonly unknownExpansion?: string;
  /** Directories of this instance and its ancestors, to detect module cycles. */
  readonly ancestry: readonly string[];
  readonly evaluateLeaf: LeafEvaluator;
  private readonly evaluator: Evaluator;
  private readonly variables = new Memo<Cell>();
  private readonly locals = new Memo<Cell>();
  private readonly outputs = new Memo<Cell>();
  private readonly types = new Map<string, TypeConstraint>();
  private readonly resourceGroupsByKey = new Map<string, ResourceGroup>();
  private readonly dataGroupsByKey = new Map<string, ResourceGroup>();
  private readonly callGroupsByName = new Map<string, ModuleCallGroup<ModuleInstance>>();

  constructor(
    readonly config: ModuleConfig,
    /** `''` for the root, else `module.a["x"]`. */
    readonly address: string,
    readonly services: EvaluationServices,
    readonly callPath: readonly string[],
    ancestors: readonly string[],
    private readonly caller?: Caller,
  ) {
    this.prefix = address === '' ? '' : `${address}.`;
    const unknownExpansion = caller?.unknownExpansion ?? caller?.instance.unknownExpansion;
    if (unknownExpansion !== undefined) this.unknownExpansion = unknownExpansion;
    this.ancestry = [...ancestors, config.directory];
    this.evaluator = new Evaluator({
      resolver: this,
      functions: services.functions,
      baseDirectory: services.rootDirectory,
      moduleDirectory: config.directory,
      files: services.files,
      parseTemplate,
      budget: services.budget,
    });
    this.evaluateLeaf = (text, bindings, trace) => this.evaluator.evaluate(services.template(text), trace, bindings);
  }

  /** The `count`/`for_each` key of this module instance, if it has one. */
  get key(): InstanceKeyValue | undefined {
    return this.caller?.key.key;
  }

  get directory(): string {
    return this.config.directory;
  }

  /** Every managed resource group of this instance, in configuration order. */
  resourceGroups(): ResourceGroup[] {
    return [...this.config.resources.keys()].map((key) => this.resourceGroup(key) as ResourceGroup);
  }

  /** Every module call of this instance. */
  callGroups(): ModuleCallGroup<ModuleInstance>[] {
    return [...this.config.moduleCalls.keys()].map((name) => this.callGroup(name) as ModuleCallGroup<ModuleInstance>);
  }

  resolve(root: string, steps: readonly Step[], trace: Trace): { value: Value; consumed: number } {
    switch (root) {
      case 'var':
        return this.readNamed(steps, trace, 'var', (name) => this.variable(name));
      case 'local':
        return this.readNamed(steps, trace, 'local', (name) => this.local(name));
      case 'module':
        return this.readModule(steps, trace);
      case 'data':
        return this.readResource(steps.slice(1), trace, steps[0], 'data', 1);
      case 'path':
        return this.readPath(steps);
      case 'terraform': {
        const first = steps[0];
        if (first?.kind === 'attr' && first.name === 'workspace') return { value: this.services.workspace, consumed: 1 };
        throw new EvaluationError('terraform.workspace is the only terraform attribute');
      }
      case 'count':
        throw new EvaluationError('count.index is only available in blocks that set count');
      case 'each':
        throw new EvaluationError('each.key and each.value are only available in blocks that set for_each');
      case 'self':
        return { value: new Unknown('self is only known in provisioners'), consumed: steps.length };
      default:
        return this.readResource(steps, trace, { kind: 'attr', name: root }, 'managed', 0);
    }
  }

  /** The value of `var.<name>`, or `undefined` when no such variable is declared. */
  variable(name: string): Cell | undefined {
    const done = this.variables.done(name);
    if (done) return done;
    const config = this.config.variables.get(name);
    if (!config) return undefined;
    return this.services.nested(
      () => this.variables.get(name, () => this.evaluateVariable(name, config), () => cycleCell(`var.${name}`)),
      () => tooDeepCell(`var.${name}`),
    );
  }

  local(name: string): Cell | undefined {
    const done = this.locals.done(name);
    if (done) return done;
    const config = this.config.locals.get(name);
    if (!config) return undefined;
    return this.services.nested(
      () => this.locals.get(name, () => this.cellOf(config.raw, Bindings.of({}), `local.${name}`, config.file, false), () => cycleCell(`local.${name}`)),
      () => tooDeepCell(`local.${name}`),
    );
  }

  output(name: string): Cell | undefined {
    const done = this.outputs.done(name);
    if (done) return done;
    const config = this.config.outputs.get(name);
    if (!config) return undefined;
    const what = `${this.prefix}output.${name}`;
    return this.services.nested(
      () => this.outputs.get(name, () => this.cellOf(config.body['value'], Bindings.of({}), what, config.file, config.body['sensitive'] === true), () => cycleCell(what)),
      () => tooDeepCell(what),
    );
  }

  /** Records arguments that could not be evaluated, with their position. */
  reportProblems(config: ResourceConfig, address: string, problems: readonly { path: string; message: string }[]): void {
    for (const problem of problems) {
      const range = config.syntax ? attributeLine(config.syntax.attributes, problem.path) : undefined;
      const where = `${this.services.relative(config.file)}${range === undefined ? '' : `:${range}`}`;
      this.services.report({
        level: 'note',
        code: 'expression-not-evaluated',
        message: `${where}: ${address}.${problem.path} could not be evaluated (${problem.message}); it is treated as unknown.`,
        subject: where,
      });
    }
  }

  private readNamed(steps: readonly Step[], trace: Trace, kind: string, read: (name: string) => Cell | undefined): { value: Value; consumed: number } {
    const first = steps[0];
    if (first?.kind !== 'attr') throw new EvaluationError(`${kind} must be followed by a name`);
    const cell = read(first.name);
    if (!cell) throw new EvaluationError(`${kind}.${first.name} is not declared in ${this.describe()}`);
    absorb(trace, cell);
    return { value: cell.value, consumed: 1 };
  }

  private readPath(steps: readonly Step[]): { value: Value; consumed: number } {
    const first = steps[0];
    const name = first?.kind === 'attr' ? first.name : '';
    const relative = (directory: string): string => {
      const result = path.relative(this.services.rootDirectory, directory).split(path.sep).join('/');
      return result === '' ? '.' : result;
    };
    if (name === 'module') return { value: relative(this.config.directory), consumed: 1 };
    if (name === 'root') return { value: '.', consumed: 1 };
    if (name === 'cwd') return { value: this.services.rootDirectory.split(path.sep).join('/'), consumed: 1 };
    throw new EvaluationError(`path.${name} is not a path attribute (module, root, cwd)`);
  }

  private readResource(steps: readonly Step[], trace: Trace, typeStep: Step | undefined, mode: 'managed' | 'data', offset: number): { value: Value; consumed: number } {
    if (typeStep?.kind !== 'attr') throw new EvaluationError(`${mode === 'data' ? 'data' : 'a resource reference'} must name a type`);
    const type = typeStep.name;
    const nameStep = steps[0];
    if (nameStep?.kind !== 'attr') {
      throw new EvaluationError(`${mode === 'data' ? `data.${type}` : type} is not a value: name a ${mode === 'data' ? 'data source' : 'resource'} (or the name is not declared)`);
    }
    const key = `${type}.${nameStep.name}`;
    const group = mode === 'data' ? this.dataGroup(key) : this.resourceGroup(key);
    if (!group) throw new EvaluationError(`${mode === 'data' ? 'data.' : ''}${key} is not declared in ${this.describe()}`);
    const indexStep = steps[1];
    // Any key, even an unknown one (`[count.index]` in a block counted the same way), names a representative instance.
    if (group.representative && indexStep?.kind === 'index') {
      const representative = group.instance(0);
      if (representative instanceof Unknown) return { value: representative, consumed: offset + 2 };
      if (representative) {
        if (mode === 'managed') trace.references.add(representative.address);
        absorbInstance(trace, representative, steps.slice(2));
        return { value: representative.object, consumed: offset + 2 };
      }
    }
    if (group.keyed && indexStep?.kind === 'index' && (typeof indexStep.key === 'string' || typeof indexStep.key === 'number')) {
      const instance = group.instance(indexStep.key);
      if (mode === 'managed') trace.references.add(instance && !(instance instanceof Unknown) ? instance.address : `${group.baseAddress}${formatInstanceKey(indexStep.key)}`);
      if (instance instanceof Unknown) return { value: instance, consumed: offset + 2 };
      if (!instance) throw new EvaluationError(`${group.baseAddress}${formatInstanceKey(indexStep.key)} does not exist`);
      absorbInstance(trace, instance, steps.slice(2));
      return { value: instance.object, consumed: offset + 2 };
    }
    if (mode === 'managed') trace.references.add(group.baseAddress);
    if (!group.keyed) {
      const only = group.instances()?.[0];
      if (only) absorbInstance(trace, only, steps.slice(1));
    }
    return { value: group.value(), consumed: offset + 1 };
  }

  private readModule(steps: readonly Step[], trace: Trace): { value: Value; consumed: number } {
    const first = steps[0];
    if (first?.kind !== 'attr') throw new EvaluationError('module must be followed by a module name');
    const group = this.callGroup(first.name);
    if (!group) throw new EvaluationError(`module.${first.name} is not declared in ${this.describe()}`);
    const source = group.source();
    if (source.kind !== 'loaded') return { value: new Unknown(`${group.baseAddress} is not scanned (${source.reason})`), consumed: steps.length };
    const instances = group.instances();
    if (!instances) return { value: new Unknown(`${group.baseAddress} depends on itself`), consumed: steps.length };
    let consumed = 1;
    let selected: readonly ModuleInstance[] | ModuleInstance;
    const second = steps[1];
    const representative = isRepresentative(group.expansion());
    if (group.keyed && second?.kind === 'index' && (typeof second.key === 'string' || typeof second.key === 'number')) {
      const wanted = `${group.baseAddress}${formatInstanceKey(second.key)}`;
      // Any key names the representative instance of a call whose instances are not known.
      const found = representative ? instances[0] : instances.find((i) => i.key !== undefined && i.key !== representativeKey && String(i.key) === String(second.key));
      if (!found) throw new EvaluationError(`${wanted} does not exist`);
      selected = found;
      consumed = 2;
    } else if (representative) {
      return { value: new Unknown(`the instances of ${group.baseAddress} are not known`), consumed: steps.length };
    } else if (group.keyed) {
      selected = instances;
    } else {
      selected = instances[0] as ModuleInstance;
    }
    if (!Array.isArray(selected)) {
      const instance = selected as ModuleInstance;
      const outputStep = steps[consumed];
      if (outputStep?.kind === 'attr') {
        const cell = instance.output(outputStep.name);
        if (!cell) throw new EvaluationError(`${instance.address} has no output ${JSON.stringify(outputStep.name)}`);
        absorb(trace, cell);
        return { value: cell.value, consumed: consumed + 1 };
      }
      return { value: instance.outputsObject(trace), consumed };
    }
    const all = selected as readonly ModuleInstance[];
    if (group.expansion().kind === 'count') return { value: all.map((i) => i.outputsObject(trace)), consumed };
    return { value: Object.fromEntries(all.map((i) => [String(i.key as string | number), i.outputsObject(trace)])), consumed };
  }

  /** All outputs as one object, as `module.a` reads. */
  outputsObject(trace: Trace): Value {
    const object: Record<string, Value> = {};
    for (const name of this.config.outputs.keys()) {
      const cell = this.output(name);
      if (!cell) continue;
      absorb(trace, cell);
      object[name] = cell.value;
    }
    return object;
  }

  private resourceGroup(key: string): ResourceGroup | undefined {
    let group = this.resourceGroupsByKey.get(key);
    if (!group) {
      const config = this.config.resources.get(key);
      if (!config) return undefined;
      group = new ResourceGroup(this, config);
      this.resourceGroupsByKey.set(key, group);
    }
    return group;
  }

  private dataGroup(key: string): ResourceGroup | undefined {
    let group = this.dataGroupsByKey.get(key);
    if (!group) {
      const config = this.config.data.get(key);
      if (!config) return undefined;
      group = new ResourceGroup(this, config);
      this.dataGroupsByKey.set(key, group);
    }
    return group;
  }

  private callGroup(name: string): ModuleCallGroup<ModuleInstance> | undefined {
    let group = this.callGroupsByName.get(name);
    if (!group) {
      const config = this.config.moduleCalls.get(name);
      if (!config) return undefined;
      const created: ModuleCallGroup<ModuleInstance> = new ModuleCallGroup<ModuleInstance>(this, config, (address, key, source) => {
        const expansion = created.expansion();
        return this.child(address, key, source, config, key.key === representativeKey && isRepresentative(expansion) ? expansion.reason : undefined);
      });
      group = created;
      this.callGroupsByName.set(name, group);
    }
    return group;
  }

  private child(address: string, key: InstanceKey, source: Extract<ModuleSource, { kind: 'loaded' }>, call: BlockConfig, unknownExpansion: string | undefined): ModuleInstance {
    return new ModuleInstance(
      source.config,
      address,
      this.services,
      [...this.callPath, (call as { name?: string }).name ?? ''],
      this.ancestry,
      { instance: this, call, key, bindings: Bindings.of(key.bindings), ...(unknownExpansion === undefined ? {} : { unknownExpansion }) },
    );
  }

  private evaluateVariable(name: string, config: BlockConfig): Cell {
    const body = config.body;
    const type = this.variableType(name, config);
    const sensitive = body['sensitive'] === true;
    const given = this.caller ? this.argument(name) : this.rootArgument(name, type, config);
    let cell: Cell | undefined = given;
    if (!cell || (cell.value === null && body['nullable'] === false)) {
      if (Object.hasOwn(body, 'default')) {
        cell = this.cellOf(body['default'], Bindings.of({}), `var.${name}`, config.file, false);
      } else if (!cell) {
        const reason = this.caller
          ? `${this.address} does not set its required input ${name}`
          : `var.${name} has no value; set it with --var ${name}=…, a .tfvars file or TF_VAR_${name}`;
        cell = { value: new Unknown(reason), sensitive: false, references: emptyReferences };
      }
    }
    let value = cell.value;
    try {
      value = convertToType(value, type);
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      this.services.report({
        level: 'warning',
        code: 'invalid-variable-value',
        // The error quotes the value: not for a sensitive variable.
        message: `${this.prefix}var.${name}: the value does not match the variable's type (${sensitive || cell.sensitive ? 'the value is sensitive and not shown' : error.message}); it is used as given.`,
        subject: this.services.relative(config.file),
      });
    }
    return { value, sensitive: sensitive || cell.sensitive, references: cell.references };
  }

  private variableType(name: string, config: BlockConfig): TypeConstraint {
    let type = this.types.get(name);
    if (!type) {
      type = anyType;
      const raw = config.body['type'];
      if (typeof raw === 'string') {
        try {
          type = readTypeConstraint(parseTemplate(raw), (expr) => this.evaluator.evaluate(expr, newTrace()));
        } catch (error) {
          if (!(error instanceof EvaluationError) && !(error instanceof ExpressionSyntaxError)) throw error;
          this.services.report({
            level: 'warning',
            code: 'invalid-variable-type',
            message: `${this.prefix}var.${name}: the type cannot be read (${error.message}); any value is accepted.`,
            subject: this.services.relative(config.file),
          });
        }
      }
      this.types.set(name, type);
    }
    return type;
  }

  /** A module argument, evaluated in the calling module with the call's `count`/`for_each` key. */
  private argument(name: string): Cell | undefined {
    const caller = this.caller as Caller;
    if (!Object.hasOwn(caller.call.body, name)) return undefined;
    return caller.instance.cellOf(caller.call.body[name], caller.bindings, `${this.address} input ${name}`, caller.call.file, false);
  }

  private rootArgument(name: string, type: TypeConstraint, config: BlockConfig): Cell | undefined {
    const given = this.services.rootValue(name);
    if (!given) return undefined;
    if (given.kind === 'value') return { value: given.value, sensitive: false, references: emptyReferences };
    if (parsesLiterally(type === anyType && config.body['type'] === undefined ? undefined : type)) {
      return { value: given.text, sensitive: false, references: emptyReferences };
    }
    try {
      return { value: this.evaluator.evaluate(parseExpression(given.text), newTrace()), sensitive: false, references: emptyReferences };
    } catch (error) {
      if (!(error instanceof EvaluationError) && !(error instanceof ExpressionSyntaxError)) throw error;
      this.services.report({
        level: 'error',
        code: 'invalid-variable-value',
        message: `var.${name} from ${given.origin}: the value is not a valid HCL expression for its type (${error.message}).`,
        subject: given.origin,
      });
      return { value: new Unknown(`var.${name} from ${given.origin} cannot be read`), sensitive: false, references: emptyReferences };
    }
  }

  /** Evaluates a raw value into a cell; an error becomes `Unknown` and a note naming the file. */
  cellOf(raw: unknown, bindings: Bindings, what: string, file: string, sensitive: boolean): Cell {
    const trace = newTrace();
    let value: Value;
    try {
      value = evaluateRaw(raw, this.evaluateLeaf, bindings, trace);
    } catch (error) {
      if (!(error instanceof EvaluationError) && !(error instanceof ExpressionSyntaxError)) throw error;
      const where = this.services.relative(file);
      this.services.report({
        level: 'note',
        code: 'expression-not-evaluated',
        message: `${where}: ${what} could not be evaluated (${error.message}); it is treated as unknown.`,
        subject: where,
      });
      value = new Unknown(error.message);
    }
    return { value, sensitive: sensitive || trace.sensitive, references: trace.hasReferences ? trace.references : emptyReferences };
  }

  private describe(): string {
    return this.address === '' ? 'the root module' : this.address;
  }
}

function absorb(trace: Trace, cell: Cell): void {
  if (cell.sensitive) trace.sensitive = true;
  for (const reference of cell.references) trace.references.add(reference);
}

/** Reading a sensitive attribute of another resource makes the reader sensitive too. */
function absorbInstance(trace: Trace, instance: ResourceInstance, steps: readonly Step[]): void {
  if (instance.sensitivePaths.length === 0) return;
  const read = steps.filter((s) => s.kind === 'attr' || typeof s.key !== 'object').map((s) => (s.kind === 'attr' ? s.name : String(s.key)));
  const dotted = pathToString(read);
  if (instance.sensitivePaths.some((p) => p === dotted || p.startsWith(`${dotted}.`) || dotted.startsWith(`${p}.`) || dotted === '')) trace.sensitive = true;
}

/** `line` of the longest recorded prefix of a dotted path, for messages. */
function attributeLine(attributes: Readonly<Record<string, { startLine: number }>>, dotted: string): number | undefined {
  const parts = parsePath(dotted);
  for (let length = parts.length; length > 0; length--) {
    const range = attributes[pathToString(parts.slice(0, length))];
    if (range) return range.startLine;
  }
  return undefined;
}
