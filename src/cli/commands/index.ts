/** Registers every sub-command; each lives in its own file and reports its exit code through `setExit`. */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';

export type SetExit = (code: number) => void;

export function registerCommands(_program: Command, _io: CliIO, _setExit: SetExit): void {
  // Commands are added here as they land (build-isg, isg, preflight, hooks, debug-bug, validate-fix, models).
}
