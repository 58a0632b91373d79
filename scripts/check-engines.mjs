// Checks that every package in package-lock.json (dev included) admits the lowest Node version of each range
// package.json's `engines.node` admits, so `npm ci` prints no EBADENGINE on any supported Node. CI runs it
// (`npm ci --engine-strict` checks only the Node that runs it). Usage: node scripts/check-engines.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const semver = require('semver');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const range = new semver.Range(pkg.engines.node);
// The lowest version of each `||` alternative, e.g. ^20.19.0 || >=22.13.0 → 20.19.0, 22.13.0.
const floors = range.set.map((comparators) => semver.minVersion(new semver.Range(comparators.map((c) => c.value).join(' '))).version);
let bad = 0;
for (const v of floors) {
  for (const [path, p] of Object.entries(lock.packages)) {
    const want = p.engines?.node;
    if (path === '' || !want || semver.satisfies(v, want)) continue;
    console.error(`Node ${v} (admitted by engines "${pkg.engines.node}") is refused by ${path.replace(/^.*node_modules\//, '')}@${p.version}${p.dev ? ' (dev)' : ''}: engines "${want}"`);
    bad += 1;
  }
}
if (bad > 0) {
  console.error(`${bad} engine conflict(s): raise engines.node in package.json or pin/override the package.`);
  process.exitCode = 1;
} else {
  console.log(`engines "${pkg.engines.node}": every locked package admits Node ${floors.join(', ')}`);
}
