import { Unknown, type Value } from '../../src/model/value.js';
import { Evaluator, newTrace, noConfigurationFiles, type NameResolver, type Trace } from '../../src/sources/terraform/hcl/expression/evaluate.js';
import { parseExpression, parseTemplate } from '../../src/sources/terraform/hcl/expression/parser.js';
import { applyStep } from '../../src/sources/terraform/hcl/expression/evaluate.js';
import { terraformFunctions } from '../../src/sources/terraform/hcl/functions/index.js';

/** Variables for expression tests: `var.<name>` reads `variables`, `local.<name>` reads `locals`. */
export const testVariables: Record<string, Value> = {
  name: 'app',
  count: 3,
  enabled: true,
  tags: { env: 'prod', team: 'sec' },
  list: ['a', 'b', 'c'],
  nested: [{ id: 'x', ports: [80, 443] }, { id: 'y', ports: [22] }],
  unset: new Unknown('var.unset has no value'),
  empty: '',
  nothing: null,
  secret: 's3cr3t-value',
};

const resolver: NameResolver = {
  resolve(root, steps, trace: Trace) {
    if (root === 'var' || root === 'local') {
      const first = steps[0];
      if (first?.kind !== 'attr') throw new Error(`${root} needs an attribute`);
      if (first.name === 'secret') trace.sensitive = true;
      const value = testVariables[first.name];
      if (value === undefined) return { value: new Unknown(`${root}.${first.name} is not declared`), consumed: 1 };
      return { value, consumed: 1 };
    }
    if (root === 'aws_s3_bucket') {
      const name = steps[0];
      if (name?.kind !== 'attr') throw new Error('resource needs a name');
      trace.references.add(`aws_s3_bucket.${name.name}`);
      return { value: { bucket: 'logs', id: new Unknown(`aws_s3_bucket.${name.name}.id is known only after apply`) }, consumed: 1 };
    }
    return { value: new Unknown(`${root} is not declared`), consumed: 0 };
  },
};

export const testEvaluator = new Evaluator({
  resolver,
  functions: terraformFunctions,
  baseDirectory: process.cwd(),
  files: noConfigurationFiles,
  parseTemplate,
});

/** Evaluates an HCL expression with the test variables. */
export function evaluateText(text: string, trace = newTrace()): Value {
  return testEvaluator.evaluate(parseExpression(text), trace);
}

export { applyStep };
