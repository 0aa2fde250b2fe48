/**
 * @file Executes tile IR: the kernel is linearized once into regions, every placed node becomes a
 * closure over a slot array (one dispatch table entry per op), and loops / branches run their
 * regions. Work happens at tile granularity, so a run costs a few closure calls per tile.
 */
import { isFloat, isHalf, type TileType } from '../../ir/dtype.js';
import { linearize, type Placed, type Region } from '../../ir/linearize.js';
import { loopParts, type Node } from '../../ir/node.js';
import { Op, OpGroup } from '../../ir/ops.js';
import * as T from './tiles.js';
import { dotSkipsZero } from '../../ir/build.js';

type Slots = T.Value[];
type Instr = (s: Slots) => void;
type Compute = (n: Node, src: readonly number[]) => (s: Slots) => T.Value;

const asNum = (v: T.Value): number => v as number;
const asTile = (v: T.Value): T.Tile | number => v as T.Tile | number;
const asBuf = (v: T.Value): T.Buffer => v as T.Buffer;
const tt = (n: Node): TileType => n.type as TileType;
const floatOut = (n: Node): boolean => n.type.kind === 'tile' && isFloat(n.type.scalar);

function elementwiseKey(n: Node): string {
  const s = tt(n).scalar;
  return n.op === Op.CAST ? `cast:${s === 'bool' ? 'bool' : isHalf(s) ? s : isFloat(s) ? 'f32' : 'i32'}` : n.op;
}

/**
 * How a DOT's operands are converted before the products: an f16 / bf16 operand type (left narrow: a table with
 * native half, or no `widen-tiles`) rounds them to it, as an mma converts its operands; the products of two 16-bit
 * values are exact in f32 and the sums accumulate in f32, so the tile loops below then match the hardware. f32: as is.
 */
function operandRound(n: Node): ((t: T.Tile) => T.Tile) {
  const s = tt(n.src[0]!).scalar;
  const round = s === 'f16' ? T.roundF16 : s === 'bf16' ? T.roundBF16 : null;
  return round ? (t) => T.roundTile(t, round) : (t) => t;
}

function addressing(src: readonly number[], rank: number, s: Slots): [number, number[], number[]] {
  const strides: number[] = [];
  const valid: number[] = [];
  for (let d = 0; d < rank; d++) {
    strides.push(asNum(s[src[2 + d]!]));
    valid.push(asNum(s[src[2 + rank + d]!]));
  }
  return [asNum(s[src[1]!]), strides, valid];
}

/** Value computations per op (structure ops are compiled separately). */
const COMPUTE: Partial<Record<Op, Compute>> = {
  [Op.IOTA]: (n) => {
    const shape = tt(n).shape;
    const t = T.newTile(shape, false);
    const axis = n.arg as number;
    const inner = T.numel(shape.slice(axis + 1));
    for (let i = 0; i < t.data.length; i++) t.data[i] = Math.floor(i / inner) % shape[axis]!;
    return () => t;
  },
  [Op.TABLE]: (n, [i]) => {
    const vals = n.arg as readonly number[];
    const f = floatOut(n);
    const one = (x: number): number => (x >= 0 && x < vals.length ? vals[x]! : 0);
    return (s) => {
      const idx = asTile(s[i!]);
      if (typeof idx === 'number') return one(idx);
      const out = T.newTile(idx.shape, f);
      for (let k = 0; k < idx.data.length; k++) out.data[k] = one(idx.data[k]!);
      return out;
    };
  },
  [Op.LOAD]: (n, src) => {
    const rank = tt(n).shape.length;
    const shape = tt(n).shape;
    const f = floatOut(n);
    const bool = tt(n).scalar === 'bool';
    return (s) => {
      const [base, strides, valid] = addressing(src, rank, s);
      const v = T.loadTile(asBuf(s[src[0]!]), base, strides, valid, shape, f);
      return bool ? T.truthy(v) : v;
    };
  },
  [Op.STORE]: (_n, src) => {
    const rank = (src.length - 3) / 2;
    return (s) => {
      const [base, strides, valid] = addressing(src, rank, s);
      T.storeTile(asBuf(s[src[0]!]), base, strides, valid, asTile(s[src[src.length - 1]!]));
      return undefined;
    };
  },
  [Op.GATHER]: (n, [b, i, len]) => {
    const f = floatOut(n);
    const bool = tt(n).scalar === 'bool';
    return (s) => {
      const v = T.gatherTile(asBuf(s[b!]), asTile(s[i!]), asNum(s[len!]), f);
      return bool ? T.truthy(v) : v;
    };
  },
  [Op.MEMBER]: (n, [o, v, l, x, c]) => (s) => T.memberTile(asBuf(s[o!]), asBuf(s[v!]), asTile(s[l!]), asTile(s[x!]), asNum(s[c!]), tt(n).shape),
  [Op.DOT]: (n, [a, b, c]) => {
    const skipZero = dotSkipsZero(n);
    const round = operandRound(n);
    return (s) => T.dot(round(s[a!] as T.Tile), round(s[b!] as T.Tile), asTile(s[c!]), skipZero);
  },
  [Op.TRANS]: (_n, [a]) => (s) => T.transpose(s[a!] as T.Tile),
  [Op.RESHAPE]: (n, [a]) => (s) => {
    const v = asTile(s[a!]);
    return typeof v === 'number' ? { shape: tt(n).shape, data: (floatOut(n) ? Float32Array : Int32Array).of(v) } : { shape: tt(n).shape, data: v.data };
  },
  [Op.BROADCAST]: (n, [a]) => {
    const f = floatOut(n);
    return (s) => ({ shape: tt(n).shape, data: T.broadcastData(asTile(s[a!]), tt(n).shape, f) });
  },
  [Op.REDUCE_MAX]: (n, [a]) => (s) => T.reduceAxis(asTile(s[a!]), n.arg as number, true, floatOut(n)),
  [Op.REDUCE_SUM]: (n, [a]) => (s) => T.reduceAxis(asTile(s[a!]), n.arg as number, false, floatOut(n)),
  [Op.NM_EXPAND]: (n, [v, i]) => (s) => T.nmExpand(s[v!] as T.Tile, s[i!] as T.Tile, Number(n.attrs['keep']), Number(n.attrs['group'])),
  [Op.AFTER]: (_n, [b]) => (s) => s[b!],
  // NOTE: a layout places elements in registers / shared memory; a tile's values, all the interpreter holds, do not change.
  [Op.CONVERT_LAYOUT]: (_n, [a]) => (s) => s[a!],
  [Op.BARRIER]: () => () => undefined,
  [Op.RESULT]: (n, [l]) => (s) => (s[l!] as T.Value[])[n.arg as number],
  [Op.ALLOC]: (n) => {
    const size = Number(n.attrs['size']);
    const f = n.type.kind === 'ptr' && isFloat(n.type.scalar);
    return () => ({ kind: 'buffer', data: f ? new Float32Array(size) : new Int32Array(size), round: null });
  },
};

