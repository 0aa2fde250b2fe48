/**
 * @file The spelling hooks of the SIMT strategy: everything the shared printer (lane ownership, barriers at
 * hazards, reductions, dot, element statements, control) needs to say in a target language. WGSL and CUDA C
 * each give one table (webgpu/wgsl-spelling.ts, cuda/cuda-spelling.ts); target differences live there.
 */
import type { Scalar } from '../../ir/dtype.js';
import type { Node } from '../../ir/node.js';
import type { Op } from '../../ir/ops.js';
import type { BufferInfo, SlotSpace } from './layout.js';
import type { ElementWriter, Index } from './elements.js';
import type { BodyPrinter } from './statements.js';

/** Kind of a tile element's value (storage types widen: f16 / bf16 to float, u8 to int). */
export type VKind = 'float' | 'int' | 'bool';

/** The value kind a tile of `s` computes in. */
export const VALUE_KIND: Readonly<Record<Scalar, VKind>> = { f32: 'float', f16: 'float', bf16: 'float', i32: 'int', u8: 'int', bool: 'bool' };

/** An element-wise template over operands a, b, c and the operand kind each wants. */
export interface OpTemplate {
  readonly text: string;
  /** Operand kind; 'same' means the node's own value kind. */
  readonly operand: VKind | 'same';
}

/** A template builder for the element-wise tables. */
export const template = (text: string, operand: VKind | 'same' = 'same'): OpTemplate => ({ text, operand });

/** Identity and combining step of a reduction. */
export interface Reduction {
  readonly init: Readonly<Record<'float' | 'int', string>>;
  readonly step: (a: string, b: string) => string;
}

/** The step of a counted loop: `v = v + by` (`+`) or `v = v * by` (`*`). */
export interface LoopStep {
  readonly op: '+' | '*';
  readonly by: string;
}

/** The lanes that fold one row in a shuffle reduction: statements before the loop, the lane-count expression, the row-block step. */
export interface ShuffleGroup {
  readonly pre: readonly string[];
  readonly lanes: string;
  readonly rowStep: string;
}

/** A target's spelling of the SIMT strategy. */
export interface SimtSpelling {
  /** Target name, in error messages. */
  readonly target: string;
  /** Type names of the value kinds (`auto`: a declaration whose type the language infers). */
  readonly type: Readonly<Record<VKind | 'auto', string>>;
  /** Identifiers the printer's fresh names must avoid. */
  readonly reserved: ReadonlySet<string>;
  literal(value: number, t: VKind): string;
  convert(e: string, from: VKind, to: VKind): string;
  /** Element-wise templates (key: `${op}` or `${op}:bool` / `${op}:int` where the spelling differs by operand kind). */
  readonly elementwise: Readonly<Record<string, OpTemplate>>;
  readonly compare: Readonly<Partial<Record<Op, string>>>;
  readonly reduction: Readonly<Partial<Record<Op, Reduction>>>;
  /** Identity and step of a one-lane reduction of kind `t` folding `value` into `s` (bool tiles included). */
  serialReduction(op: Op, t: VKind, s: string, value: string): { init: string; step: string };

  /** An immutable binding (`annotate`: a language that infers types still spells it). */
  bind(name: string, value: string, t: VKind | 'auto', annotate?: boolean): string;
  /** A mutable variable, initialised or not. */
  variable(name: string, t: VKind, init?: string): string;
  /** Header of a counted loop `for v from init while v < limit` (default step: + 1). */
  loop(v: string, init: string, limit: string, step?: LoopStep): string;
  /** `cond ? a : b`. */
  select(cond: string, a: string, b: string): string;
  /** A bool stored as a 0 / 1 word. */
  boolWord(v: string): string;

  /** Word `at` of a slot space, and what reads / writes a value there. */
  readonly slotWord: Readonly<Record<SlotSpace, (at: string) => string>>;
  readonly slotRead: Readonly<Record<SlotSpace, (word: string) => string>>;
  readonly slotWrite: Readonly<Record<SlotSpace, (value: string) => string>>;
  /** The barrier that makes a slot space's writes visible to the whole workgroup / block. */
  readonly slotBarrier: Readonly<Record<SlotSpace, string>>;
  readonly intSpace: Readonly<Record<SlotSpace, boolean>>;

  /** The reader of element `i` of input buffer `info`, 0 outside it. */
  inputReader(w: ElementWriter, info: BufferInfo): (i: string) => string;
  /** A read of scratch word `word` guarded by `0 <= i < size` (0 outside; `t`: the buffer's value kind). */
  scratchRead(word: string, i: string, size: number, t: VKind): string;
  /** A clamp of `i` into [0, hi]. */
  clamp(i: string, hi: number): string;
  /** A LOAD element `value` guarded by bound conditions `conds` (joined by &&), 0 of kind `t` outside. */
  guardLoad(conds: string, value: string, t: VKind): string;
  /** LOAD values are converted from the buffer's value kind to the node's. */
  readonly convertLoads: boolean;
  /** Statement writing `v` at `addr` of output `info`, bounds-checked. */
  writeOutput(info: BufferInfo, addr: string, v: string): string;
  /** Element handlers whose spelling is a whole expression shape (gather, ragged membership, tables, N:M expansion). */
  readonly handlers: Readonly<Partial<Record<Op, (w: ElementWriter, n: Node, idx: Index) => string>>>;

  /** The lanes per row of a shuffle reduction (null: not here); `most` is the power of two the row and block allow. */
  shuffleGroup(p: BodyPrinter, most: number): ShuffleGroup | null;
  /** `s` combined with the value of lane `lane ^ off`. */
  shuffleXor(s: string, off: string): string;
  /** Copies staged LOAD `load` by the target's own means; false: element by element. */
  stage?(p: BodyPrinter, load: Node): boolean;
}
