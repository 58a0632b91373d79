// `context --for CODE` on the whole workspace: broken code that is already committed is found (not only changed
// files), the error carries its ISG key, and the trait the error names is packed as a definition after the seed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../validate-fix/helpers.js';
import { git, makeRepo } from './helpers.js';

describe('context --for CODE', () => {
  it('finds a committed error, keys it, and packs the named trait right after the seed', async () => {
    const repo = await makeRepo('two-errors');
    // Leave only the E0599 (a trait method without its import), committed: the working tree has no change.
    const jobs = path.join(repo, 'src/jobs.rs');
    await writeFile(jobs, (await readFile(jobs, 'utf8')).replace("u64 + 'static,", "u64 + Send + 'static,"));
    await git(repo, 'commit', '-q', '-am', 'send');
    expect(await git(repo, 'status', '--porcelain')).toBe('');
    const r = await runCli(['context', '--for', 'E0599', '--budget', '3000', '--json', '--repo', repo]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { errors: { key: string | null }[]; seeds: string[]; definitions: string[]; slices: { key: string; role: string }[] };
    expect(j.errors[0]?.key).toBe('src/report.rs-report-total');
    expect(j.seeds).toEqual(['src/report.rs-report-total']);
    expect(j.slices[0]).toMatchObject({ key: 'src/report.rs-report-total', role: 'seed' });
    expect(j.definitions).toContain('src/pricing.rs-pricing-Line');
    const roles = j.slices.map((s) => s.role);
    const lastDefinition = roles.lastIndexOf('definition');
    const firstNeighbor = roles.indexOf('neighbor');
    expect(firstNeighbor === -1 || lastDefinition < firstNeighbor).toBe(true);
  }, 120_000);
});
