/** The target ledger's rules, table-driven: which files of a copy must get a fresh mtime before cargo runs. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareBuild } from '../../src/app/private-tree/ledger.js';

const files = (o: Record<string, [string, number]>) => new Map(Object.entries(o).map(([p, [id, mtimeMs]]) => [p, { id, mtimeMs }]));

describe('target ledger', () => {
  it('bumps what differs from the last prepared bytes, what predates them, and what comes back after a deletion', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'rg-ledger-')), 'target', 'ledger.json');
    // No ledger yet: everything is bumped, strictly after `now`.
    const first = prepareBuild(file, files({ 'a.rs': ['A', 10], 'b.rs': ['B', 10] }), 1000);
    expect(first).toEqual({ time: 1001, paths: ['a.rs', 'b.rs'] });
    // Same bytes, mtimes now at `since`: nothing to do (the warm case).
    expect(prepareBuild(file, files({ 'a.rs': ['A', 1001], 'b.rs': ['B', 1001] }), 2000).paths).toEqual([]);
    // Another copy with other bytes at a.rs: bumped; b.rs same bytes but an old mtime (written before `since`): bumped.
    expect(prepareBuild(file, files({ 'a.rs': ['A2', 50], 'b.rs': ['B', 50] }), 3000)).toEqual({ time: 3001, paths: ['a.rs', 'b.rs'] });
    // Back to the first copy: a.rs differs again; b.rs is newer than its `since` (1001), so it stays.
    expect(prepareBuild(file, files({ 'a.rs': ['A', 1001], 'b.rs': ['B', 1001] }), 4000).paths).toEqual(['a.rs']);
    // A copy without b.rs, then one with it again: it counts as different.
    expect(prepareBuild(file, files({ 'a.rs': ['A', 4001] }), 5000).paths).toEqual([]);
    expect(prepareBuild(file, files({ 'a.rs': ['A', 4001], 'b.rs': ['B', 9000] }), 6000).paths).toEqual(['b.rs']);
  });
});
