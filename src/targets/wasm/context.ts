/**
 * @file The state shared by the wasm printers while one kernel function is printed: WAT lines,
 * locals, where every IR value lives (scalar locals, scratch tile slots, buffer addresses), and
 * small WAT text helpers (constants, counted loops, tile addressing).
 */
import { isFloat, numel, type Scalar, type TileType } from '../../ir/dtype.js';
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { SHARED_BASE } from '../../runtime/wasm/abi.js';

/** A WAT value type. */
export type ValType = 'i32' | 'i64' | 'f32' | 'v128';

/** Element kind of a value in registers / scratch: float or integer (bools are 0/1 integers). */
export type Kind = 'f' | 'i';

/** Kind of a tile's scalar. */
export function kindOf(s: Scalar): Kind {
  return isFloat(s) ? 'f' : 'i';
}

/** Tile type of a value node. */
export function tileType(n: Node): TileType {
  if (n.type.kind !== 'tile') throw new Error(`wasm: expected a tile value, got ${n.type.key} (${n.op})`);
  return n.type;
}

/** True for rank-0 values (kept in locals, not in scratch). */
export function isScalar(n: Node): boolean {
  return n.type.kind === 'tile' && n.type.shape.length === 0;
}

/** WAT text of a constant of kind `k`. */
export function constText(k: Kind, v: number): string {
  if (k === 'i') return `(i32.const ${v | 0})`;
  if (Number.isNaN(v)) return '(f32.const nan)';
  if (v === Infinity) return '(f32.const inf)';
  if (v === -Infinity) return '(f32.const -inf)';
  return `(f32.const ${Object.is(v, -0) ? '-0' : String(Math.fround(v))})`;
}

/** Bytes of one element of a global buffer of `s` (f16 / bf16 are stored as 16-bit words). */
export function elemBytes(s: Scalar): number {
  return s === 'f16' || s === 'bf16' ? 2 : s === 'u8' || s === 'bool' ? 1 : 4;
}

/** The printing state of one kernel function. */
export class FnContext {
  private readonly out: string[] = [];
  private readonly localDecls: string[] = [];
  private indent = 2;
  private counter = 0;
  private scratchTop: number;
  private sharedTop = 0;
  private readonly scalars = new Map<Node, string>();
  private readonly slots = new Map<Node, number>();
  private readonly buffers = new Map<Node, string>();
  private readonly views = new Map<Node, string>();
  /** Tile LOADs read in place from their buffer when the whole tile is valid (see `inPlaceLoads` in memory-ops.ts). */
  inPlace: ReadonlySet<Node> = new Set<Node>();
  /** In-place LOADs whose tile is touched line by line before it is read (see `touchedLoads` in memory-ops.ts). */
  touch: ReadonlySet<Node> = new Set<Node>();
  private sink: number | undefined;
  /** Nodes the printers leave out (transposes read in place by their products). */
  readonly skip = new Set<Node>();
  /** Element-wise nodes printed inside their only user's loop (see `fusedElementwise`), never into a tile of their own. */
  fused: ReadonlySet<Node> = new Set<Node>();
  /** Lines run once at function entry (table constants), before the body. */
  readonly entry: string[] = [];

  constructor(
    /** Use relaxed-SIMD fused multiply-add. */
    readonly relaxed: boolean,
    /** Bytes reserved at the start of scratch (none so far). */
    scratchStart = 0,
  ) {
    this.scratchTop = scratchStart;
  }

  /** Appends one WAT line at the current nesting. */
  emit(line: string): void {
    this.out.push(' '.repeat(this.indent) + line);
  }

  /** Opens a `(block`/`(loop`/`(if` line and nests what follows until `close`. */
  open(line: string): void {
    this.emit(line);
    this.indent += 2;
  }

  /** Closes `count` open forms. */
  close(count = 1): void {
    this.indent -= 2 * count;
    this.emit(')'.repeat(count));
  }

  /** A fresh local of `type`. */
  local(type: ValType, hint = 't'): string {
    const name = `$${hint}${this.counter++}`;
    this.localDecls.push(`(local ${name} ${type})`);
    return name;
  }

  /** A fresh label. */
  label(hint: string): string {
    return `$${hint}${this.counter++}`;
  }

  /** Reserves `bytes` of per-thread scratch (16-byte aligned); returns the offset. */
  reserve(bytes: number): number {
    const at = this.scratchTop;
    this.scratchTop += Math.ceil(Math.max(bytes, 4) / 16) * 16;
    return at;
  }

  /** Reserves `bytes` of workspace shared by every thread (16-byte aligned); returns its absolute address. */
  reserveShared(bytes: number): number {
    const at = SHARED_BASE + this.sharedTop;
    this.sharedTop += Math.ceil(Math.max(bytes, 4) / 16) * 16;
    return at;
  }

