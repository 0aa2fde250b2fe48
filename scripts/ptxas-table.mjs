#!/usr/bin/env node
// Prints the ptxas report of a cuda build (registers, shared memory, spills, barriers per kernel variant) as a
// markdown table: `npx sparsec build dsl/ --target cuda --out DIR -q && node scripts/ptxas-table.mjs DIR`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/ptxas-table.mjs DIR   (DIR: the --out folder of `sparsec build --target cuda`)');
  process.exit(2);
}
const rows = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.manifest.json')).sort()) {
  const m = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  for (const v of m.cuda?.variants ?? []) {
    const [a, b] = [v.compiled?.sm_80, v.compiled?.sm_90];
    if (!a || !b) continue;
    const spill = (c) => c.spillStores + c.spillLoads;
    rows.push({ name: m.name, kind: m.kernel.kind, dtype: m.kernel.dtype ?? '', tc: (v.path ?? '').startsWith('tensor'),
      threads: v.threads, regs: [a.registers, b.registers], shared: a.sharedBytes, spill: [spill(a), spill(b)], barriers: a.barriers });
  }
}
if (rows.length === 0) {
  console.error(`no compiled cuda manifests in ${dir} (was nvcc on the PATH when it was built?)`);
  process.exit(1);
}
console.log('| kernel | kind | dtype | path | threads | registers sm_80 / sm_90 | shared bytes | spill bytes (stores + loads) sm_80 / sm_90 | barriers |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.kind} | ${r.dtype} | ${r.tc ? 'tensor core' : 'SIMT'} | ${r.threads} | ${r.regs.join(' / ')} | ${r.shared} | ${r.spill.join(' / ')} | ${r.barriers} |`);
}
const max = (f) => Math.max(...rows.map(f));
const tc = rows.filter((r) => r.tc).length;
console.log(`\n${rows.length} variants (tensor core ${tc}, SIMT ${rows.length - tc}); spilling: sm_80 ${rows.filter((r) => r.spill[0]).length}, ` +
  `sm_90 ${rows.filter((r) => r.spill[1]).length}; most registers ${max((r) => r.regs[0])} / ${max((r) => r.regs[1])}; ` +
  `largest spill ${max((r) => r.spill[0])} / ${max((r) => r.spill[1])} bytes; most shared memory ${max((r) => r.shared)} bytes`);
