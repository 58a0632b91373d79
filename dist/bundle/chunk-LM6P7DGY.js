import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/core/errors.ts
var ExitCode = {
  Ok: 0,
  Findings: 1,
  Usage: 2,
  Internal: 3
};
function exitCodeFor(code) {
  return code === "INTERNAL" ? ExitCode.Internal : ExitCode.Usage;
}
var RustgateError = class extends Error {
  code;
  hint;
  exitCode;
  constructor(code, message, hint, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "RustgateError";
    this.code = code;
    this.hint = hint;
    this.exitCode = options?.exitCode ?? exitCodeFor(code);
  }
};
function isRustgateError(e) {
  return e instanceof RustgateError || e instanceof Error && e.name === "RustgateError" && "code" in e && "hint" in e;
}

export {
  ExitCode,
  RustgateError,
  isRustgateError
};
