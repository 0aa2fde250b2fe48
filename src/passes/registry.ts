/**
 * @file Passes by name with option parsing, so a single pass can be run on IR text
 * (`// RUN: split-kv chunks=2` in golden tests).
 */
import type { Node } from '../ir/node.js';
import { bindLoops } from './bind.js';
import { packGqa } from './pack-gqa.js';
import { pagedKv } from './paged-kv.js';
import * as B from '../ir/build.js';
import { LOOP_BINDINGS, type LoopBinding } from './target-table.js';
import { simplify } from './simplify.js';
import { splitKv } from './split-kv.js';
import { syncBlockLoops } from './sync-block.js';
import { STAGE_RULES, stageShared, type StageRule } from './stage-shared.js';
import { NATIVE_HALF, widenTiles, type NativeHalf } from './widen-tiles.js';

/** An IR-to-IR pass with its options as `key=value` pairs. */
export type PassFn = (ir: Node, options: Readonly<Record<string, string>>) => Node;

const int = (o: Readonly<Record<string, string>>, key: string): number => {
  const v = Number(o[key]);
  if (!Number.isInteger(v)) throw new Error(`pass option '${key}' must be an integer`);
  return v;
};

/** Every IR-to-IR pass by name. */
export const PASSES: Readonly<Record<string, PassFn>> = {
  simplify: (ir) => simplify(ir),
  'pack-gqa': (ir, o) => packGqa(ir, { group: int(o, 'group') }),
  'split-kv': (ir, o) => splitKv(ir, { chunks: int(o, 'chunks') }),
  'sync-block': (ir) => syncBlockLoops(ir),
  // options: rule=operands|none
  'stage-shared': (ir, o) => {
    const rule = o['rule'] ?? 'operands';
    if (!(STAGE_RULES as readonly string[]).includes(rule)) throw new Error(`pass option 'rule' must be one of ${STAGE_RULES.join(', ')}`);
    return stageShared(ir, rule as StageRule);
  },
  // options: native=none|f16|f16+bf16 (the 16-bit tiles kept; default none)
  'widen-tiles': (ir, o) => {
    const native = o['native'] ?? 'none';
    if (!(NATIVE_HALF as readonly string[]).includes(native)) throw new Error(`pass option 'native' must be one of ${NATIVE_HALF.join(', ')}`);
    return widenTiles(ir, native as NativeHalf);
  },
  // options: page=P plus batch / kv_heads / kv_len, each an integer or `dynamic` (an i32 param of that name)
  'paged-kv': (ir, o) => {
    const size = (key: string): Node => (o[key] === 'dynamic' ? B.param(key, B.I32) : B.constant(int(o, key)));
    return pagedKv(ir, { pageSize: int(o, 'page'), batch: size('batch'), kvHeads: size('kv_heads'), kvLen: size('kv_len') });
  },
  // options: role=binding pairs, e.g. `qt=grid.x h=grid.y kv=serial`
  bind: (ir, o) => bindLoops(ir, Object.fromEntries(Object.entries(o).map(([role, b]) => {
    if (!(LOOP_BINDINGS as readonly string[]).includes(b)) throw new Error(`pass option '${role}' must be one of ${LOOP_BINDINGS.join(', ')}`);
    return [role, b as LoopBinding];
  }))),
};

/** Runs pass `name` with options text like `chunks=2 foo=bar`. */
export function runPass(name: string, ir: Node, optionsText = ''): Node {
  const pass = PASSES[name];
  if (!pass) throw new Error(`unknown pass '${name}' (known: ${Object.keys(PASSES).join(', ')})`);
  const options = Object.fromEntries(optionsText.split(/\s+/).filter(Boolean).map((kv) => kv.split('=') as [string, string]));
  return pass(ir, options);
}
