/**
 * @file `pattern(name, params, body)`: declares a pattern and returns a callable `PatternRef`.
 * Calling the ref with named arguments composes it (`streaming({ window: 256 })`); using it uncalled names it.
 */
import type { Arg, Expr } from '../frontend/ast.js';
import { BuilderError, checkIdentifier, describe } from './errors.js';
import { DECL_BRAND, EXPR_BRAND, PLACEHOLDER_SPAN, mergeRefs, type ParamDefinition, type PatternDefinition } from './defs.js';
import { E, name, numberExpr, toE, type NamedPattern, type Operand } from './expr.js';
import { isParamType, type ParamType } from './types.js';

const span = PLACEHOLDER_SPAN;

/** The parameters of a pattern, by name, in declaration order: `{ sinks: int(4), window: int(1024) }`. */
export type ParamSpecs = Readonly<Record<string, ParamType>>;

/** Inside a pattern body, each parameter is a name expression (`.at(...)` indexes tables and runtime inputs). */
export type ParamValues<P extends ParamSpecs> = { readonly [K in keyof P]: E };

/** An argument of a pattern call: an expression, or a literal array for a table parameter. */
export type ArgValue = Operand | readonly number[] | readonly boolean[];

/** Named arguments of a pattern call; omitted ones take their defaults. */
export type PatternArgs<P extends ParamSpecs> = { readonly [K in keyof P]?: ArgValue };

/**
 * A declared pattern: call it with named arguments to compose it, or use it uncalled to name it. It is
 * also an `E` naming the pattern, so `docBoundary.not()` and `streaming.and(...)` work.
 */
export interface PatternRef<P extends ParamSpecs = ParamSpecs> extends E, NamedPattern {
  (args?: PatternArgs<P>): E;
  readonly patternName: string;
  readonly [DECL_BRAND]: PatternDefinition;
}

/** A pattern body: an expression, or a function of the parameters giving one. */
export type PatternBody<P extends ParamSpecs> = Operand | ((params: ParamValues<P>) => Operand);

/**
 * Declares `pattern NAME(params) = body`. With no parameters (`pattern('full', causal)` or an empty
 * params object) the pattern is declared without parentheses, like `pattern full = causal`.
 */
export function pattern<P extends ParamSpecs>(patternName: string, params: P, body: PatternBody<P>): PatternRef<P>;
export function pattern(patternName: string, body: PatternBody<Record<string, never>>): PatternRef<Record<string, never>>;
export function pattern(patternName: string, paramsOrBody: unknown, maybeBody?: unknown): PatternRef {
  checkIdentifier(patternName, 'a pattern name');
  const hasParams = maybeBody !== undefined;
  const specs = (hasParams ? paramsOrBody : {}) as ParamSpecs;
  const body = (hasParams ? maybeBody : paramsOrBody) as PatternBody<ParamSpecs>;
  if (typeof specs !== 'object' || specs === null || Array.isArray(specs)) {
    throw new BuilderError(`pattern '${patternName}': parameters must be an object like { window: int(1024) }, got ${describe(specs)}`);
  }
  const params = Object.entries(specs).map(([key, t]) => paramDefinition(patternName, key, t));
  const values = Object.fromEntries(params.map((p) => [p.key, name(p.key)])) as ParamValues<ParamSpecs>;
  const bodyE = toE(typeof body === 'function' && !isPatternLike(body) ? (body as (p: ParamValues<ParamSpecs>) => Operand)(values) : (body as Operand));
  const def: PatternDefinition = {
    kind: 'pattern',
    name: patternName,
    params: params.length ? params : null,
    body: bodyE.expr,
    refs: refsOfE(bodyE),
  };
  return makeRef(def);
}

function refsOfE(e: E): readonly PatternDefinition[] {
  return e[EXPR_BRAND].refs;
}

function isPatternLike(f: unknown): boolean {
  return typeof f === 'function' && DECL_BRAND in (f as object);
}

function paramDefinition(patternName: string, key: string, t: unknown): ParamDefinition {
  checkIdentifier(key, `a parameter name of pattern '${patternName}'`);
  if (!isParamType(t)) {
    throw new BuilderError(`pattern '${patternName}': parameter '${key}' needs a type such as int(), i32('kv_len') or list('batch', 'heads'), got ${describe(t)}`);
  }
  return { key, param: { name: key, nameSpan: span, type: t.type, default: t.default, span } };
}

function argExpr(value: ArgValue): E {
  if (Array.isArray(value)) {
    const items: Expr[] = value.map((v: number | boolean) => (typeof v === 'boolean' ? { kind: 'bool', value: v, span } : numberExpr(v)));
    return new E({ kind: 'array', items, span });
  }
  return toE(value as Operand);
}

function callPattern(def: PatternDefinition, args: unknown): E {
  if (args === undefined) args = {};
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new BuilderError(`pattern '${def.name}' takes named arguments like { window: 256 }, got ${describe(args)}`);
  }
  const known = (def.params ?? []).map((p) => p.key);
  const astArgs: Arg[] = [];
  let refs: readonly PatternDefinition[] = [def];
  for (const [key, value] of Object.entries(args as Record<string, ArgValue | undefined>)) {
    if (value === undefined) continue;
    if (!known.includes(key)) {
      const list = known.length ? known.join(', ') : 'none';
      throw new BuilderError(`pattern '${def.name}' has no parameter '${key}' (parameters: ${list})`);
    }
    const e = argExpr(value);
    astArgs.push({ name: key, nameSpan: span, value: e.expr });
    refs = mergeRefs(refs, refsOfE(e));
  }
  return new E({ kind: 'call', callee: def.name, calleeSpan: span, args: astArgs, span }, refs);
}

function makeRef(def: PatternDefinition): PatternRef {
  const ref = (args?: unknown): E => callPattern(def, args);
  Object.defineProperty(ref, 'name', { value: def.name });
  Object.defineProperty(ref, 'patternName', { value: def.name, enumerable: true });
  Object.defineProperty(ref, DECL_BRAND, { value: def });
  // The ref is also an E (the pattern's name): a callable object with E's methods.
  Object.setPrototypeOf(ref, E.prototype);
  Object.defineProperty(ref, EXPR_BRAND, { value: { expr: { kind: 'name', name: def.name, span }, refs: [def] } });
  return ref as unknown as PatternRef;
}
