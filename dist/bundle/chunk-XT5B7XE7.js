import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  ExitCode,
  isRustgateError
} from "./chunk-LM6P7DGY.js";

// src/cli/io.ts
var processIO = {
  out: (text) => void process.stdout.write(text.endsWith("\n") ? text : `${text}
`),
  err: (text) => void process.stderr.write(text.endsWith("\n") ? text : `${text}
`),
  interactive: Boolean(process.stderr.isTTY) && process.env.CI !== "true"
};
function printJson(io, value) {
  io.out(JSON.stringify(value, null, 2));
}
function renderError(io, e) {
  if (isRustgateError(e)) {
    io.err(`rustgate: error[${e.code}]: ${e.message}`);
    if (e.hint) io.err(`  hint: ${e.hint}`);
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.err(`rustgate: internal error: ${err.message}`);
  if (err.stack) io.err(err.stack.split("\n").slice(1, 8).join("\n"));
  io.err("  This is a bug in rustgate. Please report it with the command you ran and the output above.");
  return ExitCode.Internal;
}

export {
  processIO,
  printJson,
  renderError
};
