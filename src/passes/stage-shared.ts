/**
 * @file Pass `stage-shared` (part of `legalize.<target>`, after `sync-block`): marks the tiles a SIMT target copies
 * into workgroup / shared memory before use. Today's rule, from the table's `stage_shared`: `operands` stages every
 * DOT operand read from a global buffer through view ops only (transpose, cast, reshape), K / V and Q alike; `none`
 * stages nothing. A staged LOAD gets the attribute `stage: shared`; the printer copies it once before its first user
 * where workgroup memory has room (what does not fit stays in global memory). Pure.
 */
import { Node, toposort } from '../ir/node.js';
import { Op } from '../ir/ops.js';
import { substitute } from '../ir/rewrite.js';

/** Which tiles `stage-shared` stages. */
export type StageRule = 'operands' | 'none';

/** Every staging rule (the table key `stage_shared` takes one). */
export const STAGE_RULES: readonly StageRule[] = ['operands', 'none'];

/** The LOAD a DOT operand reads through view ops only, or null. */
function operandLoad(operand: Node): Node | null {
  let n = operand;
  while (n.op === Op.TRANS || n.op === Op.CAST || n.op === Op.RESHAPE) n = n.src[0]!;
  const tile = n.type.kind === 'tile' && n.type.shape.length > 0;
  return n.op === Op.LOAD && tile ? n : null;
}

/** True when LOAD `n` is marked for staging in shared memory. */
export function isStaged(n: Node): boolean {
  return n.op === Op.LOAD && n.arg !== null && typeof n.arg === 'object' && !Array.isArray(n.arg) && n.attrs['stage'] === 'shared';
}

/** Marks the tiles `rule` stages (see the file comment). */
export function stageShared(kernel: Node, rule: StageRule): Node {
  if (rule === 'none') return kernel;
  const map = new Map<Node, Node>();
  for (const n of toposort([kernel])) {
    if (n.op !== Op.DOT) continue;
    for (const operand of n.src.slice(0, 2)) {
      const load = operandLoad(operand);
      if (load && !map.has(load)) map.set(load, Node.make(Op.LOAD, load.type, load.src, { stage: 'shared' }));
    }
  }
  return map.size > 0 ? substitute(kernel, map) : kernel;
}
