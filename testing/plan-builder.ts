/**
 * Builds `terraform show -json` documents for tests, following the plan format: `resource_changes` with
 * `after`/`after_unknown`/`after_sensitive`, and a `configuration` section with module calls and the reference
 * expressions that link resources. Only what a test states is written.
 */

export interface PlannedResource {
  /** Full address, e.g. `aws_s3_bucket.b`, `module.m.aws_s3_bucket.b[0]`, `module.m["x"].aws_x.y["k"]`. */
  readonly address: string;
  /** The known `after` values (unknown ones are listed in `unknown` instead). */
  readonly values?: Record<string, unknown>;
  /** Dotted paths known only after apply, e.g. `bucket` or `rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id`. */
  readonly unknown?: readonly string[];
  /**
   * Dotted paths the provider computes and the configuration does not set (no expression): known after apply in
   * the plan, absent in HCL.
   */
  readonly computed?: readonly string[];
  readonly sensitive?: readonly string[];
  /**
   * Configuration expressions by attribute: a list of references (module-relative, as Terraform writes them,
   * e.g. `['aws_s3_bucket.b.id', 'aws_s3_bucket.b']`) or `{ constant: value }`. Attributes listed in `values` get
   * a constant expression automatically unless given here.
   */
  readonly expressions?: Record<string, readonly string[] | { readonly constant: unknown }>;
  readonly actions?: readonly string[];
  readonly mode?: 'managed' | 'data';
}

export interface PlanOptions {
  readonly formatVersion?: string;
  readonly terraformVersion?: string;
  /** Module sources by module path (`module.a`, `module.a.module.b`); defaults to `./modules/<name>`. */
  readonly moduleSources?: Record<string, string>;
  /** Module call inputs by module path: input name → references in the parent module. */
  readonly moduleInputs?: Record<string, Record<string, readonly string[]>>;
  /** Module outputs by module path: output name → references inside the module. */
  readonly moduleOutputs?: Record<string, Record<string, readonly string[]>>;
  /** Leave out the `configuration` section, as some hand-trimmed plans do. */
  readonly withoutConfiguration?: boolean;
}

interface ParsedAddress {
  readonly moduleAddress: string;
  readonly modulePath: string[];
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  readonly mode: 'managed' | 'data';
}

