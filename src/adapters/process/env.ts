/**
 * The environment of every Rust tool rustgate starts (cargo, rustc, rustdoc, tests, nextest, rust-analyzer): an
 * allow-list, so credentials in rustgate's own environment (GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN, INPUT_*, a cloud
 * key) never reach a build script, a proc macro or a test of the code being checked. The list is in the README
 * ("Environment of cargo and friends"); anything else is dropped.
 */

/** Variables passed through by exact name. */
const EXACT = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LANGUAGE', 'TZ', 'TERM',
  'TMPDIR', 'TMP', 'TEMP',
  'RUSTFLAGS', 'RUSTDOCFLAGS', 'RUSTDOC', 'RUST_BACKTRACE', 'RUST_LIB_BACKTRACE', 'RUST_LOG', 'RUST_MIN_STACK', 'RUST_TEST_THREADS', 'RUST_SRC_PATH',
  'CC', 'CXX', 'AR', 'LD', 'RANLIB', 'CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS', 'ARFLAGS',
  'LD_LIBRARY_PATH', 'LIBRARY_PATH', 'CPATH', 'C_INCLUDE_PATH', 'CPLUS_INCLUDE_PATH', 'DYLD_LIBRARY_PATH',
  'SSL_CERT_FILE', 'SSL_CERT_DIR',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'ALL_PROXY', 'all_proxy',
  'SOURCE_DATE_EPOCH', 'CI',
  'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_RUNTIME_DIR',
  'SYSTEMROOT', 'WINDIR', 'COMSPEC', 'PATHEXT', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA',
]);

/** Variables passed through by prefix (toolchain and C toolchain configuration). */
const PREFIXES = ['CARGO_', 'RUSTUP_', 'RUSTC', 'LC_', 'PKG_CONFIG', 'NEXTEST_', 'CC_', 'CXX_', 'AR_', 'CFLAGS_', 'CXXFLAGS_', 'TARGET_', 'HOST_', 'SCCACHE_'];

/** Never passed, even when a prefix matches: anything that looks like a credential. */
const SECRET = /(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|(^|_)KEY($|_)|API_?KEY|AUTH)/i;

/** True when `name` may be passed to a Rust tool. */
export function allowedToolVar(name: string): boolean {
  if (SECRET.test(name)) return false;
  return EXACT.has(name) || PREFIXES.some((p) => name.startsWith(p));
}

/**
 * The allow-listed environment for a Rust tool: the allowed variables of `base` (default process.env), then
 * `extra` (rustgate's own settings such as CARGO_TARGET_DIR, trusted and passed as given). Use with
 * `extendEnv: false` so nothing else is inherited.
 */
export function toolEnv(extra: Readonly<Record<string, string | undefined>> = {}, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && allowedToolVar(k)) out[k] = v;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** GitHub Actions' runtime and inputs: never passed to anything rustgate starts. */
const CI_RUNTIME = /^(INPUT_|ACTIONS_|GITHUB_|RUNNER_)/;

/** Node's own settings the CLI needs when something (the Action) starts it as a child. */
const NODE_VARS = new Set(['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'SHELL']);

/**
 * The environment of a rustgate CLI child (the Action runs the CLI that way): what a Rust tool may see, plus
 * rustgate's own `RUSTGATE_*` settings (the model source's key among them — the CLI keeps it from cargo with
 * `toolEnv`) and Node's settings; never GitHub's runtime, inputs or tokens. `extra` is added as given.
 */
export function cliEnv(extra: Readonly<Record<string, string>> = {}, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) {
    if (v === undefined || CI_RUNTIME.test(k)) continue;
    if (k.startsWith('RUSTGATE_') || NODE_VARS.has(k) || allowedToolVar(k)) out[k] = v;
  }
  return { ...out, ...extra };
}
