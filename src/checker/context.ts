/**
 * @file The elaboration context: what is in scope at one point of an expression (patterns of the
 * module, parameter bindings, kernel sizes, guard-narrowed variable ranges) and the per-kernel
 * registry of runtime inputs.
 */
import type { PatternDecl, Span } from '../frontend/ast.js';
import type { RuntimeInput } from '../model/kernel.js';
import type { ParamInfo } from './declared.js';
import type { StaticSizes, VarRanges } from './bounds.js';
import type { Reporter } from './report.js';
import { formatRuntimeType, runtimeInput, sameRuntimeType, typeOfInput, type Binding, type RuntimeType } from './types.js';

/** The patterns visible from one module: its own and those of the files it imports, transitively. */
export interface ModuleScope {
  readonly file: string;
  readonly patterns: ReadonlyMap<string, PatternDecl>;
}

/** Program-wide facts the elaborator needs. */
export interface ProgramFacts {
  readonly reporter: Reporter;
  /** The scope in which each pattern's body and defaults are resolved. */
  readonly scopeOf: ReadonlyMap<PatternDecl, ModuleScope>;
  /** Patterns that are part of a call cycle (already reported); references to them fail quietly. */
  readonly recursive: ReadonlySet<PatternDecl>;
  /** Resolved parameter lists, computed once per pattern (duplicates dropped). */
  readonly params: Map<PatternDecl, readonly ParamInfo[]>;
  /** Patterns whose expansion exceeded MAX_INLINED_CALLS (reported once, at the first of them). */
  readonly overflowed: Set<PatternDecl>;
}

/** The runtime inputs of one kernel, in the order they were first declared. */
export class InputRegistry {
  private readonly byName = new Map<string, RuntimeInput>();

  /**
   * Declares input `name` of type `type`; the same name and type again is the same input.
   * Returns false (after reporting SPC068 at `span`) when the name is taken with another type.
   */
  declare(name: string, type: RuntimeType, span: Span, reporter: Reporter): boolean {
    const existing = this.byName.get(name);
    if (!existing) {
      this.byName.set(name, runtimeInput(name, type));
      return true;
    }
    const existingType = typeOfInput(existing);
    if (sameRuntimeType(existingType, type)) return true;
    reporter.errorInContext('SPC068', span, [name, formatRuntimeType(existingType), formatRuntimeType(type)]);
    return false;
  }

  /** All inputs in declaration order. */
  get inputs(): readonly RuntimeInput[] {
    return [...this.byName.values()];
  }
}

/** Everything that decides how an expression elaborates at one point. */
export interface Ctx {
  readonly facts: ProgramFacts;
  readonly scope: ModuleScope;
  readonly locals: ReadonlyMap<string, Binding>;
  /** Static kernel sizes; null means dynamic (a `size` node) or unknown (checking a pattern alone). */
  readonly sizes: StaticSizes;
  /** Ranges of b, h, q, k here, narrowed by enclosing guards. */
  readonly ranges: VarRanges;
  /** `score` may be used (inside `score = ...`). */
  readonly allowScore: boolean;
  /** The float functions (tanh, exp, log, sqrt, sin, cos, exp2, log2) and `inf` may be used (score and scale). */
  readonly allowFloatFns: boolean;
  readonly inputs: InputRegistry;
  /** Patterns being inlined, innermost last (a guard against runaway recursion). */
  readonly stack: readonly PatternDecl[];
  /** Pattern calls inlined so far in this check, shared by all contexts derived from one root. */
  readonly expansion: { count: number };
}

/** Most pattern calls one kernel (or one pattern checked alone) may inline. */
export const MAX_INLINED_CALLS = 2_000;

/** Static sizes that are all unknown (checking a pattern on its own). */
export const SYMBOLIC_SIZES: StaticSizes = {
  batch: null, heads: null, kv_heads: null, q_len: null, kv_len: null, head_dim: null, value_dim: null,
};
