// End to end: the bundled Action runs the REAL bundled rustgate CLI (dist/bundle/, from a clean action root with no
// node_modules and no install step) for preflight and debug-bug (real git, real cargo) on a
// temp repository whose PR head breaks a std-only crate, and posts to the OpenAPI-validating fake GitHub.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { buildBundle, makePrRepo, prPatches, pullRequestPayload, runAction } from './harness.js';

const TOKEN = 'ghs_rustgateE2eToken9876543210abcdef';
let bundle = '';
let repo: { dir: string; base: string; head: string };
let gh: FakeGitHub;

beforeAll(async () => {
  bundle = await buildBundle();
  repo = await makePrRepo('head');
  gh = await startFakeGitHub(TOKEN, {
    headSha: repo.head,
    files: await prPatches(repo.dir, repo.base, repo.head),
    commentable: new Map([
      ['src/lib.rs', new Set([22, 23, 24, 25, 26, 27, 28])],
      ['src/report.rs', new Set([15, 16, 17, 18, 19, 20, 21, 22])],
    ]),
  });
});
afterAll(async () => {
  await gh.close();
});

async function gitStatus(dir: string): Promise<string> {
  return String((await execa('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir })).stdout);
}

describe('the Action with the real CLI', () => {
  it('preflight: real cargo errors become annotations, summary rows and SARIF', async () => {
    const run = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 7, base: repo.base, head: repo.head }),
      inputs: { 'github-token': TOKEN },
      env: { RUSTGATE_CLI: '' },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    // The ISG part of the title appears once the graph store is wired; file, line and column are exact.
    expect(run.stdout).toMatch(/::error title=rustgate E0277( in src\/lib\.rs-lib-run_job)?,file=src\/lib\.rs,line=27,col=19::`F` cannot be sent between threads safely/);
    expect(run.stdout).toMatch(/::error title=rustgate E0599( in src\/report\.rs-report-total)?,file=src\/report\.rs,line=21,col=28::no method named `price` found for reference `&Item` in the current scope/);
    expect(run.outputs).toMatchObject({ ok: 'false', errors: '2', warnings: '0', 'sarif-file': join(repo.dir, 'rustgate.sarif') });
    expect(run.summary).toContain('| ISG node | code | message | blast radius |');
    expect(run.summary).toMatch(/\| E0277 \| `F` cannot be sent between threads safely<br>`src\/lib\.rs:27:19` \|/);
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'rustgate.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((r) => r.ruleId).sort()).toEqual(['E0277', 'E0599']);
    // Only the SARIF file the Action was asked to write is new; rustgate's own data stays in the ignored .rustgate/.
    expect(await gitStatus(repo.dir)).toBe('?? rustgate.sarif');
  });

  it('fix: the real debug-bug candidate becomes one review with a suggestion on the PR line', async () => {
    const run = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 7, base: repo.base, head: repo.head }),
      inputs: { mode: 'fix', 'github-token': TOKEN },
      apiUrl: gh.url,
      env: { RUSTGATE_CLI: '' },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ fixed: 'true', 'review-id': '1000' });
    expect(gh.requests.map((r) => r.operationId)).toEqual(['pulls/list-files', 'pulls/list-review-comments', 'pulls/list-reviews', 'pulls/create-review']);
    expect(gh.problems()).toEqual([]);
    const review = gh.requests[3]?.body as { commit_id: string; body: string; comments: Array<{ path: string; line: number; side: string; body: string }> };
    expect(review.commit_id).toBe(repo.head);
    expect(review.comments.map((c) => [c.path, c.line, c.side])).toEqual([['src/lib.rs', 25, 'RIGHT']]);
    expect(review.comments[0]?.body).toMatch(/```suggestion\n {4}F: FnOnce\(\) -> u64 \+ [^\n]*Send[^\n]*,\n```/);
    expect(review.comments[0]?.body).toContain('validation **Cargo_OK**');
    // The trait import lands at the top of report.rs, outside the PR's hunks: it goes into the body.
    expect(review.body).toMatch(/```diff\n--- a\/src\/report\.rs\n\+\+\+ b\/src\/report\.rs\n@@ [^\n]+ @@\n[^`]*\+use crate::Priced;/);
    // The run's KPIs from the real `stats`: one run, one proposal, a measured time to the safe fix.
    expect(run.summary).toContain('| runs / fixes applied / proposals | 1 / 0 / 1 |');
    expect(run.summary).toMatch(/\| time to a safe fix p50 \/ p95 \| \d+ ms \/ \d+ ms \|/);
    // debug-bug never applies from the Action: the checkout is untouched (apart from the earlier SARIF).
    expect(await gitStatus(repo.dir)).toBe('?? rustgate.sarif');
    expect(run.stdout.split('\n').filter((l) => l !== `::add-mask::${TOKEN}`).join('\n')).not.toContain(TOKEN);
  });
});
