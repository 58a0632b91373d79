/**
 * Test entry: `rustgate <argv>` with this area's commands registered even before src/cli/commands/index.ts does
 * (the MCP test spawns it as `node --import tsx cli-entry.ts mcp`).
 */
import { renderError, processIO } from '../../src/cli/io.js';
import { runCli } from '../validate-fix/helpers.js';

runCli(process.argv.slice(2)).then(
  (r) => {
    if (r.out) process.stdout.write(r.out);
    if (r.err) process.stderr.write(r.err);
    process.exitCode = r.code;
  },
  (e: unknown) => {
    process.exitCode = renderError(processIO, e);
  },
);
