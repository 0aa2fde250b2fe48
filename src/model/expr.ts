/**
 * @file Core expressions: what a checked pattern or score modifier becomes. Compile-time
 * parameters are substituted, pattern calls inlined, `qi`/`kvh`/`causal`/`qb`/`kb` expanded,
 * and every node carries its type. The reference, the analysis and the lowering read only this.
 */

/** Value types of core expressions. */
export type CType = 'int' | 'float' | 'bool';

/** The free variables of a mask or score expression. `score` appears only in score modifiers. */
export type CVarName = 'b' | 'h' | 'q' | 'k' | 'score';

/** Kernel sizes that stay symbolic because the kernel declares them `dynamic`. */
export type SizeName = 'batch' | 'heads' | 'kv_heads' | 'q_len' | 'kv_len' | 'head_dim' | 'value_dim';

export type CUnaryFn =
  | 'neg'      // arithmetic negation (int or float)
  | 'not'      // boolean negation
  | 'abs'      // absolute value (int or float)
  | 'popcount' // number of set bits of a non-negative int (of the two's complement 32-bit word if negative)
  | 'tanh' | 'exp' | 'log' | 'sqrt' | 'sin' | 'cos' | 'exp2' | 'log2' // float functions
  | 'tofloat'; // int -> float conversion, inserted by the checker where an int meets a float

export type CBinaryFn =
  | 'add' | 'sub' | 'mul'
  | 'div'      // ints: floor division (rounds toward -inf); floats: true division
  | 'mod'      // ints: floored remainder (sign of the divisor); floats: a - b*floor(a/b)
  | 'min' | 'max'
  | 'band' | 'bor' | 'bxor' | 'shl' | 'shr' // bitwise on 32-bit ints; shr is arithmetic
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' // comparisons, result bool
  | 'and' | 'or';                           // boolean, short-circuit

/** A checked expression. Every node has `type`. Nodes are plain data (JSON-serialisable). */
export type CExpr =
  | { readonly op: 'const'; readonly type: CType; readonly value: number | boolean }
  | { readonly op: 'var'; readonly type: CType; readonly name: CVarName }
  | { readonly op: 'size'; readonly type: 'int'; readonly name: SizeName }
  | { readonly op: 'unary'; readonly type: CType; readonly fn: CUnaryFn; readonly arg: CExpr }
  | { readonly op: 'binary'; readonly type: CType; readonly fn: CBinaryFn; readonly a: CExpr; readonly b: CExpr }
  | { readonly op: 'select'; readonly type: CType; readonly cond: CExpr; readonly then: CExpr; readonly else: CExpr }
  /** A compile-time table (`spans[h]`); an index outside the table is a checker error when provable, else 0/false. */
  | { readonly op: 'table'; readonly type: CType; readonly values: readonly (number | boolean)[]; readonly index: CExpr }
  /** An element of a runtime tensor or block layout input; `indices` has one entry per axis. */
  | { readonly op: 'load'; readonly type: CType; readonly input: string; readonly indices: readonly CExpr[] }
  /** `value in input[indices]`: membership in a runtime ragged list. */
  | { readonly op: 'member'; readonly type: 'bool'; readonly input: string; readonly indices: readonly CExpr[]; readonly value: CExpr };

export type COp = CExpr['op'];
