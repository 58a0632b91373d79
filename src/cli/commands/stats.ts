/** `rustgate stats`: flags → runStats → KPI table (or JSON) → exit 0; a bad --since or --repo exits 2. */
import type { Command } from 'commander';
import { ExitCode } from '../../core/errors.js';
import { printJson, type CliIO } from '../io.js';
import type { SetExit } from './index.js';

interface StatsFlags {
  json?: boolean;
  since?: string;
  repo: string;
}

/** Registers `stats` on the program (the app module loads lazily, inside the action). */
export function registerStats(program: Command, io: CliIO, setExit: SetExit): void {
  program
    .command('stats')
    .description('Fix KPIs from the learning log and CodeGraph: correctness, rollbacks, zero-LLM rate, tokens, time, per pattern')
    .option('--json', 'print the KPIs as JSON')
    .option('--since <date>', 'only runs started at or after this ISO date')
    .option('--repo <dir>', 'the repository', '.')
    .action(async (flags: StatsFlags) => {
      const { runStats, renderStats } = await import('../../app/stats.js');
      const report = await runStats({ repo: flags.repo, ...(flags.since !== undefined ? { since: flags.since } : {}) });
      if (flags.json) printJson(io, report);
      else io.out(renderStats(report));
      setExit(ExitCode.Ok);
    });
}
