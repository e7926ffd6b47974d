// Builds the plan documents the benchmarks scan: `resource_changes` for every instance, and a `configuration` that
// lists each resource block once, with constant expressions for the known values and the references given.

/** A plan being built: `add()` instances, then `document()`. Instances in `module.app[N]` share one module call. */
export function planBuilder(provider) {
  const changes = [];
  const root = [];
  const inModule = new Map();
  return {
    add(module, type, name, after, unknown, expressions = {}) {
      changes.push({
        address: `${module ? `${module}.` : ''}${type}.${name}`,
        ...(module ? { module_address: module } : {}),
        mode: 'managed',
        type,
        name,
        provider_name: `registry.terraform.io/hashicorp/${provider}`,
        change: { actions: ['create'], before: null, after, after_unknown: unknown, before_sensitive: false, after_sensitive: {} },
      });
      const constants = Object.fromEntries(Object.entries(after).map(([key, value]) => [key, { constant_value: value }]));
      const config = { address: `${type}.${name}`, mode: 'managed', type, name, provider_config_key: provider, expressions: { ...constants, ...expressions }, schema_version: 0 };
      // A module's configuration lists each resource block once, whatever its instances.
      if (!module) root.push(config);
      else if (!inModule.has(config.address)) inModule.set(config.address, config);
    },
    /**
     * The plan. With `plannedValues`, `planned_values` lists every instance as `terraform show -json` does (other
     * scanners, such as Trivy, read the plan from there); without, it is left empty, as trustscan reads
     * `resource_changes`. `limit` keeps the first instances only.
     */
    document({ plannedValues = false, limit = changes.length } = {}) {
      const kept = changes.slice(0, limit);
      const moduleCalls = inModule.size > 0 ? { app: { source: './modules/app', expressions: {}, module: { resources: [...inModule.values()] } } } : {};
      return {
        format_version: '1.2',
        terraform_version: '1.9.5',
        planned_values: { root_module: plannedValues ? plannedModules(kept) : {} },
        resource_changes: kept,
        configuration: { root_module: { resources: root, module_calls: moduleCalls } },
      };
    },
  };
}

/** `planned_values.root_module`: the root's instances, and one child module per module instance with its own. */
function plannedModules(changes) {
  const value = (change) => ({
    address: change.address,
    mode: change.mode,
    type: change.type,
    name: change.name,
    provider_name: change.provider_name,
    schema_version: 0,
    values: change.change.after,
    sensitive_values: {},
  });
  const children = new Map();
  for (const change of changes) {
    if (!change.module_address) continue;
    if (!children.has(change.module_address)) children.set(change.module_address, []);
    children.get(change.module_address).push(value(change));
  }
  return {
    resources: changes.filter((change) => !change.module_address).map(value),
    child_modules: [...children].map(([address, resources]) => ({ address, resources })),
  };
}

/** A reference expression, as Terraform writes `aws_s3_bucket.b.id`: the attribute and the resource. */
export function reference(target, attribute = 'id') {
  return { references: [`${target}.${attribute}`, target] };
}
