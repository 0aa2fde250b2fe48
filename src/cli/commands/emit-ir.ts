/**
 * @file `sparsec build --emit ir`: the tile IR of each kernel for each target, after every named pass
 * (`--stages`) or only the final one, printed or written as `<out>/<kernel>.<target>.ir`.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileToIR } from '../../passes/index.js';
import type { Kernel } from '../../model/kernel.js';
import { EXIT, type Io } from '../io.js';

export interface EmitIrOptions {
  readonly targets: readonly string[];
  readonly out?: string;
  readonly stages?: boolean;
}

/** The IR text of one kernel on one target: the final stage, or every stage under a header line. */
export function irText(kernel: Kernel, target: string, allStages: boolean): string {
  const { stages } = compileToIR(kernel, target);
  const chosen = allStages ? stages : stages.slice(-1);
  return chosen.map((s) => `// ---- ${kernel.name} on ${target}: after ${s.name} ----\n${s.text.trimEnd()}\n`).join('\n');
}

export function emitIr(kernels: readonly Kernel[], opts: EmitIrOptions, io: Io): number {
  for (const k of kernels) {
    for (const t of opts.targets) {
      const text = irText(k, t, Boolean(opts.stages));
      if (!opts.out) {
        io.out(text);
        continue;
      }
      mkdirSync(opts.out, { recursive: true });
      const file = join(opts.out, `${k.name}.${t}.ir`);
      writeFileSync(`${file}.tmp-${process.pid}`, text);
      renameSync(`${file}.tmp-${process.pid}`, file);
      io.out(`wrote ${file}`);
    }
  }
  return EXIT.ok;
}
