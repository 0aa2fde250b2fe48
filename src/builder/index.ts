/**
 * @file The public TypeScript builder API (what `import ... from 'sparsec'` gives a spec file).
 * Kept free of ts-morph: the `.ts` spec loader lives apart, in `load-ts.ts`.
 */
export { BuilderError } from './errors.js';
export {
  E, lit, floatLit, name, callBuiltin, not, and, or, cond,
  min, max, abs, popcount, qb, kb, tanh, exp, log, sqrt, sin, cos, exp2, log2,
  b, h, q, k, qi, kvh, causal, score, q_len, kv_len, batch, heads, kv_heads, head_dim, qLen, kvLen, kvHeads, headDim,
  type Operand, type NamedPattern,
} from './expr.js';
export {
  int, float, bool, intTable, floatTable, boolTable, i32, f32, boolTensor, list, blocks,
  type ParamType, type ParamKind, type RuntimeType, type AxisSpec,
} from './types.js';
export { pattern, type PatternRef, type ParamSpecs, type ParamValues, type PatternArgs, type ArgValue, type PatternBody } from './pattern.js';
export { kernel, nm, bsr, threshold, type KernelRef, type AttentionFields, type GemmFields, type SizeSpec, type DTypeName, type ScheduleSpec } from './kernel.js';
export { toModule, collectDefinitions, type DeclLocation, type DeclLocator, type ToModuleOptions } from './module.js';
