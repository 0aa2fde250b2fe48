/** @file Did-you-mean where names are typed: import paths, weight formats, `.ts` builder fields (in camelCase). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

async function check(files: Record<string, string>, entry: string): Promise<{ code: number; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sparsec-dym-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const err: string[] = [];
  const io: Io = { out: () => undefined, err: (t) => void err.push(t), interactive: false };
  return { code: await main(['check', join(dir, entry)], io), err: err.join('\n') };
}

describe('did you mean', () => {
  it('an import of a missing file suggests the closest spec file, spelled as written', async () => {
    const r = await check({ 'lib/common.sparse': 'pattern p = causal\n', 'main.sparse': 'import "lib/commn.sparse"\n' }, 'main.sparse');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot read '[^']*lib\/commn\.sparse': no such file or directory \(did you mean 'lib\/common\.sparse'\?\)/);
  });

  it('a misspelled weight format suggests the format', async () => {
    const r = await check({ 'g.sparse': 'kernel g = gemm { m = 4; n = 8; k = 8; weight = cssr }\n' }, 'g.sparse');
    expect(r.err).toContain("found 'cssr' (did you mean 'csr'?)");
  });

  it('a .ts spec names and suggests fields in camelCase', async () => {
    const r = await check({ 'a.spec.ts': "import { kernel, causal } from 'sparsec';\nexport const a = kernel.attention('a', causal, { heads: 2, headDm: 8, seq: 64 });\n" }, 'a.spec.ts');
    expect(r.err).toContain("unknown field 'headDm' in attention kernel (did you mean 'headDim'?)");
  });
});
