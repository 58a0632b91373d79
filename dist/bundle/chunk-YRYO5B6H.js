import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/adapters/process/group.ts
import { spawn } from "node:child_process";

// src/adapters/process/env.ts
var EXACT = /* @__PURE__ */ new Set([
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "LANG",
  "LANGUAGE",
  "TZ",
  "TERM",
  "TMPDIR",
  "TMP",
  "TEMP",
  "RUSTFLAGS",
  "RUSTDOCFLAGS",
  "RUSTDOC",
  "RUST_BACKTRACE",
  "RUST_LIB_BACKTRACE",
  "RUST_LOG",
  "RUST_MIN_STACK",
  "RUST_TEST_THREADS",
  "RUST_SRC_PATH",
  "CC",
  "CXX",
  "AR",
  "LD",
  "RANLIB",
  "CFLAGS",
  "CXXFLAGS",
  "CPPFLAGS",
  "LDFLAGS",
  "ARFLAGS",
  "LD_LIBRARY_PATH",
  "LIBRARY_PATH",
  "CPATH",
  "C_INCLUDE_PATH",
  "CPLUS_INCLUDE_PATH",
  "DYLD_LIBRARY_PATH",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "ALL_PROXY",
  "all_proxy",
  "SOURCE_DATE_EPOCH",
  "CI",
  "XDG_CACHE_HOME",
  "XDG_CONFIG_HOME",
  "XDG_DATA_HOME",
  "XDG_RUNTIME_DIR",
  "SYSTEMROOT",
  "WINDIR",
  "COMSPEC",
  "PATHEXT",
  "USERPROFILE",
  "APPDATA",
  "LOCALAPPDATA",
  "PROGRAMDATA"
]);
var PREFIXES = ["CARGO_", "RUSTUP_", "RUSTC", "LC_", "PKG_CONFIG", "NEXTEST_", "CC_", "CXX_", "AR_", "CFLAGS_", "CXXFLAGS_", "TARGET_", "HOST_", "SCCACHE_"];
var SECRET = /(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|(^|_)KEY($|_)|API_?KEY|AUTH)/i;
function allowedToolVar(name) {
  if (SECRET.test(name)) return false;
  return EXACT.has(name) || PREFIXES.some((p) => name.startsWith(p));
}
function toolEnv(extra = {}, base = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(base)) if (v !== void 0 && allowedToolVar(k)) out[k] = v;
  for (const [k, v] of Object.entries(extra)) {
    if (v === void 0) delete out[k];
    else out[k] = v;
  }
  return out;
}

