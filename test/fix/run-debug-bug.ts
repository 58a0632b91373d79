/** Runs `rustgate debug-bug` in a child process for the SIGINT test (the CLI shell registers it once the lead wires it). */
import { Command } from 'commander';
import { registerDebugBug } from '../../src/cli/commands/debug-bug.js';
import { processIO, renderError } from '../../src/cli/io.js';

const program = new Command().exitOverride();
let code = 0;
registerDebugBug(program, { ...processIO, interactive: false }, (c) => (code = c));
try {
  await program.parseAsync(['debug-bug', ...process.argv.slice(2)], { from: 'user' });
} catch (e) {
  code = renderError(processIO, e);
}
process.exitCode = code;
