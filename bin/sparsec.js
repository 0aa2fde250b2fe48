#!/usr/bin/env node
// The `sparsec` executable: runs the compiled CLI from dist/ (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('sparsec: the compiler is not built yet; run `npm install` (or `npm run build`) in the sparsec folder first.\n');
  process.exit(2);
}
// A closed pipe (`sparsec ... | head`) ends the output quietly, as command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