// src/adapters/process/group.ts
var DEFAULT_MAX_BUFFER = 100 * 1024 * 1024;
function stripFinalNewline(s) {
  return s.endsWith("\r\n") ? s.slice(0, -2) : s.endsWith("\n") ? s.slice(0, -1) : s;
}
function collect(stream, max, over) {
  const parts = [];
  let n = 0;
  let overflowed = false;
  stream.on("data", (b) => {
    if (overflowed) return;
    n += b.length;
    if (n > max) {
      overflowed = true;
      parts.push(b.subarray(0, Math.max(0, b.length - (n - max))));
      over();
    } else parts.push(b);
  });
  return () => Buffer.concat(parts).toString("utf8");
}
var live = /* @__PURE__ */ new Set();
var isPosix = process.platform !== "win32";
var exitHookInstalled = false;
function killGroup(pgid, sig) {
  try {
    process.kill(-pgid, sig);
  } catch {
  }
}
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const g of live) killGroup(g, "SIGKILL");
  });
}
function startWatchdog(pgid) {
  if (!isPosix) return null;
  try {
    const script = 'while kill -0 "$1" 2>/dev/null; do sleep 0.2; done; kill -TERM "-$2" 2>/dev/null; sleep 1; kill -KILL "-$2" 2>/dev/null';
    const w = spawn("/bin/sh", ["-c", script, "rustgate-watchdog", String(process.pid), String(pgid)], { detached: true, stdio: "ignore", env: { PATH: process.env.PATH ?? "/usr/bin:/bin" } });
    w.on("error", () => void 0);
    w.unref();
    return () => {
      if (w.pid !== void 0) killGroup(w.pid, "SIGKILL");
    };
  } catch {
    return null;
  }
}
function startTool(cmd, args, opts = {}) {
  const command = [cmd, ...args].join(" ");
  const raw = spawn(cmd, args, {
    ...opts.cwd !== void 0 ? { cwd: opts.cwd } : {},
    env: toolEnv(opts.env ?? {}, opts.baseEnv ?? process.env),
    detached: isPosix,
    stdio: [opts.input !== void 0 || opts.stdin === "pipe" ? "pipe" : "ignore", "pipe", "pipe"]
  });
  const pgid = isPosix ? raw.pid : void 0;
  let timedOut = false;
  let overflow = false;
  let spawnError;
  let stopWatchdog = null;
  const max = opts.maxBuffer ?? DEFAULT_MAX_BUFFER;
  const onOverflow = () => {
    if (overflow) return;
    overflow = true;
    void stop();
  };
  const buffered = opts.buffer !== false;
  const outText = buffered ? collect(raw.stdout, max, onOverflow) : () => "";
  const errText = buffered ? collect(raw.stderr, max, onOverflow) : () => "";
  if (raw.stdin !== null && raw.stdin !== void 0) {
    raw.stdin.on("error", () => void 0);
    if (opts.input !== void 0) raw.stdin.end(opts.input);
  }
  const result = new Promise((resolve) => {
    let settled = false;
    const finish = (code, signal) => {
      if (settled) return;
      settled = true;
      const exitCode = spawnError !== void 0 || code === null ? void 0 : code;
      const failed = spawnError !== void 0 || timedOut || overflow || signal !== null || exitCode !== 0;
      const why = spawnError !== void 0 ? spawnError.message : timedOut ? "timed out" : overflow ? `printed more than ${max} bytes` : signal !== null ? `killed by ${signal}` : `exit code ${String(exitCode)}`;
      resolve({
        command,
        exitCode,
        signal: signal ?? void 0,
        stdout: stripFinalNewline(outText()),
        stderr: stripFinalNewline(errText()),
        failed,
        timedOut,
        ...spawnError?.code !== void 0 ? { code: spawnError.code } : {},
        message: failed ? `Command failed (${why}): ${command}` : ""
      });
    };
    raw.on("error", (e) => {
      spawnError ??= e;
      if (raw.pid === void 0) setImmediate(() => finish(null, null));
    });
    raw.on("close", (code, signal) => finish(code, signal));
  });
  const child = Object.assign(raw, {
    then: result.then.bind(result),
    catch: result.catch.bind(result),
    finally: result.finally.bind(result)
  });
  if (pgid !== void 0) {
    live.add(pgid);
    installExitHook();
    stopWatchdog = startWatchdog(pgid);
  }
  const exited = result.then(() => void 0);
  const stop = async () => {
    if (pgid !== void 0) killGroup(pgid, "SIGTERM");
    else raw.kill("SIGTERM");
    let t;
    await Promise.race([exited, new Promise((r) => t = setTimeout(r, opts.graceMs ?? 2e3))]);
    clearTimeout(t);
    if (pgid !== void 0) killGroup(pgid, "SIGKILL");
    else raw.kill("SIGKILL");
    await exited;
  };
  let timer;
  if (opts.timeoutMs !== void 0) {
    timer = setTimeout(() => {
      timedOut = true;
      void stop();
    }, opts.timeoutMs);
  }
  void exited.then(() => {
    clearTimeout(timer);
    if (pgid !== void 0) {
      killGroup(pgid, "SIGKILL");
      live.delete(pgid);
    }
    stopWatchdog?.();
  });
  return { child, pgid, timedOut: () => timedOut, stop };
}
async function runTool(cmd, args, opts = {}) {
  return startTool(cmd, args, opts).child;
}

export {
  startTool,
  runTool
};
