/**
 * @file 16-byte staging copies: a staged f32 input tile whose last axis is contiguous and a multiple of 4
 * long is copied into its slot 4 words per lane per iteration, through the vec4 alias `ib4` of the input arena.
 */
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { loadAddress, ownerMapping, shape, slotAccess, type ElementWriter, type Touch } from '../simt/elements.js';
import { bufferRoot, type Layout, type SlotSpace } from '../simt/layout.js';
import type { BodyPrinter } from '../simt/statements.js';
import { headerIndex } from './wgsl-spelling.js';

/** Elements one vector load reads. */
export const VECTOR_WIDTH = 4;

/** Slot spaces a vector copy can fill (f32 words; f16 and i32 tiles stay scalar). */
const VECTOR_SPACE: Readonly<Record<SlotSpace, boolean>> = { f: true, wf: true, i: false, wi: false, wh: false };

/** Component names of a vec4, by lane. */
const COMPONENT = ['x', 'y', 'z', 'w'] as const;

/** True when staged LOAD `load` can be copied with vector loads: an f32 input, last axis stride 1 and a multiple of 4 long. */
export function vectorStageable(layout: Layout, load: Node): boolean {
  const dims = shape(load);
  const rank = dims.length;
  if (rank === 0 || dims[rank - 1]! % VECTOR_WIDTH !== 0) return false;
  const info = layout.buffers.get(bufferRoot(load.src[0]!));
  const slot = layout.slots.get(load);
  const stride = load.src[2 + rank - 1]!;
  return info?.kind === 'in' && info.scalar === 'f32' && slot !== undefined && VECTOR_SPACE[slot.space] && stride.op === Op.CONST && stride.arg === 1;
}

/**
 * The reader of elements i..i+3 of f32 input `buf` as a vec4<f32>: one 16-byte load through the `ib4`
 * alias when the first word is 4-aligned in the arena and all four are inside the region; otherwise
 * four bound-checked scalar reads (0 outside the region).
 */
function vectorReader(w: ElementWriter, buf: Node): (i: string) => string {
  const info = w.layout.buffers.get(bufferRoot(buf));
  if (!info || info.kind !== 'in' || info.scalar !== 'f32') throw new Error('webgpu: vector reads are of f32 inputs only');
  const scalar = w.reader(buf);
  const name = `rv${info.index}`;
  if (!w.helpers.has(name)) {
    const h = headerIndex(w.layout, info);
    const lanes = [0, 1, 2, 3].map((k) => scalar(k === 0 ? 'i' : `i + ${k}`));
    w.helpers.set(name, [
      `fn ${name}(i: i32) -> vec4<f32> {`,
      `  let at = hdr(${h}u) + i;`,
      `  if (i >= 0 && i + 4 <= hdr(${h + 1}u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }`,
      `  return vec4<f32>(${lanes.join(', ')});`,
      `}`,
    ].join('\n'));
  }
  return (i) => `${name}(${i})`;
}

/** Column `col` plus `k`, as WGSL. */
const plus = (col: string, k: number): string => (k === 0 ? col : col === '0' ? String(k) : `${col} + ${k}`);

/**
 * Prints the copy of staged LOAD `load` as a phase over its rows x (last axis / 4): each element reads 4
 * consecutive words with one vector read and writes them to 4 slot words; invalid rows and columns read as 0.
 */
export function printVectorStaging(p: BodyPrinter, load: Node): void {
  const dims = shape(load);
  const last = dims.length - 1;
  const groups = [...dims.slice(0, -1), dims[last]! / VECTOR_WIDTH];
  const slot = p.w.layout.slots.get(load)!;
  // NOTE: lanes write other words than an owner phase over `dims` would: a distinct mapping orders every later read.
  const write: Touch = { access: { ...slotAccess(slot, dims, false, true), mapping: `${ownerMapping(slot, dims)}:v${VECTOR_WIDTH}` } };
  p.phase(groups, [write], (ctx) => {
    const col = ctx.idx[last] === '0' ? '0' : `${ctx.idx[last]} * ${VECTOR_WIDTH}`;
    const at = [...ctx.idx.slice(0, -1), col];
    const { offset, bounds } = loadAddress(p.w, load, at);
    let value = vectorReader(p.w, load.src[0]!)(offset);
    const columnBound = bounds[last];
    if (columnBound !== null && columnBound !== undefined) {
      value = `select(vec4<f32>(0f), ${value}, vec4<i32>(${col}) + vec4<i32>(0, 1, 2, 3) < vec4<i32>(${columnBound}))`;
    }
    const rowConds = bounds.slice(0, -1).flatMap((b, d) => (b === null ? [] : [`${at[d]} < ${b}`]));
    if (rowConds.length > 0) value = `select(vec4<f32>(0f), ${value}, ${rowConds.join(' && ')})`;
    const x = p.fresh('x');
    const writes = COMPONENT.map((c, k) => p.writeElement(load, { dims, idx: [...at.slice(0, -1), plus(col, k)] }, `${x}.${c}`));
    return [`let ${x} = ${value};`, ...writes];
  });
}
