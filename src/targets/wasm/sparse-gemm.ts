/**
 * @file Outer-product micro-kernels for f32 csr, bsr and nm gemm on wasm: X is transposed once per block of up to 16
 * rows into scratch, then each stored weight (csr nonzero, bsr R x C block, nm slot) adds value x X-column to accumulators
 * held in v128 locals, so the work is proportional to the nonzeros. Kernels with bias, epilogue, input threshold,
 * 16-bit storage, dynamic k or large blocks keep the general tile-IR lowering (which kernels, and their shape:
 * passes/gemm-micro.ts).
 */
import type { WasmParam } from '../../runtime/wasm/abi.js';
import type { MicroFormatName, MicroPlan } from '../../passes/gemm-micro.js';
import type { OuterWalk } from '../../passes/lower-gemm-outer.js';
import type { LayoutOf } from '../../runtime/formats/index.js';

/** The printed function of a sparse gemm micro-kernel, with its call parameters and scratch. */
export interface SparseGemmFunction {
  readonly wat: string;
  readonly parallel: boolean;
  readonly params: readonly WasmParam[];
  readonly scratchBytes: number;
}

/** The first weight row of this thread and the stride between its rows: its share of a `block` walk, or all of a serial one. */
interface RowWalk {
  readonly first: string;
  readonly step: string;
}

const fma = (relaxed: boolean, a: string, b: string, c: string): string =>
  relaxed ? `(f32x4.relaxed_madd ${a} ${b} ${c})` : `(f32x4.add ${c} (f32x4.mul ${a} ${b}))`;

/** Xt [kPad, MB] in scratch: rows of X block mb transposed, zero beyond m and k. */
function transposeX(MB: number, kPad: number): string {
  return `
    (memory.fill (local.get $sb) (i32.const 0) (i32.const ${kPad * MB * 4}))
    (local.set $r (i32.const 0))
    (block $tx_end (loop $tx_r
      (br_if $tx_end (i32.ge_s (local.get $r) (local.get $rows)))
      (local.set $src (i32.add (local.get $x) (i32.shl (i32.mul (i32.add (local.get $row0) (local.get $r)) (local.get $k)) (i32.const 2))))
      (local.set $dst (i32.add (local.get $sb) (i32.shl (local.get $r) (i32.const 2))))
      (local.set $kk (i32.const 0))
      (block $tk_end (loop $tx_k
        (br_if $tk_end (i32.ge_s (local.get $kk) (local.get $k)))
        (f32.store (local.get $dst) (f32.load (local.get $src)))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (local.set $dst (i32.add (local.get $dst) (i32.const ${MB * 4})))
        (local.set $kk (i32.add (local.get $kk) (i32.const 1)))
        (br $tx_k)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $tx_r)))`;
}

/** Stores accumulator row `accs` (MB lanes over v128 locals) into Y column `col` for the valid rows. */
function storeColumn(accs: readonly string[], col: string): string {
  const lines: string[] = [];
  accs.forEach((a, q) => {
    for (let lane = 0; lane < 4; lane++) {
      const r = 4 * q + lane;
      lines.push(`(if (i32.lt_s (i32.const ${r}) (local.get $rows)) (then (f32.store (i32.add (local.get $y) (i32.shl (i32.add (i32.mul (i32.add (local.get $row0) (i32.const ${r})) (local.get $n)) ${col}) (i32.const 2))) (f32x4.extract_lane ${lane} (local.get ${a})))))`);
    }
  });
  return lines.join('\n        ');
}

/** The per-weight-row loop of csr: one accumulator row, one X column per nonzero. */
function csrBody(MB: number, relaxed: boolean, rows: RowWalk): { locals: string[]; body: string } {
  const accs = Array.from({ length: MB / 4 }, (_, q) => `$acc${q}`);
  const adds = accs.map((a, q) => `(local.set ${a} ${fma(relaxed, '(local.get $v)', `(v128.load offset=${16 * q} (local.get $col))`, `(local.get ${a})`)})`).join('\n          ');
  const body = `
      (local.set $j ${rows.first})
      (block $j_end (loop $j_top
        (br_if $j_end (i32.ge_s (local.get $j) (local.get $n)))
        ${accs.map((a) => `(local.set ${a} (v128.const i32x4 0 0 0 0))`).join(' ')}
        (local.set $p (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $pe (i32.load offset=4 (i32.add (local.get $ptr) (i32.shl (local.get $j) (i32.const 2)))))
        (block $p_end (loop $p_top
          (br_if $p_end (i32.ge_s (local.get $p) (local.get $pe)))
          (local.set $col (i32.add (local.get $sb) (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $p) (i32.const 2)))) (i32.const ${MB * 4}))))
          (local.set $v (v128.load32_splat (i32.add (local.get $val) (i32.shl (local.get $p) (i32.const 2)))))
          ${adds}
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $p_top)))
        ${storeColumn(accs, '(local.get $j)')}
        (local.set $j (i32.add (local.get $j) ${rows.step}))
        (br $j_top)))`;
  return { locals: accs.map((a) => `(local ${a} v128)`), body };
}

