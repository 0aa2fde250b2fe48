/**
 * @file The `kv_layout` field of attention kernels: `contiguous` (the default) or `paged(page_size)` with a
 * power-of-two page size, and the implicit inputs a paged kernel (`block_table`) and a ragged one (`kv_lens`) add.
 */
import type { KvLayout, RuntimeInput } from '../model/kernel.js';
import { BLOCK_TABLE, KV_LENS } from '../model/paged.js';
import { isName, quietConst, singleValue, type AssignField, type FieldEnv } from './fields.js';

/** The checked layout: null when contiguous, 'error' after SPC131 / SPC132. */
export function kvLayoutField(field: AssignField | undefined, env: FieldEnv): KvLayout | null | 'error' {
  if (!field) return null;
  const v = singleValue(field, env);
  if (!v) return 'error';
  if (isName(v, 'contiguous')) return null;
  if (v.kind !== 'call' || v.callee !== 'paged' || v.args.length !== 1 || v.args[0]!.name !== null) {
    env.reporter.error('SPC131', v.span, [env.describe(v)]);
    return 'error';
  }
  const arg = v.args[0]!.value;
  const c = quietConst(arg);
  const ok = c !== null && c.isInt && c.value >= 1 && c.value <= 2 ** 30 && (c.value & (c.value - 1)) === 0;
  if (!ok) {
    env.reporter.error('SPC132', arg.span, [env.describe(arg)]);
    return 'error';
  }
  return { kind: 'paged', pageSize: c.value };
}

/** SPC133 when a paged kernel already has a runtime input named `block_table`. */
export function checkBlockTableName(inputs: readonly RuntimeInput[], field: AssignField, env: FieldEnv): void {
  if (inputs.some((i) => i.name === BLOCK_TABLE)) env.reporter.error('SPC133', field.values[0]!.span, [BLOCK_TABLE]);
}

/** SPC134 when a ragged kernel (`kv_len = ragged`) already has a runtime input named `kv_lens`. */
export function checkKvLensName(inputs: readonly RuntimeInput[], field: AssignField, env: FieldEnv): void {
  if (inputs.some((i) => i.name === KV_LENS)) env.reporter.error('SPC134', field.values[0]!.span, [KV_LENS]);
}