  /** Shared workspace bytes used so far. */
  get sharedBytes(): number {
    return this.sharedTop;
  }

  /** Per-thread scratch bytes used so far. */
  get scratchBytes(): number {
    return this.scratchTop;
  }

  /** Binds a scalar node to an expression source (a local or param name). */
  bindScalar(n: Node, local: string): void {
    this.scalars.set(n, local);
  }

  /** The local holding scalar node `n`, creating it. */
  scalarLocal(n: Node): string {
    let l = this.scalars.get(n);
    if (!l) {
      l = this.local(kindOf(tileType(n).scalar) === 'f' ? 'f32' : 'i32', 'v');
      this.scalars.set(n, l);
    }
    return l;
  }

  /** WAT expression of scalar node `n` (constants inline). */
  val(n: Node): string {
    if (n.op === Op.CONST) return constText(kindOf(tileType(n).scalar), n.arg as number);
    const l = this.scalars.get(n);
    if (!l) throw new Error(`wasm: scalar ${n.op} used before it is computed`);
    return `(local.get ${l})`;
  }

  /** The scratch word the touch loops store their sums to. */
  touchSink(): number {
    this.sink ??= this.reserve(4);
    return this.sink;
  }

  /** The scratch slot (byte offset) of tile node `n`, reserving it on first use. */
  slot(n: Node): number {
    let s = this.slots.get(n);
    if (s === undefined) {
      s = this.reserve(numel(tileType(n).shape) * 4);
      this.slots.set(n, s);
    }
    return s;
  }

  /** The i32 local holding the byte address of in-place load `n`'s element 0 (its buffer, or its slot when copied). */
  viewLocal(n: Node): string {
    let l = this.views.get(n);
    if (!l) {
      l = this.local('i32', 'view');
      this.views.set(n, l);
    }
    return l;
  }

  /** Where tile `n`'s element 0 lives: `base` (an address expression) plus the constant `offset` (for `offset=`). */
  tileBase(n: Node): { base: string; offset: number } {
    const view = this.inPlace.has(n) ? this.viewLocal(n) : null;
    return view ? { base: `(local.get ${view})`, offset: 0 } : { base: '(local.get $sb)', offset: this.slot(n) };
  }

  /** Makes tile node `n` share the slot of `other` (reshape, after, loop results). */
  aliasSlot(n: Node, other: Node): void {
    this.slots.set(n, this.slot(other));
  }

  /** Binds a buffer node to the local / param holding its byte address. */
  bindBuffer(n: Node, local: string): void {
    this.buffers.set(n, local);
  }

  /** Makes buffer node `n` use the address of buffer `other`. */
  aliasBuffer(n: Node, other: Node): void {
    const l = this.buffers.get(other);
    if (!l) throw new Error(`wasm: buffer ${other.op} ${String(other.arg)} is not bound`);
    this.buffers.set(n, l);
  }

  /** WAT expression of buffer node `n`'s byte address. */
  buf(n: Node): string {
    const l = this.buffers.get(n);
    if (!l) throw new Error(`wasm: buffer ${n.op} ${String(n.arg)} is not bound`);
    return `(local.get ${l})`;
  }

  /** Address expression of element `idx` (an i32 expression) of the tile at scratch `slot`; use with `offset=slot`. */
  tileAddr(idx: string): string {
    return idx === '(i32.const 0)' ? '(local.get $sb)' : `(i32.add (local.get $sb) (i32.shl ${idx} (i32.const 2)))`;
  }

  /** Counted loop `for (i = from; i < to; i += step)`; `to` is an i32 expression; `body` gets i as an expression. */
  forLoop(from: string, to: string, step: number, body: (i: string) => void, hint = 'i'): void {
    const i = this.local('i32', hint);
    const brk = this.label('B');
    const top = this.label('L');
    this.emit(`(local.set ${i} ${from})`);
    this.open(`(block ${brk}`);
    this.emit(`(br_if ${brk} (i32.ge_s (local.get ${i}) ${to}))`);
    this.open(`(loop ${top}`);
    body(`(local.get ${i})`);
    this.emit(`(local.set ${i} (i32.add (local.get ${i}) (i32.const ${step})))`);
    this.emit(`(br_if ${top} (i32.lt_s (local.get ${i}) ${to}))`);
    this.close(2);
  }

  /** Loop over [0, count) with a static count. */
  forCount(count: number, step: number, body: (i: string) => void, hint = 'i'): void {
    if (count <= 0) return;
    if (count <= step) {
      body('(i32.const 0)');
      return;
    }
    this.forLoop('(i32.const 0)', `(i32.const ${count})`, step, body, hint);
  }

  /** The function body text (locals first). */
  body(): string {
    return [...this.localDecls.map((d) => `  ${d}`), ...this.entry.map((e) => `  ${e}`), ...this.out].join('\n');
  }
}