/** The per-block-row loop of bsr(R, C): R accumulator rows, C X columns per stored block. */
function bsrBody(MB: number, R: number, C: number, relaxed: boolean, rows: RowWalk): { locals: string[]; body: string } {
  const Q = MB / 4;
  const accs = Array.from({ length: R }, (_, rr) => Array.from({ length: Q }, (_, q) => `$acc${rr}_${q}`));
  const xs = Array.from({ length: Q }, (_, q) => `$xq${q}`);
  const perColumn: string[] = [];
  for (let cc = 0; cc < C; cc++) {
    xs.forEach((xq, q) => perColumn.push(`(local.set ${xq} (v128.load offset=${cc * MB * 4 + 16 * q} (local.get $col)))`));
    for (let rr = 0; rr < R; rr++) {
      perColumn.push(`(local.set $v (v128.load32_splat offset=${4 * (rr * C + cc)} (local.get $vp)))`);
      accs[rr]!.forEach((a, q) => perColumn.push(`(local.set ${a} ${fma(relaxed, '(local.get $v)', `(local.get ${xs[q]})`, `(local.get ${a})`)})`));
    }
  }
  const stores = accs.map((row, rr) => `(if (i32.lt_s (i32.add (local.get $j) (i32.const ${rr})) (local.get $n)) (then
        ${storeColumn(row, `(i32.add (local.get $j) (i32.const ${rr}))`)}))`).join('\n        ');
  const body = `
      (local.set $br ${rows.first})
      (block $j_end (loop $j_top
        (local.set $j (i32.mul (local.get $br) (i32.const ${R})))
        (br_if $j_end (i32.ge_s (local.get $j) (local.get $n)))
        ${accs.flat().map((a) => `(local.set ${a} (v128.const i32x4 0 0 0 0))`).join(' ')}
        (local.set $p (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $br) (i32.const 2)))))
        (local.set $pe (i32.load offset=4 (i32.add (local.get $ptr) (i32.shl (local.get $br) (i32.const 2)))))
        (block $p_end (loop $p_top
          (br_if $p_end (i32.ge_s (local.get $p) (local.get $pe)))
          (local.set $col (i32.add (local.get $sb) (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $p) (i32.const 2)))) (i32.const ${C * MB * 4}))))
          (local.set $vp (i32.add (local.get $val) (i32.mul (local.get $p) (i32.const ${4 * R * C}))))
          ${perColumn.join('\n          ')}
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $p_top)))
        ${stores}
        (local.set $br (i32.add (local.get $br) ${rows.step}))
        (br $j_top)))`;
  return { locals: [...accs.flat(), ...xs].map((a) => `(local ${a} v128)`), body };
}

