import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";

// src/adapters/git/run.ts
import { spawn } from "node:child_process";
var GIT_ENV = {
  GIT_OPTIONAL_LOCKS: "0",
  GIT_TERMINAL_PROMPT: "0",
  LC_ALL: "C"
};
function missingGit(cause) {
  return new RustgateError("NOT_A_GIT_REPO", "git is not installed or not on PATH", "install git and retry", { cause });
}
function commandText(args) {
  return ["git", ...args].map((a) => /^[\w./:=@^~+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`).join(" ");
}
function runGit(cwd, args, input, env, maxBytes, baseEnv = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, env: { ...baseEnv, ...env }, stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"] });
    const { stdout, stderr } = child;
    const out = [];
    const err = [];
    let outBytes = 0;
    let errBytes = 0;
    let overflow = false;
    stdout.on("data", (b) => {
      outBytes += b.length;
      if (outBytes > maxBytes) {
        overflow = true;
        child.kill("SIGKILL");
      } else out.push(b);
    });
    stderr.on("data", (b) => {
      errBytes += b.length;
      if (errBytes <= 1024 * 1024) err.push(b);
    });
    child.on("error", (e) => reject(e.code === "ENOENT" ? missingGit(e) : e));
    child.on("close", (code, signal) => {
      if (overflow) reject(new RustgateError("INTERNAL", `${commandText(args)} printed more than ${maxBytes} bytes`, "report this with the size of the repository"));
      else resolve({ exitCode: code ?? (signal !== null ? 128 : -1), stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
    if (input !== void 0 && child.stdin !== null) {
      child.stdin.on("error", () => void 0);
      child.stdin.end(input);
    }
  });
}
async function git(cwd, args, input, opts = {}) {
  const r = await runGit(cwd, args, input, opts.env ? { ...GIT_ENV, ...opts.env } : GIT_ENV, 1024 * 1024 * 1024, opts.baseEnv);
  return { exitCode: r.exitCode, stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8"), command: commandText(args) };
}
async function gitBuffer(cwd, args, input) {
  const r = await runGit(cwd, args, input, GIT_ENV, 2 * 1024 * 1024 * 1024 - 1);
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr.toString("utf8") };
}
async function gitOk(cwd, args, input, opts = {}) {
  const r = await git(cwd, args, input, opts);
  if (r.exitCode !== 0) {
    throw new RustgateError("INTERNAL", `${r.command} failed (exit ${r.exitCode}): ${r.stderr.trim()}`, "report this with the output of `git status`");
  }
  return r.stdout;
}
function splitZ(s) {
  const parts = s.split("\0");
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

export {
  git,
  gitBuffer,
  gitOk,
  splitZ
};
