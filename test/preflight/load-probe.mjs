// Preload for the skip-path test: records which packages the CLI process loads and its own CPU time, printed on exit.
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const seen = new Set();
port1.on('message', (url) => seen.add(url));
port1.unref();
register('./load-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });

process.on('exit', () => {
  const require = createRequire(import.meta.url);
  const cjs = Object.keys(require('node:module')._cache ?? {});
  const all = [...seen, ...cjs].filter((u) => u.includes('node_modules')).map((u) => u.replace(/^.*node_modules\//, '').split('/').slice(0, u.includes('/@') ? 2 : 1).join('/'));
  const cpu = process.cpuUsage();
  process.stderr.write(`\nload-probe: ${JSON.stringify({ cpu_ms: Math.round((cpu.user + cpu.system) / 1000), packages: [...new Set(all)].sort() })}\n`);
});