export function parseAddress(address: string): ParsedAddress {
  const segments = /^((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]+\])?\.)*)(data\.)?([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[(.+)\])?$/.exec(address);
  if (!segments) throw new Error(`not a resource address: ${address}`);
  const moduleAddress = (segments[1] ?? '').replace(/\.$/, '');
  const modulePath = [...moduleAddress.matchAll(/module\.([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? '');
  const rawIndex = segments[5];
  const index = rawIndex === undefined ? undefined : /^\d+$/.test(rawIndex) ? Number(rawIndex) : (JSON.parse(rawIndex) as string);
  return {
    moduleAddress,
    modulePath,
    type: segments[3] ?? '',
    name: segments[4] ?? '',
    ...(index === undefined ? {} : { index }),
    mode: segments[2] ? 'data' : 'managed',
  };
}

export function buildPlan(resources: readonly PlannedResource[], options: PlanOptions = {}): Record<string, unknown> {
  const resourceChanges = resources.map((resource) => {
    const parsed = parseAddress(resource.address);
    const after = structuredClone(resource.values ?? {});
    const afterUnknown: Record<string, unknown> = {};
    for (const path of [...(resource.unknown ?? []), ...(resource.computed ?? [])]) setPath(afterUnknown, path, true);
    const afterSensitive: Record<string, unknown> = {};
    for (const path of resource.sensitive ?? []) setPath(afterSensitive, path, true);
    const actions = resource.actions ?? ['create'];
    const deleting = actions.length === 1 && actions[0] === 'delete';
    return {
      address: resource.address,
      ...(parsed.moduleAddress ? { module_address: parsed.moduleAddress } : {}),
      mode: resource.mode ?? parsed.mode,
      type: parsed.type,
      name: parsed.name,
      ...(parsed.index === undefined ? {} : { index: parsed.index }),
      provider_name: providerName(parsed.type),
      change: {
        actions,
        before: actions.includes('create') && !actions.includes('delete') ? null : after,
        after: deleting ? null : after,
        after_unknown: afterUnknown,
        before_sensitive: false,
        after_sensitive: afterSensitive,
      },
    };
  });

  const plan: Record<string, unknown> = {
    format_version: options.formatVersion ?? '1.2',
    terraform_version: options.terraformVersion ?? '1.9.5',
    planned_values: { root_module: {} },
    resource_changes: resourceChanges,
  };
  if (!options.withoutConfiguration) plan['configuration'] = { root_module: buildConfiguration(resources, options) };
  return plan;
}

function buildConfiguration(resources: readonly PlannedResource[], options: PlanOptions): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const moduleAt = (path: readonly string[]): Record<string, unknown> => {
    let current = root;
    path.forEach((name, depth) => {
      const calls = (current['module_calls'] ??= {}) as Record<string, Record<string, unknown>>;
      const modulePath = path.slice(0, depth + 1).map((n) => `module.${n}`).join('.');
      const call = (calls[name] ??= {
        source: options.moduleSources?.[modulePath] ?? `./modules/${name}`,
        expressions: Object.fromEntries(Object.entries(options.moduleInputs?.[modulePath] ?? {}).map(([k, refs]) => [k, { references: refs }])),
        module: {},
      });
      current = call['module'] as Record<string, unknown>;
      const outputs = options.moduleOutputs?.[modulePath];
      if (outputs) current['outputs'] = Object.fromEntries(Object.entries(outputs).map(([k, refs]) => [k, { expression: { references: refs } }]));
    });
    return current;
  };
  const seen = new Set<string>();
  for (const resource of resources) {
    const parsed = parseAddress(resource.address);
    const module = moduleAt(parsed.modulePath);
    const configAddress = `${parsed.mode === 'data' ? 'data.' : ''}${parsed.type}.${parsed.name}`;
    const key = `${parsed.modulePath.join('.')}|${configAddress}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const expressions: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(resource.values ?? {})) expressions[name] = constantExpression(value);
    // A configured attribute whose value is unknown comes from an expression (a reference, a function call).
    for (const path of resource.unknown ?? []) ensureExpression(expressions, path.split('.'));
    for (const [name, expression] of Object.entries(resource.expressions ?? {})) {
      expressions[name] = Array.isArray(expression) ? { references: expression } : { constant_value: (expression as { constant: unknown }).constant };
    }
    const list = (module['resources'] ??= []) as unknown[];
    list.push({
      address: configAddress,
      mode: parsed.mode,
      type: parsed.type,
      name: parsed.name,
      provider_config_key: providerName(parsed.type).split('/').at(-1),
      expressions,
      schema_version: 0,
    });
  }
  return root;
}

/** Makes sure an expression exists at a dotted path, through nested block expression lists. */
function ensureExpression(expressions: Record<string, unknown>, parts: readonly string[]): void {
  const [key, index, ...rest] = parts;
  if (key === undefined) return;
  if (index === undefined || !/^\d+$/.test(index) || rest.length === 0) {
    expressions[key] ??= { references: [] };
    return;
  }
  const existing = expressions[key];
  const blocks = Array.isArray(existing) ? (existing as Record<string, unknown>[]) : [];
  while (blocks.length <= Number(index)) blocks.push({});
  expressions[key] = blocks;
  ensureExpression(blocks[Number(index)] as Record<string, unknown>, rest);
}

/** Nested blocks (lists of objects) become lists of expression objects, as Terraform writes them. */
function constantExpression(value: unknown): unknown {
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
    return value.map((block) => Object.fromEntries(Object.entries(block as Record<string, unknown>).map(([k, v]) => [k, constantExpression(v)])));
  }
  return { constant_value: value };
}

function providerName(type: string): string {
  const provider = type.startsWith('azurerm_') ? 'azurerm' : (type.split('_')[0] ?? type);
  return `registry.terraform.io/hashicorp/${provider}`;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let current: Record<string, unknown> | unknown[] = target;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const nextIsIndex = /^\d+$/.test(parts[i + 1] ?? '');
    const key: string | number = /^\d+$/.test(part) ? Number(part) : part;
    const container = current as Record<string | number, unknown>;
    if (last) container[key] = value;
    else {
      container[key] ??= nextIsIndex ? [] : {};
      current = container[key] as Record<string, unknown>;
    }
  });
  // Arrays in after_unknown hold false for known elements.
  fillHoles(target);
}

function fillHoles(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (value[i] === undefined) value[i] = false;
    value.forEach(fillHoles);
  } else if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(fillHoles);
  }
}
