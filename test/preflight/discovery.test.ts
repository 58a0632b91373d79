/** Issue 12 item 7: every command finds the same workspace — and the same `.rustgate/` — from the root, a subdirectory or a member crate. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspaceDir, locateWorkspaceRoot } from '../../src/adapters/cargo/metadata.js';
import { breakSend, cli, CORE_LIB, git, makeRepo, read, SPAWN_KEY, write } from './helpers.js';

describe('one workspace discovery', () => {
  it('build-isg, isg, preflight and debug-bug agree from a member crate and a subdirectory', async () => {
    const { top, ws } = await makeRepo();
    const member = path.join(ws, 'crates/core');
    const sub = path.join(ws, 'crates/core/src');
    const counts: number[] = [];
    for (const dir of [ws, member, sub]) {
      const r = await cli(['build-isg', '--json', '--repo', dir]);
      expect(r.code, r.err).toBe(0);
      counts.push((JSON.parse(r.out) as { nodes: number }).nodes);
      const show = await cli(['isg', 'show', SPAWN_KEY, '--json', '--repo', dir]);
      expect(show.code, show.err).toBe(0);
      expect(JSON.parse(show.out)).toMatchObject({ key: SPAWN_KEY, file: CORE_LIB });
    }
    expect(new Set(counts).size).toBe(1);
    expect(existsSync(path.join(member, '.rustgate'))).toBe(false);
    expect(existsSync(path.join(sub, '.rustgate'))).toBe(false);

    write(ws, CORE_LIB, breakSend(read(ws, CORE_LIB)));
    await git(top, 'add', CORE_LIB);
    const pf = await cli(['preflight', '--staged', '--format', 'json', '--repo', member]);
    expect(pf.code).toBe(1);
    const db = await cli(['debug-bug', '--json', '--repo', member]);
    const report = JSON.parse(db.out) as { status: string; errors: Array<{ code: string | null; file: string | null; isg_key: string | null }> };
    expect(report.errors[0]).toMatchObject({ code: 'E0277', file: CORE_LIB, isg_key: SPAWN_KEY });
    expect(report.status).toBe('proposed');
    expect(existsSync(path.join(member, '.rustgate'))).toBe(false);
  }, 300_000);

  it('locates the root like cargo: [workspace] above, an excluded package is its own root, NO_CARGO_TOML outside', async () => {
    const { ws } = await makeRepo();
    expect(locateWorkspaceRoot(path.join(ws, 'crates/app/src'), ws)).toBe(ws);
    write(ws, 'tools/solo/Cargo.toml', '[package]\nname = "solo"\nversion = "0.1.0"\n');
    write(ws, 'Cargo.toml', `${read(ws, 'Cargo.toml').replace('[workspace]\n', '[workspace]\nexclude = ["tools/solo"]\n')}`);
    expect(locateWorkspaceRoot(path.join(ws, 'tools/solo'), ws)).toBe(path.join(ws, 'tools/solo'));
    expect(locateWorkspaceRoot(path.join(ws, 'README.md'), ws)).toBe(ws);
    expect(() => checkWorkspaceDir(path.dirname(ws))).toThrow(/no Cargo.toml|not a directory/);
  });
});
