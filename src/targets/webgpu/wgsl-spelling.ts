/**
 * @file The WGSL spelling of the SIMT strategy (src/targets/simt): declarations, loops, selects, slot words
 * and barriers, and the element helpers WGSL spells as module functions (input reads through the header,
 * gathers, ragged-list membership, compile-time tables as module-scope `const` arrays, subgroup shuffles).
 */
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { kind, type ElementWriter, type Index } from '../simt/elements.js';
import { bufferRoot, type BufferInfo, type Layout } from '../simt/layout.js';
import { VALUE_KIND, type SimtSpelling, type VKind } from '../simt/spelling.js';
import { printVectorStaging, vectorStageable } from './vector-staging.js';
import { COMPARE, ELEMENTWISE, INT_SPACE, READ_INPUT, REDUCTION, SLOT_BARRIER, SLOT_READ, SLOT_WORD, SLOT_WRITE, WGSL_TYPE, WRITE_OUTPUT, convert, literal } from './wgsl-table.js';

/** Header word of a buffer's (offset, length) pair. */
export function headerIndex(layout: Layout, info: BufferInfo): number {
  const base = 1 + layout.scalars.length;
  return info.kind === 'in' ? base + 2 * info.index : base + 2 * layout.inputs.length + 2 * info.index;
}

/** The reader of input `info`: a helper `rd<i>(i)` reading through the header's (offset, length) pair, 0 outside. */
function inputReader(w: ElementWriter, info: BufferInfo): (i: string) => string {
  const name = `rd${info.index}`;
  if (!w.helpers.has(name)) {
    const h = headerIndex(w.layout, info);
    const t = WGSL_TYPE[VALUE_KIND[info.scalar]];
    const zero = literal(0, VALUE_KIND[info.scalar]);
    const body = `  if (i < 0 || i >= hdr(${h + 1}u)) { return ${zero}; }\n  let off = hdr(${h}u);\n  return ${READ_INPUT[info.scalar]('off', 'i')};`;
    w.helpers.set(name, `fn ${name}(i: i32) -> ${t} {\n${body}\n}`);
  }
  return (i) => `${name}(${i})`;
}

function nmExpand(w: ElementWriter, n: Node, idx: Index): string {
  const keep = Number(n.attrs['keep']);
  const group = Number(n.attrs['group']);
  const [r, col] = idx as [string, string];
  const parts: string[] = [];
  for (let t = 0; t < keep; t++) {
    const c = `((${col}) / ${group} * ${keep} + ${t})`;
    parts.push(`select(0f, ${w.el(n.src[0]!, [r, c])}, ${w.el(n.src[1]!, [r, c])} == (${col}) % ${group})`);
  }
  return `(${parts.join(' + ')})`;
}

function gatherElement(w: ElementWriter, n: Node, idx: Index): string {
  const i = w.operand(n, 1, idx, 'int');
  const len = w.el(n.src[2]!, []);
  const read = w.reader(n.src[0]!);
  const info = w.layout.buffers.get(bufferRoot(n.src[0]!))!;
  const name = `gather${info.kind}${info.index}`;
  const t = VALUE_KIND[info.scalar];
  // NOTE: a scratch buffer is read inline: its reader names main's per-task base, which a helper function cannot see.
  if (info.kind === 'scratch') return `select(${literal(0, kind(n))}, ${read(i)}, ${i} >= 0 && ${i} < ${len})`;
  if (!w.helpers.has(name)) {
    w.helpers.set(name, `fn ${name}(i: i32, len: i32) -> ${WGSL_TYPE[t]} {\n  if (i < 0 || i >= len) { return ${literal(0, t)}; }\n  return ${read('i')};\n}`);
  }
  return convert(`${name}(${i}, ${len})`, t, kind(n));
}

function memberElement(w: ElementWriter, n: Node, idx: Index): string {
  const offsets = w.layout.buffers.get(bufferRoot(n.src[0]!))!;
  const values = w.layout.buffers.get(bufferRoot(n.src[1]!))!;
  const name = `member${offsets.index}_${values.index}`;
  if (!w.helpers.has(name)) {
    const ro = w.reader(n.src[0]!);
    const rv = w.reader(n.src[1]!);
    w.helpers.set(name, [
      `fn ${name}(l: i32, x: i32, lists: i32) -> bool {`,
      `  if (l < 0 || l >= lists) { return false; }`,
      `  var lo = ${ro('l')};`,
      `  var hi = ${ro('l + 1')};`,
      `  loop {`,
      `    if (lo >= hi) { break; }`,
      `    let mid = (lo + hi) / 2;`,
      `    let v = ${rv('mid')};`,
      `    if (v == x) { return true; }`,
      `    if (v < x) { lo = mid + 1; } else { hi = mid; }`,
      `  }`,
      `  return false;`,
      `}`,
    ].join('\n'));
  }
  return `${name}(${w.operand(n, 2, idx, 'int')}, ${w.operand(n, 3, idx, 'int')}, ${w.el(n.src[4]!, [])})`;
}

