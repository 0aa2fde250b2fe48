/**
 * @file `.ts` specs through the whole front half: `loadProgram` with `loadTsSpec`, then the checker.
 * Checker diagnostics on a builder declaration point at the TypeScript property that caused them.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/index.js';
import { loadTsSpec } from '../../src/builder/load-ts.js';
import { renderDiagnostic } from '../../src/diagnostics/render.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('.ts specs in a program', () => {
  it('the example specs load from a folder and check clean', async () => {
    const program = await loadProgram(['examples/specs'], { tsLoader: loadTsSpec, cwd: root });
    expect(program.diagnostics).toEqual([]);
    expect(program.modules.map((m) => m.display)).toEqual(['examples/specs/runtime-inputs.spec.ts', 'examples/specs/streaming.spec.ts']);
    const { kernels, diagnostics } = checkProgram(program);
    expect(diagnostics).toEqual([]);
    expect(kernels.map((k) => [k.name, k.kind, k.origin.line])).toEqual([
      ['packed_prefill', 'attention', 15], ['minference', 'attention', 20], ['alibi_softcap', 'attention', 28],
      ['up_proj_24', 'gemm', 35], ['cats_down', 'gemm', 38], ['streaming_prefill', 'attention', 6],
    ]);
    const prefill = kernels.find((k) => k.name === 'streaming_prefill');
    expect(prefill).toMatchObject({ heads: 8, kvHeads: 2, headDim: 64, qLen: 4096, kvLen: 4096, dtype: 'f32' });
  });

  it('a checker error points at the TypeScript field', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sparsec-builder-int-'));
    try {
      const text = "import { kernel, causal } from 'sparsec';\n\nexport const a = kernel.attention('a', causal, {\n  heads: 3,\n  kvHeads: 2,\n  headDim: 8, seq: 8,\n});\n";
      writeFileSync(path.join(dir, 'bad.spec.ts'), text);
      const program = await loadProgram(['bad.spec.ts'], { tsLoader: loadTsSpec, cwd: dir });
      expect(program.diagnostics).toEqual([]);
      const { diagnostics } = checkProgram(program);
      expect(diagnostics).toHaveLength(1);
      const rendered = renderDiagnostic(diagnostics[0]!, program.sources);
      expect(rendered.split('\n')[0]).toMatch(/^bad\.spec\.ts:5:3: error SPC\d+: /);
      expect(rendered.split('\n').slice(1)).toEqual(['    kvHeads: 2,', '    ^^^^^^^^^^']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
