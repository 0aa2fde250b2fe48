/**
 * @file The state shared by the C loop-nest printers while one kernel function is printed: the function
 * writer, where every IR value lives (scalar variables, tile arrays, buffer pointers), the language and
 * vector ISA tables, and small helpers (constants, element access).
 */
import { numel, type Scalar, type TileType } from '../../ir/dtype.js';
import type { Node } from '../../ir/node.js';
import { Op } from '../../ir/ops.js';
import { CWriter, declareArray, literal, valueKind, type CLanguage, type ValueKind } from '../c/index.js';
import type { VectorIsa } from './isa.js';

/** Tile type of a value node. */
export function tileType(n: Node): TileType {
  if (n.type.kind !== 'tile') throw new Error(`neon: expected a tile value, got ${n.type.key} (${n.op})`);
  return n.type;
}

/** True for rank-0 values (kept in variables, not arrays). */
export function isScalar(n: Node): boolean {
  return n.type.kind === 'tile' && n.type.shape.length === 0;
}

/** Register kind of a value node. */
export function kindOfNode(n: Node): ValueKind {
  return valueKind(tileType(n).scalar);
}

/** The printing state of one kernel function. */
export class CFnContext {
  readonly w = new CWriter();
  private readonly scalars = new Map<Node, string>();
  private readonly tiles = new Map<Node, string>();
  private readonly buffers = new Map<Node, { name: string; scalar: Scalar }>();
  private scratchTop = 0;
  /** Nodes the printers leave out (transposes read in place by their products). */
  readonly skip = new Set<Node>();

  constructor(
    readonly lang: CLanguage,
    readonly isa: VectorIsa,
  ) {}

  /** Reserves `bytes` of per-thread scratch (16-byte aligned) for ALLOC buffers; returns the offset. */
  reserve(bytes: number): number {
    const at = this.scratchTop;
    this.scratchTop += Math.ceil(Math.max(bytes, 4) / 16) * 16;
    return at;
  }

  /** Per-thread scratch bytes used. */
  get scratchBytes(): number {
    return this.scratchTop;
  }

  /** A fresh function-wide variable of kind `k` (or a named C type). */
  local(k: ValueKind | string, hint = 't'): string {
    const type = k === 'f' || k === 'i' ? this.lang.valueType[k] : k;
    return this.w.declare(type, hint);
  }

  /** Binds a scalar node to a C expression (a parameter or variable name). */
  bindScalar(n: Node, name: string): void {
    this.scalars.set(n, name);
  }

  /** The variable holding scalar node `n`, declaring it. */
  scalarVar(n: Node): string {
    let v = this.scalars.get(n);
    if (!v) {
      v = this.local(kindOfNode(n), 'v');
      this.scalars.set(n, v);
    }
    return v;
  }

  /** C expression of scalar node `n` (constants inline). */
  val(n: Node): string {
    if (n.op === Op.CONST) return literal(this.lang, kindOfNode(n), n.arg as number);
    const v = this.scalars.get(n);
    if (!v) throw new Error(`neon: scalar ${n.op} used before it is computed`);
    return v;
  }

  /** The array holding tile node `n`, declaring it on first use. */
  tile(n: Node): string {
    let t = this.tiles.get(n);
    if (!t) {
      t = this.w.fresh('t');
      this.w.hoist(declareArray(this.lang.valueType[kindOfNode(n)], t, numel(tileType(n).shape)));
      this.tiles.set(n, t);
    }
    return t;
  }

  /** Makes tile node `n` share the array of `other` (reshape, after, loop results). */
  aliasTile(n: Node, other: Node): void {
    if (kindOfNode(n) !== kindOfNode(other)) throw new Error(`neon: cannot alias a ${tileType(n).scalar} tile to a ${tileType(other).scalar} one`);
    this.tiles.set(n, this.tile(other));
  }

  /** Binds a buffer node to a pointer expression of storage `scalar`. */
  bindBuffer(n: Node, name: string, scalar: Scalar): void {
    this.buffers.set(n, { name, scalar });
  }

  /** Makes buffer node `n` use the pointer of buffer `other`. */
  aliasBuffer(n: Node, other: Node): void {
    this.buffers.set(n, this.bufferOf(other));
  }

  private bufferOf(n: Node): { name: string; scalar: Scalar } {
    const b = this.buffers.get(n);
    if (!b) throw new Error(`neon: buffer ${n.op} ${String(n.arg)} is not bound`);
    return b;
  }

  /** Pointer expression of buffer node `n`. */
  buf(n: Node): string {
    return this.bufferOf(n).name;
  }

  /** A literal of `k`. */
  lit(k: ValueKind, v: number): string {
    return literal(this.lang, k, v);
  }
}
