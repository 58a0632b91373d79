/** `rustgate context --for ERROR|KEY`: the ContextPacker's bundle for one error code or ISG key, under a token budget. */
import type { Command } from 'commander';
import { ExitCode, RustgateError } from '../../core/errors.js';
import { printJson, type CliIO } from '../io.js';
import type { SetExit } from './index.js';

interface ContextFlags {
  for?: string;
  budget: string;
  json?: boolean;
  repo: string;
}

/** Registers `context` on the program. */
export function registerContext(program: Command, io: CliIO, setExit: SetExit): void {
  program
    .command('context')
    .description('Print what a reasoner needs to fix an error code (e.g. E0277) or change an ISG key, under a token budget')
    .option('--for <target>', 'an error code of a current diagnostic (E0277) or an ISG key')
    .option('--budget <tokens>', 'token budget of the bundle', '3000')
    .option('--json', 'print the bundle as JSON')
    .option('--repo <dir>', 'the workspace root (directory with the root Cargo.toml)', '.')
    .action(async (flags: ContextFlags) => {
      if (!flags.for) throw new RustgateError('BAD_FLAG', '--for is required', 'pass --for E0277 (an error code in the working tree) or --for KEY (an ISG key)');
      const budget = Number(flags.budget);
      const { buildContext, contextText } = await import('../../app/context.js');
      const r = await buildContext({ repo: flags.repo, target: flags.for, budget, ...(io.interactive ? { onProgress: (s: string) => io.err(`rustgate: ${s}…`) } : {}) });
      if (flags.json) printJson(io, r);
      else {
        io.out(`# context for ${r.for} (${r.tokens}/${r.budget} tokens; seeds: ${r.seeds.join(', ') || 'none'})`);
        io.out(contextText(r));
      }
      setExit(ExitCode.Ok);
    });
}
