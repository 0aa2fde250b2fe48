/**
 * @file Pass `stage-shared` (part of `legalize.<target>`, after `sync-block`): marks the tiles a SIMT target copies
 * into workgroup / shared memory before use. Today's rule, from the table's `stage_shared`: `operands` stages every
 * DOT operand read from a global buffer through view ops only (transpose, cast, reshape), K / V and Q alike; `none`
 * stages nothing. A staged LOAD gets the attribute `stage: shared`, and `pitch` (words per row) when some DOT reads it
 * down its columns (through a transpose) and its rows are padded against bank conflicts; the printer copies it once
 * before its first user where workgroup memory has room (what does not fit stays in global memory). Pure.
 */
import { Node, toposort } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import { substitute } from '../ir/rewrite.js';

/** Which tiles `stage-shared` stages. */
export type StageRule = 'operands' | 'none';

/** Every staging rule (the table key `stage_shared` takes one). */
export const STAGE_RULES: readonly StageRule[] = ['operands', 'none'];

/** The LOAD a DOT operand reads through view ops only, and whether a transpose is among them; null when none. */
export function operandLoad(operand: Node): { load: Node; transposed: boolean } | null {
  let n = operand;
  let transposed = false;
  while (n.op === Op.TRANS || n.op === Op.CAST || n.op === Op.RESHAPE) {
    transposed ||= n.op === Op.TRANS;
    n = n.src[0]!;
  }
  const tile = n.type.kind === 'tile' && n.type.shape.length > 0;
  return n.op === Op.LOAD && tile ? { load: n, transposed } : null;
}

/** Row pitch of a tile read down its columns: one word of padding after each even row of 8 or more, so column walks hit distinct banks. */
function paddedPitch(dims: readonly number[]): number | undefined {
  const last = dims[dims.length - 1]!;
  return dims.length >= 2 && last >= 8 && last % 2 === 0 ? last + 1 : undefined;
}

/** The row pitch `stage-shared` chose for staged LOAD `n` (words per row), or undefined for dense rows. */
export function stagedPitch(n: Node): number | undefined {
  const pitch = n.attrs['pitch'];
  return typeof pitch === 'number' ? pitch : undefined;
}

/** True when LOAD `n` is marked for staging in shared memory. */
export function isStaged(n: Node): boolean {
  return n.op === Op.LOAD && n.arg !== null && typeof n.arg === 'object' && !Array.isArray(n.arg) && n.attrs['stage'] === 'shared';
}

/** Marks the tiles `rule` stages (see the file comment). */
export function stageShared(kernel: Node, rule: StageRule): Node {
  if (rule === 'none') return kernel;
  const transposed = new Map<Node, boolean>();
  for (const n of toposort([kernel])) {
    if (n.op !== Op.DOT) continue;
    for (const operand of n.src.slice(0, 2)) {
      const s = operandLoad(operand);
      if (s) transposed.set(s.load, (transposed.get(s.load) ?? false) || s.transposed);
    }
  }
  const map = new Map<Node, Node>();
  for (const [load, down] of transposed) {
    const pitch = down && load.type.kind === 'tile' ? paddedPitch(load.type.shape) : undefined;
    map.set(load, Node.make(Op.LOAD, load.type, load.src, pitch === undefined ? { stage: 'shared' } : { stage: 'shared', pitch }));
  }
  return map.size > 0 ? substitute(kernel, map) : kernel;
}
