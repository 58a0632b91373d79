/** `rustgate mcp`: serves rustgate's tools over MCP on stdio (for Claude Code and other agents). */
import path from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../core/errors.js';
import type { CliIO } from '../io.js';
import type { SetExit } from './index.js';

interface McpFlags {
  repo: string;
}

/** Registers `mcp` on the program. stdout carries only MCP messages while it runs. */
export function registerMcp(program: Command, _io: CliIO, setExit: SetExit): void {
  program
    .command('mcp')
    .description('Serve the rustgate tools (build_isg, preflight, context, validate_fix, ...) over MCP on stdio')
    .option('--repo <dir>', 'default workspace of the tools (relative repo arguments resolve against it); default: $CLAUDE_PROJECT_DIR, else the current directory')
    .action(async (flags: Partial<McpFlags>) => {
      const { serveStdio } = await import('../../mcp/server.js');
      // Claude Code sets CLAUDE_PROJECT_DIR for plugin servers; its docs recommend it over the working directory.
      await serveStdio({ repo: path.resolve(flags.repo ?? (process.env.CLAUDE_PROJECT_DIR || '.')) });
      setExit(ExitCode.Ok);
    });
}