/** A compiled kernel: call `run` with parameter values by name. */
export interface Program {
  readonly params: readonly Node[];
  run(params: ReadonlyMap<string, T.Value>): void;
}

/** Compiles a KERNEL root into a runnable program. */
export function compileProgram(kernel: Node): Program {
  const slotOf = new Map<Node, number>();
  const constants: [number, T.Value][] = [];
  const params: Node[] = [];
  const slot = (n: Node): number => {
    let i = slotOf.get(n);
    if (i === undefined) {
      i = slotOf.size;
      slotOf.set(n, i);
      if (n.op === Op.CONST) constants.push([i, n.arg as number]);
      if (n.op === Op.PARAM) params.push(n);
    }
    return i;
  };

  const compileRegion = (r: Region): Instr[] => r.map(compilePlaced).filter((x): x is Instr => x !== null);

  function compilePlaced(p: Placed): Instr | null {
    const n = p.node;
    const out = slot(n);
    if (n.op === Op.CONST || n.op === Op.PARAM) return null;
    if (n.op === Op.LOOP) return compileLoop(n, out, compileRegion(p.body!));
    if (n.op === Op.IF) {
      const [c, a, b] = n.src.map(slot) as [number, number, number];
      const [thenI, elseI] = p.branches!.map(compileRegion) as [Instr[], Instr[]];
      return (s) => {
        const body = s[c] ? thenI : elseI;
        for (const ins of body) ins(s);
        s[out] = s[c] ? s[a] : s[b];
      };
    }
    const src = n.src.map(slot);
    let compute: (s: Slots) => T.Value;
    if (OpGroup.Unary.has(n.op) || OpGroup.Binary.has(n.op) || OpGroup.Ternary.has(n.op)) {
      const key = elementwiseKey(n);
      const shape = tt(n).shape;
      const f = floatOut(n);
      compute = (s) => T.elementwise(key, src.map((i) => asTile(s[i])), shape, f);
    } else if (n.op === Op.DOT && n.src[1]!.op === Op.TRANS && !dotSkipsZero(n)) {
      // NOTE: a @ trans(b) runs as a row-by-row dot product (the Q K^T shape), no transpose needed.
      const [a, b, c] = [src[0]!, slot(n.src[1]!.src[0]!), src[2]!];
      const round = operandRound(n);
      compute = (s) => T.dotTransB(round(s[a] as T.Tile), round(s[b] as T.Tile), asTile(s[c]));
    } else {
      const make = COMPUTE[n.op];
      if (!make) throw new Error(`interp: cannot execute op ${n.op}`);
      compute = make(n, src);
    }
    return (s) => {
      s[out] = compute(s);
    };
  }

  function compileLoop(n: Node, out: number, body: Instr[]): Instr {
    const p = loopParts(n);
    const [lo, hi, range] = [slot(p.lo), slot(p.hi), slot(p.range)];
    const iters = p.iters.map(slot);
    const inits = p.inits.map(slot);
    const nexts = p.nexts.map(slot);
    return (s) => {
      const end = asNum(s[hi]);
      const carried = inits.map((i) => s[i]);
      for (let i = asNum(s[lo]); i < end; i++) {
        s[range] = i;
        for (let j = 0; j < iters.length; j++) s[iters[j]!] = carried[j];
        for (const ins of body) ins(s);
        for (let j = 0; j < nexts.length; j++) carried[j] = s[nexts[j]!];
      }
      s[out] = carried;
    };
  }

  const top = compileRegion(linearize(kernel));
  const size = slotOf.size;
  return {
    params,
    run(values) {
      const s: Slots = new Array<T.Value>(size);
      for (const [i, v] of constants) s[i] = v;
      for (const prm of params) {
        const v = values.get(String(prm.arg));
        if (v === undefined) throw new Error(`interp: no value bound for param '${String(prm.arg)}'`);
        s[slotOf.get(prm)!] = v;
      }
      for (const ins of top) ins(s);
    },
  };
}
