/**
 * @file The builder's TypeScript types, as a spec author meets them: the example specs type-check
 * against `src/index.ts` as 'sparsec', and the misuses in fixtures/typing.ts are type errors.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('builder types', () => {
  it('the example specs and the typing fixture type-check', () => {
    const dir = path.join(root, 'node_modules', '.cache', `sparsec-builder-typing-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const files = ['examples/specs/streaming.spec.ts', 'examples/specs/runtime-inputs.spec.ts', 'test/builder/fixtures/multi/main.spec.ts', 'test/builder/fixtures/typing.ts'];
    const config = {
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true,
        types: ['node'], baseUrl: root, paths: { sparsec: ['src/index.ts'] },
      },
      files: files.map((f) => path.join(root, f)),
    };
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
    let output = '';
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(dir, 'tsconfig.json')], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(output).toBe('');
  }, 60_000);
});
