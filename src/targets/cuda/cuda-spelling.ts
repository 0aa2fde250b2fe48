/**
 * @file The CUDA C spelling of the SIMT strategy (src/targets/simt): declarations and loops of the C spelling
 * layer, ternary selects, __syncthreads, warp shuffles, bounds-checked reads of device pointers, and the element
 * helpers CUDA spells inline (gathers, ragged-list membership, compile-time `__device__ const` tables).
 */
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { declare } from '../c/spelling.js';
import { kind, type ElementWriter, type Index } from '../simt/elements.js';
import { bufferRoot, type BufferInfo } from '../simt/layout.js';
import type { SimtSpelling, VKind } from '../simt/spelling.js';
import { COMPARE, ELEMENTWISE, INT_SPACE, READ_INPUT, REDUCTION, SLOT_BARRIER, SLOT_READ, SLOT_WORD, SLOT_WRITE, WRITE_OUTPUT, convert, literal } from './cuda-table.js';

/** Lanes of a warp. */
export const WARP = 32;

/** C identifier of a kernel parameter (`plan.rowptr` -> `plan_rowptr`). */
export function cName(param: string): string {
  return param.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Pointer and length argument names of a global buffer. */
export function bufferArgs(info: BufferInfo): { ptr: string; len: string } {
  const base = cName(String(info.node.arg));
  return { ptr: `g_${base}`, len: `n_${base}` };
}

/** C type names of the value kinds. */
const CTYPE: Readonly<Record<VKind | 'auto', string>> = { float: 'float', int: 'int', bool: 'bool', auto: 'auto' };

function nmExpand(w: ElementWriter, n: Node, idx: Index): string {
  const keep = Number(n.attrs['keep']);
  const group = Number(n.attrs['group']);
  const [r, col] = idx as [string, string];
  const parts: string[] = [];
  for (let s = 0; s < keep; s++) {
    const c = `((${col}) / ${group} * ${keep} + ${s})`;
    parts.push(`((${w.el(n.src[1]!, [r, c])} == (${col}) % ${group}) ? ${w.el(n.src[0]!, [r, c])} : 0.0f)`);
  }
  return `(${parts.join(' + ')})`;
}

function gatherElement(w: ElementWriter, n: Node, idx: Index): string {
  const i = w.operand(n, 1, idx, 'int');
  const len = w.el(n.src[2]!, []);
  const read = w.reader(n.src[0]!);
  const value = convert(read(i), w.bufferKind(n.src[0]!), kind(n));
  return `((${i}) >= 0 && (${i}) < ${len} ? ${value} : ${literal(0, kind(n))})`;
}

function memberElement(w: ElementWriter, n: Node, idx: Index): string {
  const offsets = bufferArgs(w.layout.buffers.get(bufferRoot(n.src[0]!))!);
  const values = bufferArgs(w.layout.buffers.get(bufferRoot(n.src[1]!))!);
  const args = [offsets.ptr, offsets.len, values.ptr, values.len, w.operand(n, 2, idx, 'int'), w.operand(n, 3, idx, 'int'), w.el(n.src[4]!, [])];
  return `sp_member(${args.join(', ')})`;
}

function tableElement(w: ElementWriter, n: Node, idx: Index): string {
  const values = n.arg as readonly number[];
  const tt = kind(n);
  // NOTE: numbered per kernel in first-use order, not by node id (ids depend on what else the process built).
  let name = w.tableNames.get(n);
  if (name === undefined) {
    name = `sp_table${w.tableNames.size}`;
    w.tableNames.set(n, name);
    const items = values.map((v) => literal(v, tt)).join(', ');
    w.helpers.set(name, `__device__ const ${tt} ${name}[${Math.max(1, values.length)}] = {${items || literal(0, tt)}};`);
  }
  const i = w.operand(n, 0, idx, 'int');
  return `((${i}) >= 0 && (${i}) < ${values.length} ? ${name}[${i}] : ${literal(0, tt)})`;
}

/** The CUDA C spelling table. */
export const CUDA_SPELLING: SimtSpelling = {
  target: 'cuda',
  type: CTYPE,
  reserved: new Set(['do', 'if', 'for', 'int']),
  literal,
  convert,
  elementwise: ELEMENTWISE,
  compare: COMPARE,
  reduction: REDUCTION,
  serialReduction: (op, t, s, value) => {
    const red = REDUCTION[op]!;
    if (t === 'bool') return { init: 'false', step: op === Op.REDUCE_SUM ? `(${s} || ${value})` : red.step(s, value) };
    return { init: red.init[t], step: red.step(s, value) };
  },
  bind: (name, value, t) => `const ${CTYPE[t]} ${name} = ${value};`,
  variable: (name, t, init) => declare(CTYPE[t], name, init),
  loop: (v, init, limit, step = { op: '+', by: '1' }) =>
    `for (int ${v} = ${init}; ${v} < ${limit}; ${step.op === '+' && step.by === '1' ? `${v}++` : `${v} ${step.op}= ${step.by}`}) {`,
  select: (c, a, b) => `(${c} ? ${a} : ${b})`,
  boolWord: (v) => `((${v}) ? 1 : 0)`,
  slotWord: SLOT_WORD,
  slotRead: SLOT_READ,
  slotWrite: SLOT_WRITE,
  slotBarrier: SLOT_BARRIER,
  intSpace: INT_SPACE,
  inputReader: (_w, info) => {
    const { ptr, len } = bufferArgs(info);
    return (i) => READ_INPUT[info.scalar](ptr, len, i);
  },
  scratchRead: (word, i, size, t) => `((${i}) >= 0 && (${i}) < ${size} ? ${t === 'bool' ? `(${word} != 0)` : word} : ${literal(0, t)})`,
  clamp: (i, hi) => `sp_clamp(${i}, 0, ${hi})`,
  guardLoad: (conds, value, t) => `((${conds}) ? ${value} : ${literal(0, t)})`,
  convertLoads: true,
  writeOutput: (info, addr, v) => {
    const { ptr, len } = bufferArgs(info);
    return `if (${addr} >= 0 && ${addr} < ${len}) { ${WRITE_OUTPUT[info.scalar](ptr, addr, v)} }`;
  },
  handlers: {
    [Op.WHERE]: (w, n, idx) => `(${w.operand(n, 0, idx, 'bool')} ? ${w.operand(n, 1, idx, kind(n))} : ${w.operand(n, 2, idx, kind(n))})`,
    [Op.GATHER]: gatherElement,
    [Op.MEMBER]: memberElement,
    [Op.TABLE]: tableElement,
    [Op.NM_EXPAND]: nmExpand,
  },
  shuffleGroup: (p, most) => {
    const g = Math.min(WARP, most);
    return p.workgroupSize % WARP !== 0 ? null : { pre: [], lanes: `${g}`, rowStep: `${p.workgroupSize / g}` };
  },
  shuffleXor: (s, off) => `__shfl_xor_sync(0xffffffffu, ${s}, ${off})`,
};
