/**
 * @file Static figures of a compiled neon kernel, read from the compiler's AArch64 assembly (`gcc -O2 -S`): its
 * innermost loops (a backward branch to a label above it, with no loop inside) that hold fused multiply-adds,
 * with instructions per vector FMA (`fmla`: four f32 multiply-adds), loads and stores.
 */

/** One innermost loop of the assembly. */
export interface LoopFigure {
  /** Instructions in the loop body, the branch included. */
  readonly instructions: number;
  /** Vector fused multiply-adds (`fmla ... .4s`). */
  readonly fmla: number;
  readonly loads: number;
  readonly stores: number;
  /** instructions / fmla. */
  readonly perFma: number;
}

const BRANCH = /^(b(\.?(?:eq|ne|cs|hs|cc|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al))?|cbn?z|tbn?z)\s+(?:.*,\s*)?(\.?\w+)\s*$/;

/** The innermost loops of `asm` that contain vector FMAs, most FMAs first. */
export function fmaLoops(asm: string): LoopFigure[] {
  const lines = asm.split('\n');
  const labels = new Map<string, number>();
  const isInstruction = (l: string): boolean => /^\s+[a-z]/.test(l) && !/^\s+\./.test(l);
  lines.forEach((l, i) => {
    const m = /^(\.?\w+):/.exec(l);
    if (m) labels.set(m[1]!, i);
  });
  const loops: [number, number][] = [];
  lines.forEach((l, i) => {
    if (!isInstruction(l)) return;
    const m = BRANCH.exec(l.trim());
    const at = m ? labels.get(m[3]!) : undefined;
    if (at !== undefined && at < i) loops.push([at, i]);
  });
  const innermost = loops.filter(([a, b]) => !loops.some(([c, d]) => (c !== a || d !== b) && a <= c && d <= b));
  return innermost.map(([a, b]) => {
    const body = lines.slice(a, b + 1).filter(isInstruction).map((l) => l.trim());
    const count = (re: RegExp): number => body.filter((x) => re.test(x)).length;
    const fmla = count(/^fmla\s+v\d+\.4s/);
    return { instructions: body.length, fmla, loads: count(/^(ldr|ldp|ld1|ldur|ld1r)\b/), stores: count(/^(str|stp|st1|stur)\b/), perFma: fmla ? body.length / fmla : Infinity };
  }).filter((f) => f.fmla > 0).sort((x, y) => y.fmla - x.fmla || x.perFma - y.perFma);
}
