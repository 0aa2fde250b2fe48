// @file `npm run demo`: serves this folder (the page, and lib/, the library `sparsec build ... --standalone` wrote,
// with its own copy of the runtime) on localhost and prints the address. The browser test serves it the same way.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.png': 'image/png', '.wasm': 'application/wasm' };

/** A server of the page (from this folder) and of the library in `libDir` under /lib/. */
export function createDemoServer(libDir = join(HERE, 'lib')) {
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const [root, tail] = path.startsWith('/lib/') ? [resolve(libDir), path.slice('/lib/'.length)] : [HERE, path === '/' ? 'index.html' : path.slice(1)];
    const file = normalize(join(root, tail));
    if (!file.startsWith(normalize(root)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(HERE, 'lib', 'index.js'))) {
    console.error('examples/browser/lib/ is not built: run `npm run demo` (it builds the library first)');
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 8080);
  const server = createDemoServer();
  server.listen(port, '127.0.0.1', () => {
    console.log(`sparsec demo: open http://127.0.0.1:${server.address().port}/ in a browser with WebGPU (Ctrl-C stops)`);
  });
}
