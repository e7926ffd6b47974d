/** The parts of `terraform show -json` output the plan source reads (format versions 0.1 to 1.x). */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface PlanDocument {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly planned_values?: { readonly root_module?: PlanModuleValues };
  readonly resource_changes?: readonly ResourceChange[];
  readonly configuration?: { readonly root_module?: ConfigModule };
}

export interface PlanModuleValues {
  readonly address?: string;
  readonly resources?: readonly PlanResourceValues[];
  readonly child_modules?: readonly PlanModuleValues[];
}

export interface PlanResourceValues {
  readonly address: string;
  readonly mode?: string;
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  readonly values?: { [key: string]: JsonValue } | null;
  readonly sensitive_values?: JsonValue | false;
}

export interface ResourceChange {
  readonly address: string;
  readonly module_address?: string;
  readonly mode?: string;
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  readonly deposed?: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: JsonValue;
    readonly after?: JsonValue;
    readonly after_unknown?: JsonValue;
    readonly after_sensitive?: JsonValue;
  };
}

export interface ConfigModule {
  readonly resources?: readonly ConfigResource[];
  readonly module_calls?: { readonly [name: string]: ModuleCall };
  readonly outputs?: { readonly [name: string]: { readonly expression?: Expression } };
  readonly variables?: { readonly [name: string]: unknown };
}

export interface ConfigResource {
  readonly address: string;
  readonly mode?: string;
  readonly type: string;
  readonly name: string;
  readonly expressions?: { readonly [attribute: string]: Expression | readonly { [key: string]: unknown }[] };
  readonly count_expression?: Expression;
  readonly for_each_expression?: Expression;
}

export interface ModuleCall {
  readonly source?: string;
  readonly expressions?: { readonly [input: string]: Expression };
  readonly count_expression?: Expression;
  readonly for_each_expression?: Expression;
  readonly module?: ConfigModule;
}

export interface Expression {
  readonly constant_value?: JsonValue;
  readonly references?: readonly string[];
}
