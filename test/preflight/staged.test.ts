import { existsSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { APP_LIB, CORE_LIB, LOAD_PROBE, PROJECT_ROOT, SPAWN_KEY, breakSend, cliProcess, git, makeRepo, preflightJson, read, untouched, write } from './helpers.js';

describe('preflight --staged checks exactly the index', () => {
  it('fails on a staged broken change with the rustc code and the ISG key', async () => {
    const { top, ws } = await makeRepo();
    write(ws, CORE_LIB, breakSend(read(ws, CORE_LIB)));
    await git(top, 'add', CORE_LIB);
    const { code, json } = await preflightJson(top, ws, '--staged');
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    expect(json.scope).toBe('staged');
    expect(json.changed_files).toEqual([CORE_LIB]);
    const errors = json.diagnostics.filter((d) => d.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'E0277', file: CORE_LIB, line: 8, column: 19 });
    expect(errors[0]?.isg).toEqual({ key: SPAWN_KEY, kind: 'fn', name: 'spawn_worker' });
    // compute() calls spawn_worker (hop 1); report() and the test call compute (hop 2).
    expect(errors[0]?.blast_radius).toEqual(['crates/app/src/lib.rs-lib-compute', 'crates/app/src/lib.rs-lib-report', 'crates/app/src/lib.rs-lib-tests::answer']);
    expect(json.tests).toBeNull();
    expect(json.ms.cargo).toBeGreaterThan(0);
    expect(json.ms.total).toBeGreaterThanOrEqual(json.ms.cargo);
  });

  it('passes when the staged content is clean even though the working tree is broken', async () => {
    const { top, ws } = await makeRepo();
    write(ws, APP_LIB, `${read(ws, APP_LIB)}\n/// Staged and fine.\npub fn extra() -> u64 { pf_core::double(1) }\n`);
    await git(top, 'add', APP_LIB);
    write(ws, APP_LIB, `${read(ws, APP_LIB)}\npub fn broken() -> u64 { "not a number" }\n`);
    const { code, json } = await preflightJson(top, ws, '--staged');
    expect(code).toBe(0);
    expect(json.ok).toBe(true);
    expect(json.changed_files).toEqual([APP_LIB]);
    expect(json.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    // Nothing to map: the ISG of the shadow tree was not even built; cargo used the persistent target dir.
    expect(existsSync(path.join(ws, '.rustgate/shadow-store'))).toBe(false);
    expect(existsSync(path.join(ws, '.rustgate/target/debug'))).toBe(true);
  });

  it('ignores an unrelated broken unstaged file when the staged change is clean', async () => {
    const { top, ws } = await makeRepo();
    write(ws, APP_LIB, read(ws, APP_LIB).replace('double(21)', 'double(20) + 2'));
    await git(top, 'add', APP_LIB);
    write(ws, CORE_LIB, breakSend(read(ws, CORE_LIB)));
    write(ws, 'crates/core/src/scratch.rs', 'this is not rust\n');
    const { code, json } = await preflightJson(top, ws);
    expect(code).toBe(0);
    expect(json.changed_files).toEqual([APP_LIB]);
    expect(json.diagnostics).toEqual([]);
    // The shadow holds the index version of the core lib, not the broken working copy.
    expect(read(ws, `.rustgate/shadow/${CORE_LIB}`)).toContain('+ Send +');
    expect(existsSync(path.join(ws, '.rustgate/shadow/crates/core/src/scratch.rs'))).toBe(false);
  });

  it('checks only the staged hunk of a partially staged file', async () => {
    const { top, ws } = await makeRepo();
    const original = read(ws, CORE_LIB);
    const good = original.replace('//! Worker helpers used by pf-app.\n', '//! Worker helpers used by pf-app.\n\n/// Added and fine.\npub fn halve(x: u64) -> u64 {\n    x / 2\n}\n');
    const both = `${good}\n/// Broken.\npub fn broken() -> u64 {\n    "text"\n}\n`;
    write(ws, CORE_LIB, both);
    const patch = await git(top, 'diff', '-U0', CORE_LIB);
    const hunks = patch.split(/(?=^@@)/m);
    const header = hunks[0] ?? '';
    expect(hunks).toHaveLength(3); // header + two hunks
    // Stage only the first (good) hunk.
    write(top, 'good.patch', `${header}${hunks[1]}`);
    await git(top, 'apply', '--cached', '--unidiff-zero', 'good.patch');
    await git(top, 'rm', '-q', '--cached', '--ignore-unmatch', 'good.patch');
    const first = await preflightJson(top, ws);
    expect(first.code).toBe(0);
    expect(first.json.changed_files).toEqual([CORE_LIB]);
    // Now stage only the second (broken) hunk on top of HEAD.
    await git(top, 'reset', '-q');
    write(top, 'bad.patch', `${header}${hunks[2]}`.replace(/^@@ -(\d+),0 \+(\d+),(\d+) @@/m, (_m, a: string, _b: string, n: string) => `@@ -${a},0 +${Number(a) + 1},${n} @@`));
    await git(top, 'apply', '--cached', '--unidiff-zero', 'bad.patch');
    const second = await preflightJson(top, ws);
    expect(second.code).toBe(1);
    const err = second.json.diagnostics.find((d) => d.level === 'error');
    // Index line numbers (no `halve` above it): the string literal sits at line 18 of the staged file.
    expect(err).toMatchObject({ code: 'E0308', file: CORE_LIB, line: 18 });
    expect(err?.isg?.key).toBe('crates/core/src/lib.rs-lib-broken');
  });

  it('handles a staged rename, then a staged delete that breaks the module tree', async () => {
    const { top, ws } = await makeRepo();
    await git(top, 'mv', 'crates/core/src/util.rs', 'crates/core/src/helpers.rs');
    write(ws, CORE_LIB, read(ws, CORE_LIB).replace('pub mod util;', 'pub mod helpers;'));
    await git(top, 'add', CORE_LIB);
    const renamed = await preflightJson(top, ws);
    expect(renamed.code).toBe(0);
    expect(renamed.json.changes).toEqual([
      { path: 'crates/core/src/helpers.rs', status: 'renamed', old_path: 'crates/core/src/util.rs' },
      { path: CORE_LIB, status: 'modified' },
    ]);
    expect(existsSync(path.join(ws, '.rustgate/shadow/crates/core/src/util.rs'))).toBe(false);
    expect(existsSync(path.join(ws, '.rustgate/shadow/crates/core/src/helpers.rs'))).toBe(true);

    await git(top, 'rm', '-q', '--cached', 'crates/core/src/helpers.rs');
    const deleted = await preflightJson(top, ws);
    expect(deleted.code).toBe(1);
    expect(deleted.json.changes).toContainEqual({ path: 'crates/core/src/util.rs', status: 'deleted' });
    expect(deleted.json.diagnostics.find((d) => d.level === 'error')).toMatchObject({ code: 'E0583', file: CORE_LIB, line: 4 });
    expect(existsSync(path.join(ws, '.rustgate/shadow/crates/core/src/helpers.rs'))).toBe(false);
  });

  it('skips cargo fast when only README.md changed (separate process, no tree-sitter or Cozo loaded)', async () => {
    const { top, ws } = await makeRepo();
    write(ws, 'README.md', '# changed\n');
    await git(top, 'add', 'README.md');
    const r = await untouched(top, () => cliProcess(['preflight', '--repo', ws, '--format', 'json'], {}, [LOAD_PROBE]));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { ok: boolean; skipped: boolean; changed_files: string[]; ms: { total: number; cargo: number } };
    expect(json).toMatchObject({ ok: true, skipped: true, changed_files: ['README.md'], ms: { cargo: 0 } });
    // The run itself (measured inside the process) and the process's own CPU time stay well under a second and a half;
    // the wall time of the whole process also depends on how busy the machine is, so it only gets a looser bound.
    const probe = JSON.parse(/load-probe: (.*)$/m.exec(r.err)?.[1] ?? '{}') as { cpu_ms: number; packages: string[] };
    const timing = `run ${Math.round(json.ms.total)} ms, process CPU ${probe.cpu_ms} ms, wall ${Math.round(r.ms)} ms`;
    expect(json.ms.total, timing).toBeLessThan(1500);
    expect(probe.cpu_ms, timing).toBeLessThan(1500);
    expect(r.ms, timing).toBeLessThan(15_000);
    for (const heavy of ['tree-sitter', 'tree-sitter-rust', 'cozo-lib-wasm', 'node-llama-cpp']) expect(probe.packages).not.toContain(heavy);
    expect(existsSync(path.join(ws, '.rustgate/target'))).toBe(false);
  });

  it('the pre-commit hook with nothing to check loads no package but commander; and neither does a clean .rs commit without rustgate.yaml (no execa, no YAML parser, no validator)', async () => {
    const { top, ws } = await makeRepo();
    write(ws, 'README.md', '# changed\n');
    await git(top, 'add', 'README.md');
    const hook = (): Promise<{ exitCode?: number; stderr: string }> =>
      execa(process.execPath, ['--import', LOAD_PROBE, '--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli.ts'), 'hooks', 'run', 'pre-commit', '--repo', ws], { cwd: PROJECT_ROOT, reject: false });
    const readme = await hook();
    expect(readme.exitCode, readme.stderr).toBe(0);
    const packages = (r: { stderr: string }): string[] =>
      (JSON.parse(/load-probe: (.*)$/m.exec(r.stderr)?.[1] ?? '{}') as { packages: string[] }).packages.filter((p) => p !== 'tsx' && p !== 'esbuild');
    expect(packages(readme)).toEqual(['commander']);
    write(ws, APP_LIB, `${read(ws, APP_LIB)}\n// a comment\n`);
    await git(top, 'add', APP_LIB);
    const rs = await hook();
    expect(rs.exitCode, rs.stderr).toBe(0);
    // cargo ran (through the process module, on node:child_process): still nothing but commander was loaded.
    expect(packages(rs)).toEqual(['commander']);
  });

  it('--version loads no package but commander (separate process)', async () => {
    const r = await execa(process.execPath, ['--import', LOAD_PROBE, '--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli.ts'), '--version'], { cwd: PROJECT_ROOT, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const probe = JSON.parse(/load-probe: (.*)$/m.exec(r.stderr)?.[1] ?? '{}') as { packages: string[] };
    // tsx (and its esbuild) is the test's own TypeScript loader, absent from the built CLI; nothing else may load.
    expect(probe.packages.filter((p) => p !== 'tsx' && p !== 'esbuild')).toEqual(['commander']);
  });
});
