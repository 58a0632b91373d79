/** Registers every sub-command; each lives in its own file and reports its exit code through `setExit`. */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { registerAffected } from './affected.js';
import { registerBuildIsg } from './build-isg.js';
import { registerContext } from './context.js';
import { registerDebugBug } from './debug-bug.js';
import { registerHooks } from './hooks.js';
import { registerIsg } from './isg.js';
import { registerMcp } from './mcp.js';
import { registerModels } from './models.js';
import { registerPreflight } from './preflight.js';
import { preflightSeams } from './preflight-seams.js';
import { registerProveFix } from './prove-fix.js';
import { registerStats } from './stats.js';
import { registerValidateFix } from './validate-fix.js';

export type SetExit = (code: number) => void;

export function registerCommands(program: Command, io: CliIO, setExit: SetExit): void {
  registerBuildIsg(program, io, setExit);
  registerIsg(program, io, setExit);
  registerPreflight(program, io, setExit, preflightSeams());
  registerAffected(program, io, setExit);
  registerDebugBug(program, io, setExit);
  registerValidateFix(program, io, setExit);
  registerContext(program, io, setExit);
  registerProveFix(program, io, setExit);
  registerMcp(program, io, setExit);
  registerModels(program, io, setExit);
  registerHooks(program, io, setExit);
  registerStats(program, io, setExit);
}
