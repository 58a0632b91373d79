/**
 * `npm run bench -- <name> [--workspace DIR] [...]`: runs one benchmark module (bench/<name>.ts) and prints its
 * table. Benchmarks measure ratios against a baseline taken in the same run (see bench/README.md).
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const suites = ['isg', 'isg-accuracy', 'store', 'preflight', 'fix', 'vectors', 'coverage', 'crash', 'hooks', 'install', 'antipatterns'] as const;
/** `all` runs these; `crash` (a hundred kills, minutes), `isg-accuracy` (rust-analyzer, minutes), `coverage`, `hooks` and `install` (npm, network) and `antipatterns` (needs real workspaces) run only when named. */
const everyday = ['isg', 'store', 'preflight', 'fix', 'vectors'];

/** Parses `--key value` pairs after the suite name into an options object; a repeated key's values are joined with `,`. */
function parseOptions(args: string[]): Record<string, string> {
  const opts: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      const key = arg.slice(2);
      opts[key] = opts[key] === undefined ? next : `${opts[key]},${next}`;
      i++;
    } else {
      opts[arg.slice(2)] = 'true';
    }
  }
  return opts;
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const selected = name === undefined || name === 'all' ? everyday : [name];
  for (const suite of selected) {
    if (!(suites as readonly string[]).includes(suite)) {
      console.error(`unknown benchmark "${suite}"; choose one of: ${suites.join(', ')}, all`);
      return 2;
    }
    const file = path.join(here, `${suite}.ts`);
    if (!existsSync(file)) {
      console.error(`bench/${suite}.ts is not there yet`);
      continue;
    }
    const mod = (await import(pathToFileURL(file).href)) as { main?: (opts: Record<string, string>) => Promise<void> };
    if (typeof mod.main !== 'function') {
      console.error(`bench/${suite}.ts exports no main(opts)`);
      return 3;
    }
    console.log(`\n## ${suite}\n`);
    await mod.main(parseOptions(rest));
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 3;
  },
);
