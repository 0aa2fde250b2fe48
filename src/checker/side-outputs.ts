/**
 * @file The `outputs = ...` field of attention kernels: `out`, `lse`, and the side outputs computed from the
 * softmax weights, `block_max(BQ, BK)` (SeerAttention's block-pooled map) and `segment_mass(seg, S)`
 * (BlockRank's attention mass per segment), checked into the model's outputs and side outputs.
 */
import type { Expr } from '../frontend/ast.js';
import type { RuntimeInput, SideOutput } from '../model/kernel.js';
import { isName, quietConst, type AssignField, type FieldEnv } from './fields.js';

/** The checked `outputs` field; side outputs still name their segment input unchecked (see `checkSegmentInputs`). */
export interface OutputsField {
  readonly outputs: ('out' | 'lse')[];
  readonly side: SideOutput[];
  /** Where each segment_mass input name was written, for `checkSegmentInputs`. */
  readonly segmentSpans: Map<string, Expr['span']>;
}

/** A positive compile-time int argument, or null after SPC129. */
function positiveInt(e: Expr, what: string, call: string, env: FieldEnv): number | null {
  const c = quietConst(e);
  if (c && c.isInt && c.value >= 1 && c.value <= 0x7fffffff) return c.value;
  env.reporter.error('SPC129', e.span, [what, call, env.describe(e)]);
  return null;
}

/** One side output call, or null after a diagnostic. */
function sideOutput(v: Extract<Expr, { kind: 'call' }>, env: FieldEnv, spans: Map<string, Expr['span']>): SideOutput | null {
  const arity = 2;
  if (v.args.length !== arity || v.args.some((a) => a.name !== null)) {
    env.reporter.error('SPC041', v.span, [v.callee, '2 arguments', v.args.length]);
    return null;
  }
  const [a, b] = [v.args[0]!.value, v.args[1]!.value];
  if (v.callee === 'block_max') {
    const bq = positiveInt(a, 'the query block size', v.callee, env);
    const bk = positiveInt(b, 'the key block size', v.callee, env);
    return bq !== null && bk !== null ? { kind: 'block_max', bq, bk } : null;
  }
  if (a.kind !== 'name') {
    env.reporter.error('SPC129', a.span, ['the segment input (a runtime input i32[batch, kv_len] or i32[kv_len])', v.callee, env.describe(a)]);
    return null;
  }
  const count = positiveInt(b, 'the number of segments', v.callee, env);
  if (count === null) return null;
  spans.set(a.name, a.span);
  return { kind: 'segment_mass', segments: a.name, count };
}

const SIDE_OUTPUTS = new Set(['block_max', 'segment_mass']);

/** `outputs = out`, `out, lse`, plus side outputs (any order, no repeats); default `out`. */
export function outputsField(field: AssignField | undefined, env: FieldEnv): OutputsField {
  const result: OutputsField = { outputs: [], side: [], segmentSpans: new Map() };
  if (!field) return { ...result, outputs: ['out'] };
  const seen = new Set<string>();
  for (const v of field.values) {
    const key = v.kind === 'call' ? v.callee : isName(v, 'out') ? 'out' : isName(v, 'lse') ? 'lse' : null;
    if (key === null || (v.kind === 'call' && !SIDE_OUTPUTS.has(key))) {
      env.reporter.error('SPC108', v.span, [env.describe(v)]);
      continue;
    }
    if (seen.has(key)) {
      env.reporter.error('SPC109', v.span, [key]);
      continue;
    }
    seen.add(key);
    if (v.kind !== 'call') result.outputs.push(key as 'out' | 'lse');
    else {
      const side = sideOutput(v, env, result.segmentSpans);
      if (side) result.side.push(side);
    }
  }
  return result;
}

/** SPC130 for each segment_mass input that is not a runtime input i32[batch, kv_len] or i32[kv_len] of the kernel. */
export function checkSegmentInputs(field: OutputsField, inputs: readonly RuntimeInput[], env: FieldEnv): void {
  for (const side of field.side) {
    if (side.kind !== 'segment_mass') continue;
    const input = inputs.find((i) => i.name === side.segments);
    const axes = input?.kind === 'tensor' && input.elem === 'i32' ? input.axes.map((a) => (a.kind === 'size' ? a.name : '?')).join(',') : null;
    if (axes === 'batch,kv_len' || axes === 'kv_len') continue;
    env.reporter.error('SPC130', field.segmentSpans.get(side.segments)!, [side.segments]);
  }
}
