/**
 * Child processes of Rust tools get an allow-listed environment (src/adapters/process/env.ts) and run in their own
 * process group that ends with rustgate, even when rustgate is SIGKILLed (src/adapters/process/group.ts).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { cargoCheck } from '../../src/adapters/cargo/check.js';
import { runTests } from '../../src/adapters/cargo/test-runner.js';
import { allowedToolVar, cliEnv, toolEnv } from '../../src/adapters/process/env.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const SECRETS = {
  GITHUB_TOKEN: 'ghs_secret',
  ACTIONS_RUNTIME_TOKEN: 'rt_secret',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id_secret',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example',
  'INPUT_GITHUB-TOKEN': 'input_secret',
  AWS_SECRET_ACCESS_KEY: 'aws_secret',
  CARGO_REGISTRY_TOKEN: 'crates_secret',
};

function fixture(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-envprobe-'));
  cpSync(path.join(HERE, '../fixtures/process/envprobe'), dir, { recursive: true });
  return dir;
}

const saved: Record<string, string | undefined> = {};
function setSecrets(): void {
  for (const [k, v] of Object.entries(SECRETS)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
}
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('toolEnv: the allow-list', () => {
  it('keeps the toolchain and system variables and drops credentials and CI variables', () => {
    const base = {
      PATH: '/bin', HOME: '/h', USER: 'u', LANG: 'C.UTF-8', LC_ALL: 'C', TMPDIR: '/t', CARGO_HOME: '/c', CARGO_TARGET_DIR: '/x', RUSTUP_TOOLCHAIN: 'stable',
      RUSTC_WRAPPER: 'sccache', RUSTFLAGS: '-Dwarnings', RUSTDOCFLAGS: '', RUST_BACKTRACE: '1', RUST_LOG: 'info', CC: 'cc', CXX: 'c++', AR: 'ar', PKG_CONFIG_PATH: '/p',
      GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/r', NODE_OPTIONS: '--x', RUSTGATE_TEST_PAUSE_AFTER_WRITE_MS: '5', SSH_AUTH_SOCK: '/s', ...SECRETS,
    };
    const env = toolEnv({ CARGO_TARGET_DIR: '/mine' }, base);
    expect(Object.keys(env).sort()).toEqual(
      ['AR', 'CARGO_HOME', 'CARGO_TARGET_DIR', 'CC', 'CXX', 'HOME', 'LANG', 'LC_ALL', 'PATH', 'PKG_CONFIG_PATH', 'RUSTC_WRAPPER', 'RUSTDOCFLAGS', 'RUSTFLAGS', 'RUSTUP_TOOLCHAIN', 'RUST_BACKTRACE', 'RUST_LOG', 'TMPDIR', 'USER'].sort(),
    );
    expect(env.CARGO_TARGET_DIR).toBe('/mine');
    for (const k of ['CARGO_REGISTRY_TOKEN', 'CARGO_REGISTRIES_MY_TOKEN', 'SCCACHE_AWS_SECRET', 'MY_API_KEY', 'CARGO_HTTP_AUTH']) expect(allowedToolVar(k)).toBe(false);
  });
});

describe('cliEnv: a rustgate CLI child (the Action\'s)', () => {
  it('adds RUSTGATE_* and Node settings to the tool list and never passes GitHub runtime, inputs or credentials', () => {
    const base = {
      PATH: '/bin', HOME: '/h', CARGO_HOME: '/c', RUSTUP_TOOLCHAIN: 'stable', NODE_OPTIONS: '--x', NODE_EXTRA_CA_CERTS: '/ca.pem',
      RUSTGATE_MODEL: 'm.gguf', RUSTGATE_OPENAI_API_KEY: 'rg-key', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/r',
      SSH_AUTH_SOCK: '/s', MY_DEPLOY_TOKEN: 'deploy', ...SECRETS,
    };
    const env = cliEnv({ RUSTGATE_DIR: '/d' }, base);
    expect(Object.keys(env).sort()).toEqual(['CARGO_HOME', 'HOME', 'NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS', 'PATH', 'RUSTGATE_DIR', 'RUSTGATE_MODEL', 'RUSTGATE_OPENAI_API_KEY', 'RUSTUP_TOOLCHAIN'].sort());
    // The model key reaches the CLI (its model source needs it) but not a Rust tool the CLI starts.
    expect(toolEnv({}, env).RUSTGATE_OPENAI_API_KEY).toBeUndefined();
  });
});

describe('cargo children never see rustgate\'s credentials', () => {
  it('a build script sees no GITHUB_TOKEN / ACTIONS_* / INPUT_* / *_SECRET* / *_TOKEN, but does see PATH and CARGO_*', async () => {
    const dir = fixture();
    setSecrets();
    const r = await cargoCheck({ cwd: dir, targetDir: path.join(dir, 'target') });
    expect(r.exitCode).toBe(0);
    const seen = readFileSync(path.join(dir, 'build-env.txt'), 'utf8').split('\n');
    for (const k of Object.keys(SECRETS)) expect(seen).not.toContain(k);
    expect(seen.filter((n) => /TOKEN|SECRET|^INPUT_|^ACTIONS_|^GITHUB_/.test(n))).toEqual([]);
    expect(seen).toContain('PATH');
    expect(seen).toContain('CARGO_MANIFEST_DIR');
  });

  it('the tests (nextest and the doctest run) see none either', async () => {
    const dir = fixture();
    setSecrets();
    const r = await runTests({ cwd: dir, targetDir: path.join(dir, 'target'), packages: ['envprobe'], timeoutMs: 180_000 });
    expect(r.failedTests).toEqual([]);
    expect({ ok: r.ok, ran: r.ran, passed: r.passed }).toEqual({ ok: true, ran: 1, passed: 1 });
  });
});

/** Live processes whose command line mentions `needle`. */
function processesMentioning(needle: string): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      if (readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(needle)) out.push(Number(e));
    } catch {
      // gone
    }
  }
  return out;
}

describe('process group', () => {
  it('a SIGKILLed rustgate leaves no cargo, rustc or build script running', async () => {
    const dir = fixture();
    writeFileSync(path.join(dir, 'sleep'), '');
    const target = path.join(dir, 'target-kill');
    const child = execa(process.execPath, ['--import', 'tsx', path.join(HERE, 'check-then-hang.ts'), dir, target], { cwd: ROOT, reject: false });
    const deadline = Date.now() + 120_000;
    while (!existsSync(path.join(dir, 'build-env.txt')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(path.join(dir, 'build-env.txt'))).toBe(true);
    // cargo and the sleeping build script are running now.
    expect(processesMentioning(target).length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await child;
    const gone = Date.now() + 5_000;
    while (processesMentioning(target).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    expect(processesMentioning(target)).toEqual([]);
  });
});
