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
    document() {
      const moduleCalls = inModule.size > 0 ? { app: { source: './modules/app', expressions: {}, module: { resources: [...inModule.values()] } } } : {};
      return {
        format_version: '1.2',
        terraform_version: '1.9.5',
        planned_values: { root_module: {} },
        resource_changes: changes,
        configuration: { root_module: { resources: root, module_calls: moduleCalls } },
      };
    },
  };
}

/** A reference expression, as Terraform writes `aws_s3_bucket.b.id`: the attribute and the resource. */
export function reference(target, attribute = 'id') {
  return { references: [`${target}.${attribute}`, target] };
}
