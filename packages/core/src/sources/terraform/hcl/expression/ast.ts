import type { Value } from '../../../../model/value.js';

/** A node of an HCL native-syntax expression. */
export type Expr =
  | { readonly kind: 'literal'; readonly value: Value }
  | { readonly kind: 'template'; readonly parts: readonly TemplatePart[] }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'getattr'; readonly object: Expr; readonly name: string }
  | { readonly kind: 'index'; readonly object: Expr; readonly key: Expr }
  /** `source[*].a.b` or `source.*.a`: `each` is evaluated once per element with `splat-item` bound to it. */
  | { readonly kind: 'splat'; readonly source: Expr; readonly each: Expr }
  | { readonly kind: 'splat-item' }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
  | { readonly kind: 'object'; readonly items: readonly ObjectItem[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly expandFinal: boolean }
  | { readonly kind: 'unary'; readonly operator: '!' | '-'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'conditional'; readonly condition: Expr; readonly then: Expr; readonly else: Expr }
  | ForExpr;

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface ObjectItem {
  /** A bare identifier key is the literal string; any other key is an expression. */
  readonly key: Expr;
  readonly value: Expr;
}

export interface ForExpr {
  readonly kind: 'for';
  readonly keyVariable?: string;
  readonly valueVariable: string;
  readonly collection: Expr;
  /** Present for `{ for … : key => value }`. */
  readonly keyExpr?: Expr;
  readonly valueExpr: Expr;
  readonly condition?: Expr;
  /** `value...`: values of equal keys are grouped into lists. */
  readonly grouping: boolean;
}

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'interpolation'; readonly expr: Expr }
  | { readonly kind: 'if'; readonly condition: Expr; readonly then: readonly TemplatePart[]; readonly else: readonly TemplatePart[] }
  | {
      readonly kind: 'for';
      readonly keyVariable?: string;
      readonly valueVariable: string;
      readonly collection: Expr;
      readonly body: readonly TemplatePart[];
    };