function tableElement(w: ElementWriter, n: Node, idx: Index): string {
  const values = n.arg as readonly number[];
  const k = kind(n);
  const t = WGSL_TYPE[k];
  let name = w.tableNames.get(n);
  if (name === undefined) {
    name = `table${w.tableNames.size}`;
    w.tableNames.set(n, name);
  }
  if (!w.helpers.has(name)) {
    const items = values.map((v) => literal(v, k)).join(', ');
    // NOTE: a module-scope `const`, not `var<private>`: a private variable's value is non-uniform to WGSL's
    // uniformity analysis, so a loop bounded by a table element (a per-head window) could not hold a barrier.
    w.helpers.set(name, `const ${name}_v: array<${t}, ${values.length}> = array<${t}, ${values.length}>(${items});\nfn ${name}(i: i32) -> ${t} {\n  if (i < 0 || i >= ${values.length}) { return ${literal(0, k)}; }\n  return ${name}_v[i];\n}`);
  }
  return `${name}(${w.operand(n, 0, idx, 'int')})`;
}

/** `select(f, t, c)`: WGSL's argument order. */
const select = (c: string, a: string, b: string): string => `select(${b}, ${a}, ${c})`;

/** The WGSL spelling table. */
export const WGSL_SPELLING: SimtSpelling = {
  target: 'webgpu',
  type: WGSL_TYPE,
  reserved: new Set(['i32', 'u32', 'f32', 'f16', 'i8', 'u8', 'i16', 'u16', 'i64', 'u64', 'f64']),
  literal,
  convert,
  elementwise: ELEMENTWISE,
  compare: COMPARE,
  reduction: REDUCTION,
  serialReduction: (op: Op, t: VKind, s: string, value: string) => op === Op.REDUCE_MAX
    ? { init: t === 'float' ? 'neg_inf()' : 'i32(-2147483647 - 1)', step: `max(${s}, ${value})` }
    : { init: literal(0, t), step: `${s} + ${value}` },
  bind: (name, value, t, annotate = false) => (annotate && t !== 'auto' ? `let ${name}: ${WGSL_TYPE[t]} = ${value};` : `let ${name} = ${value};`),
  variable: (name, t, init) => (init === undefined ? `var ${name}: ${WGSL_TYPE[t]};` : `var ${name}: ${WGSL_TYPE[t]} = ${init};`),
  loop: (v, init, limit, step = { op: '+', by: '1' }) => `for (var ${v}: i32 = ${init}; ${v} < ${limit}; ${v} = ${v} ${step.op} ${step.by}) {`,
  select,
  boolWord: (v) => `select(0, 1, ${v})`,
  slotWord: SLOT_WORD,
  slotRead: SLOT_READ,
  slotWrite: SLOT_WRITE,
  slotBarrier: SLOT_BARRIER,
  intSpace: INT_SPACE,
  inputReader,
  scratchRead: (word, i, size, t) => `select(${literal(0, t)}, ${t === 'bool' ? `(${word} != 0)` : word}, ${i} >= 0 && ${i} < ${size})`,
  clamp: (i, hi) => `clamp(${i}, 0, ${hi})`,
  guardLoad: (conds, value, t) => select(conds, value, literal(0, t)),
  convertLoads: false,
  writeOutput: (info, addr, v) => `if (${addr} >= 0 && ${addr} < ol${info.index}) { ${WRITE_OUTPUT[info.scalar](`oo${info.index}`, addr, v)} }`,
  handlers: {
    [Op.WHERE]: (w, n, idx) => `select(${w.operand(n, 2, idx, kind(n))}, ${w.operand(n, 1, idx, kind(n))}, ${w.operand(n, 0, idx, 'bool')})`,
    [Op.GATHER]: gatherElement,
    [Op.MEMBER]: memberElement,
    [Op.TABLE]: tableElement,
    [Op.NM_EXPAND]: nmExpand,
  },
  shuffleGroup: (p, most) => {
    const g = p.fresh('sg');
    return { pre: [`let ${g} = min(i32(sg_size), ${most});`], lanes: g, rowStep: `${p.workgroupSize} / ${g}` };
  },
  shuffleXor: (s, off) => `subgroupShuffleXor(${s}, u32(${off}))`,
  stage: (p, load) => {
    if (!vectorStageable(p.w.layout, load)) return false;
    printVectorStaging(p, load);
    return true;
  },
};
