/** `rustgate models list | verify | pull`: thin flags → app/models.ts → output → exit code. */
import type { Command } from 'commander';
import { ExitCode } from '../../core/errors.js';
import { printJson, type CliIO } from '../io.js';
import type { SetExit } from './index.js';

function mb(n: number | null): string {
  return n === null ? '?' : `${(n / 1024 ** 2).toFixed(0)} MB`;
}

/** Registers the `models` command group. */
export function registerModels(program: Command, io: CliIO, setExit: SetExit): void {
  const models = program.command('models').description('List, verify and fetch the local GGUF models (reasoner, embedding, scout).');

  models
    .command('list')
    .description('Models in the manifest and whether each file is in the cache dir.')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { listModels } = await import('../../app/models.js');
      const { models: rows, dir } = listModels();
      if (opts.json) {
        printJson(io, { models: rows.map(({ id, role, file, format, size_bytes, sha256, present }) => ({ id, role, file, format, size_bytes, sha256, present })) });
      } else {
        io.out(`models dir: ${dir}`);
        for (const r of rows) io.out(`${r.present ? '✓' : ' '} ${r.id.padEnd(36)} ${r.role.padEnd(9)} ${mb(r.size_bytes).padStart(8)}  ${r.file}`);
      }
      setExit(ExitCode.Ok);
    });

  models
    .command('verify [id]')
    .description('Check the GGUF header, architecture and sha256 of the cached model files (all present ones, or ID).')
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, opts: { json?: boolean }) => {
      const { verifyModels } = await import('../../app/models.js');
      const res = await verifyModels(id);
      if (opts.json) printJson(io, res);
      else for (const r of res.models) io.out(`${r.status.padEnd(8)} ${r.id}${r.actual_sha256 ? `  ${r.actual_sha256}` : ''}${r.problem ? `  (${r.problem})` : ''}`);
      setExit(res.ok ? ExitCode.Ok : ExitCode.Findings);
    });

  models
    .command('pull <id>')
    .description('Download a model into the cache dir (kept when already present), then verify it.')
    .option('--offline', 'never use the network (also RUSTGATE_OFFLINE=1)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { offline?: boolean; json?: boolean }) => {
      let last = -1;
      const { pullModel } = await import('../../app/models.js');
      const res = await pullModel(id, {
        offline: opts.offline === true,
        onProgress: io.interactive
          ? (done, total) => {
              const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
              if (pct !== last && pct % 5 === 0) io.err(`downloading ${id}: ${pct}%`);
              last = pct;
            }
          : undefined,
      });
      if (opts.json) printJson(io, res);
      else io.out(`${res.downloaded ? 'downloaded' : 'already present'}: ${res.path} (sha256 ${res.sha256}, ${res.verified})`);
      setExit(ExitCode.Ok);
    });
}