/** The per-weight-row loop of nm(keep, group): `keep` X columns per group, at the packed in-group positions. */
function nmBody(MB: number, keep: number, group: number, groups: number, relaxed: boolean, rows: RowWalk): { locals: string[]; body: string } {
  const accs = Array.from({ length: MB / 4 }, (_, q) => `$acc${q}`);
  const slots: string[] = [];
  for (let t = 0; t < keep; t++) {
    slots.push(`(local.set $col (i32.add (local.get $vp) (i32.mul (i32.load8_u offset=${t} (local.get $p)) (i32.const ${MB * 4}))))`);
    slots.push(`(local.set $v (v128.load32_splat offset=${4 * t} (local.get $pe)))`);
    accs.forEach((a, q) => slots.push(`(local.set ${a} ${fma(relaxed, '(local.get $v)', `(v128.load offset=${16 * q} (local.get $col))`, `(local.get ${a})`)})`));
  }
  const body = `
      (local.set $j ${rows.first})
      (block $j_end (loop $j_top
        (br_if $j_end (i32.ge_s (local.get $j) (local.get $n)))
        ${accs.map((a) => `(local.set ${a} (v128.const i32x4 0 0 0 0))`).join(' ')}
        (local.set $p (i32.add (local.get $idx) (i32.mul (local.get $j) (i32.const ${groups * keep}))))
        (local.set $pe (i32.add (local.get $val) (i32.mul (local.get $j) (i32.const ${4 * groups * keep}))))
        (local.set $vp (local.get $sb))
        (local.set $br (i32.const 0))
        (block $g_end (loop $g_top
          ${slots.join('\n          ')}
          (local.set $p (i32.add (local.get $p) (i32.const ${keep})))
          (local.set $pe (i32.add (local.get $pe) (i32.const ${4 * keep})))
          (local.set $vp (i32.add (local.get $vp) (i32.const ${group * MB * 4})))
          (local.set $br (i32.add (local.get $br) (i32.const 1)))
          (br_if $g_top (i32.lt_s (local.get $br) (i32.const ${groups})))))
        ${storeColumn(accs, '(local.get $j)')}
        (local.set $j (i32.add (local.get $j) ${rows.step}))
        (br $j_top)))`;
  return { locals: accs.map((a) => `(local ${a} v128)`), body };
}

/** The per-weight-row loop of each format: its locals and body. */
type MicroBody<F extends MicroFormatName> = (w: LayoutOf<F>, plan: MicroPlan, relaxed: boolean, rows: RowWalk) => { locals: string[]; body: string };

/** Micro-kernel bodies by format. */
const BODIES = {
  csr: (_w, plan, relaxed, rows) => csrBody(plan.rowBlock, relaxed, rows),
  bsr: (w, plan, relaxed, rows) => bsrBody(plan.rowBlock, w.r, w.c, relaxed, rows),
  nm: (w, plan, relaxed, rows) => nmBody(plan.rowBlock, w.keep, w.group, plan.kPad / w.group, relaxed, rows),
} as const satisfies { readonly [F in MicroFormatName]: MicroBody<F> };

/** Prints the micro-kernel `run(sb, tid, nth, m, n, k, x, y, <weight buffers>)` of the outer walk `plan` (final IR: lower-gemm-outer.ts). */
export function printSparseGemm(plan: OuterWalk, relaxed: boolean): SparseGemmFunction {
  const MB = plan.rowBlock;
  const rows: RowWalk = plan.parallel ? { first: '(local.get $tid)', step: '(local.get $nth)' } : { first: '(i32.const 0)', step: '(i32.const 1)' };
  const inner = (BODIES[plan.format] as MicroBody<MicroFormatName>)(plan.layout, plan, relaxed, rows);
  const weightCount = plan.params.length - 5;
  const scalarLocals = ['$row0', '$rows', '$r', '$kk', '$src', '$dst', '$j', '$br', '$p', '$pe', '$col', '$vp'].map((l) => `(local ${l} i32)`);
  const wat = `(func $run (export "run") (param $sb i32) (param $tid i32) (param $nth i32) (param $m i32) (param $n i32) (param $k i32) (param $x i32) (param $y i32) ${weightCount === 3 ? '(param $ptr i32) ' : ''}(param $idx i32) (param $val i32)
  ${[...scalarLocals, '(local $v v128)', ...inner.locals].join(' ')}
  (local.set $row0 (i32.const 0))
  (block $m_end (loop $m_top
    (br_if $m_end (i32.ge_s (local.get $row0) (local.get $m)))
    (local.set $rows (select (i32.sub (local.get $m) (local.get $row0)) (i32.const ${MB}) (i32.lt_s (i32.sub (local.get $m) (local.get $row0)) (i32.const ${MB}))))
    ${transposeX(MB, plan.kPad)}
    ${inner.body}
    (local.set $row0 (i32.add (local.get $row0) (i32.const ${MB})))
    (br $m_top))))`;
  return { wat, parallel: plan.parallel, params: plan.params.map((p): WasmParam => ({ name: p.name, kind: p.kind, scalar: p.scalar })), scratchBytes: plan.scratchBytes };
}
