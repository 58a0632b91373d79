// The bundled Action run as GitHub's runner runs it (node dist bundle, INPUT_* env, GITHUB_* files), against a
// local GitHub API that validates every request and response with GitHub's OpenAPI description. The CLI is the
// fake replaying recorded contract JSON (test/fixtures/action/fake-cli.mjs); action-e2e.test.ts uses the real one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { buildBundle, fixedDiff, makePrRepo, prPatches, pullRequestPayload, recordedPreflight, runAction, RECORDED, type ActionRun } from './harness.js';

const TOKEN = 'ghs_rustgateTestToken0123456789ABCDEF';
let bundle = '';

beforeAll(async () => {
  bundle = await buildBundle();
});

/** stdout without the one line that hands the token to the runner for masking. */
function withoutMask(out: string): string {
  return out.split('\n').filter((l) => l !== `::add-mask::${TOKEN}`).join('\n');
}

function expectNoTokenLeak(run: ActionRun): void {
  expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
  expect(withoutMask(run.stdout)).not.toContain(TOKEN);
  expect(run.stderr).not.toContain(TOKEN);
  expect(run.summary).not.toContain(TOKEN);
}

describe('preflight mode', () => {
  it('annotates, summarises, writes SARIF, sets outputs and fails on errors for a PR', async () => {
    const repo = await makePrRepo('head');
    const run = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 7, base: repo.base, head: repo.head }),
      inputs: { 'github-token': TOKEN },
      responses: recordedPreflight(),
    });
    expect(run.cliCalls.map((c) => c.args)).toEqual([
      ['preflight', '--diff', `${repo.base}..${repo.head}`, '--repo', repo.dir, '--format', 'json'],
      ['preflight', '--diff', `${repo.base}..${repo.head}`, '--repo', repo.dir, '--format', 'sarif'],
    ]);
    // The token (and every other input) stays out of the CLI's environment.
    expect(run.cliCalls.map((c) => c.inputVars)).toEqual([[], []]);
    expect(run.stdout).toContain('::error title=rustgate E0277 in src/lib.rs-lib-run_job,file=src/lib.rs,line=27,col=19::`F` cannot be sent between threads safely (blast radius: 1 caller(s))');
    expect(run.stdout).toContain('::error title=rustgate E0599 in src/report.rs-report-total,file=src/report.rs,line=21,col=28::no method named `price` found for reference `&Item` in the current scope\n');
    expect(run.stdout).toContain(`::error::rustgate PreFlight: 2 error(s), 0 warning(s) in ${repo.base.slice(0, 12)}..${repo.head.slice(0, 12)} (fail-on: error).`);
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain('| ISG node | code | message | blast radius |');
    expect(run.summary).toContain('| `src/lib.rs-lib-run_job` (fn) | E0277 |');
    expect(run.summary).toContain('```mermaid\nflowchart LR\n  n0["src/lib.rs-lib-run_job"]:::broken\n  n1["src/lib.rs-lib-doubled"] --> n0\n');
    const sarifPath = join(repo.dir, 'rustgate.sarif');
    expect(readFileSync(sarifPath, 'utf8')).toBe(readFileSync(join(RECORDED, 'preflight-head.sarif'), 'utf8'));
    expect(run.outputs).toEqual({ ok: 'false', errors: '2', warnings: '0', 'sarif-file': sarifPath, fixed: 'false', 'review-id': '' });
    expectNoTokenLeak(run);
  });

  it('passes --tests and --features, honours fail-on never and a custom SARIF path', async () => {
    const repo = await makePrRepo('head');
    const run = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'push',
      payload: { before: repo.base, after: repo.head },
      inputs: { 'fail-on': 'never', tests: 'true', features: 'serde,cli', 'sarif-file': 'out/rg.sarif' },
      responses: recordedPreflight(),
    });
    expect(run.cliCalls[0]?.args).toEqual(['preflight', '--diff', `${repo.base}..${repo.head}`, '--repo', repo.dir, '--tests', '--features', 'serde,cli', '--format', 'json']);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['sarif-file']).toBe(join(repo.dir, 'out/rg.sarif'));
    expect(existsSync(join(repo.dir, 'out/rg.sarif'))).toBe(true);
  });

  it('annotates warnings and fails on them with fail-on warning', async () => {
    const repo = await makePrRepo('head');
    const recorded = JSON.parse(readFileSync(join(RECORDED, 'preflight-head.json'), 'utf8')) as { ok: boolean; diagnostics: Array<Record<string, unknown>> };
    const warning = { level: 'warning', code: 'dead_code', message: 'function `largest` is never used', file: 'src/report.rs', line: 15, column: 8, isg: null, blast_radius: [] };
    const clean = JSON.stringify({ ...recorded, ok: true, diagnostics: [warning] });
    const run = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 7, base: repo.base, head: repo.head }),
      inputs: { 'fail-on': 'warning' },
      responses: { 'preflight:json': { exitCode: 0, stdout: clean }, 'preflight:sarif': { exitCode: 0, stdout: '{"version":"2.1.0","runs":[]}' } },
    });
    expect(run.stdout).toContain('::warning title=rustgate dead_code,file=src/report.rs,line=15,col=8::function `largest` is never used\n');
    expect(run.stdout).toContain('(fail-on: warning).');
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ ok: 'true', errors: '0', warnings: '1' });
  });

  it('exits 0 fast without running rustgate when no Rust file changed', async () => {
    const repo = await makePrRepo('docs-only');
    const run = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 8, base: repo.base, head: repo.head }),
      inputs: {},
    });
    expect(run.exitCode).toBe(0);
    expect(run.cliCalls).toEqual([]);
    expect(run.stdout).toContain('rustgate: no Rust file changed in');
    expect(run.summary).toContain('## rustgate PreFlight: skipped');
    expect(run.outputs).toMatchObject({ ok: 'true', errors: '0', warnings: '0' });
  });

  it('fails once, with the CLI message, when rustgate reports an environment error', async () => {
    const repo = await makePrRepo('head');
    const run = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 7, base: repo.base, head: repo.head }),
      inputs: {},
      responses: { 'preflight:json': { exitCode: 2, stdout: '', stderr: 'rustgate: error[CARGO_MISSING]: cargo not found\n  hint: install rustup\n' } },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::rustgate: `rustgate preflight --diff');
    expect(run.stdout).toContain('exited with 2 (a usage or environment error):%0Arustgate: error[CARGO_MISSING]: cargo not found%0A  hint: install rustup');
    expect(run.cliCalls).toHaveLength(1);
  });

  it('rejects bad inputs with a clear message before doing anything', async () => {
    const repo = await makePrRepo('head');
    const run = await runAction(bundle, { workspace: repo.dir, eventName: 'push', payload: {}, inputs: { mode: 'repair', 'fail-on': 'sometimes' } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("::error::rustgate: invalid input:%0A- input 'mode' is 'repair'; expected one of: preflight, fix, affected%0A- input 'fail-on' is 'sometimes'; expected one of: error, warning, never");
    expect(run.cliCalls).toEqual([]);
  });
});

describe('fix mode', () => {
  let gh: FakeGitHub;
  let repo: { dir: string; base: string; head: string };
  let diff = '';

  beforeAll(async () => {
    repo = await makePrRepo('head');
    diff = await fixedDiff(repo.dir);
    gh = await startFakeGitHub(TOKEN, {
      headSha: repo.head,
      files: await prPatches(repo.dir, repo.base, repo.head),
      // The oracle for GitHub's 422 rule, read off the fixture's diff: RIGHT lines inside each hunk.
      commentable: new Map([
        ['src/lib.rs', new Set([22, 23, 24, 25, 26, 27, 28])],
        ['src/report.rs', new Set([15, 16, 17, 18, 19, 20, 21, 22])],
      ]),
    });
  });
  afterAll(async () => {
    await gh.close();
  });

  const debugBug = (d: string, status = 'proposed', validation = 'Cargo_OK') => ({
    'debug-bug': {
      exitCode: 0,
      stdout: JSON.stringify({
        status,
        errors: [
          { code: 'E0277', file: 'src/lib.rs', line: 27, isg_key: 'src/lib.rs-lib-run_job' },
          { code: 'E0599', file: 'src/report.rs', line: 21, isg_key: 'src/report.rs-report-total' },
        ],
        candidate: { pattern_id: 'restore-send-bound+import-trait', diff: d, confidence: 0.87, validation_status: validation, zero_llm: true, tokens_used: 0, touched_keys: ['src/lib.rs-lib-run_job', 'src/report.rs-report-total'] },
        applied_commit: null,
        report: { rating: 'green', root_cause: 'run_job lost its Send bound; report.rs calls Priced::price without the trait in scope' },
      }),
    },
    // Recorded from the real CLI after one debug-bug run on examples/ledger (weekly trimmed).
    stats: {
      exitCode: 0,
      stdout: JSON.stringify({
        fixes: 0, first_apply_correctness: null, rollback_rate: null, zero_llm_rate: null, tokens_per_fix: { p50: null, p95: null },
        time_to_safe_fix_ms: { p50: 2190, p95: 2190 }, validation_accuracy: null,
        patterns: [{ id: 'rustc_suggestion', tried: 3, validated: 1, applied: 0, reverted: 0 }, { id: 'send_bound', tried: 1, validated: 1, applied: 0, reverted: 0 }],
        runs: 1, proposed: 1, rolled_back: 0, reverted: 0, pending_futures: 1, since: '2026-12-05T07:55:23.000Z', weekly: [{ week: '2026-11-30', fixes: 0 }],
      }),
    },
  });

  const fix = (payload: unknown, responses: ReturnType<typeof debugBug>, inputs: Record<string, string> = {}) =>
    runAction(bundle, { workspace: repo.dir, eventName: 'pull_request', payload, inputs: { mode: 'fix', 'github-token': TOKEN, ...inputs }, apiUrl: gh.url, responses });
  const prPayload = () => pullRequestPayload({ number: 7, base: repo.base, head: repo.head });

  it('posts one review: suggestions on diff lines, the rest as a diff in the body', async () => {
    const before = gh.requests.length;
    const run = await fix(prPayload(), debugBug(diff), { llm: 'local', model: 'hf:tiny/model:Q4' });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.cliCalls.map((c) => [c.args, c.model])).toEqual([
      [['debug-bug', '--json', '--llm', 'local', '--repo', repo.dir], 'hf:tiny/model:Q4'],
      [['stats', '--json', '--since', expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/), '--repo', repo.dir], 'hf:tiny/model:Q4'],
    ]);
    // The run's KPIs in the job summary: the table, the per-pattern counts and the chart.
    expect(run.summary).toContain('### Fix pipeline KPIs (this run)');
    expect(run.summary).toContain('| runs / fixes applied / proposals | 1 / 0 / 1 |');
    expect(run.summary).toContain('| time to a safe fix p50 / p95 | 2190 ms / 2190 ms |');
    expect(run.summary).toContain('| `send_bound` | 1 | 1 | 0 | 0 |');
    expect(run.summary).toContain('```mermaid\nxychart-beta\n');
    expect(run.summary).toContain('  x-axis ["rustc_suggestion", "send_bound"]\n  y-axis "candidates" 0 --> 3\n  bar [3, 1]\n  line [1, 1]');
    const reqs = gh.requests.slice(before);
    expect(reqs.map((r) => `${r.method} ${r.operationId}`)).toEqual([
      'GET pulls/list-files', 'GET pulls/list-review-comments', 'GET pulls/list-reviews', 'POST pulls/create-review',
    ]);
    const body = reqs[3]?.body as { commit_id: string; event: string; body: string; comments: Array<Record<string, unknown>> };
    expect({ commit_id: body.commit_id, event: body.event }).toEqual({ commit_id: repo.head, event: 'COMMENT' });
    expect(body.comments.map(({ body: _b, ...rest }) => rest)).toEqual([{ path: 'src/lib.rs', line: 25, side: 'RIGHT' }]);
    expect(body.comments[0]?.body).toContain("```suggestion\n    F: FnOnce() -> u64 + Send + 'static,\n```");
    expect(body.comments[0]?.body).toContain('pattern `restore-send-bound+import-trait` · confidence 0.87 · validation **Cargo_OK** · zero-LLM');
    expect(body.comments[0]?.body).toMatch(/<!-- rustgate:fingerprint:[0-9a-f]{16} -->$/);
    expect(body.body).toContain('```diff\n--- a/src/report.rs\n+++ b/src/report.rs\n@@ -2,2 +2,3 @@\n use crate::Item;\n+use crate::Priced;\n \n```');
    expect(body.body).toContain('Root cause: run_job lost its Send bound');
    expect(run.outputs).toEqual({ ok: 'false', errors: '2', warnings: '0', 'sarif-file': '', fixed: 'true', 'review-id': '1000' });
    expect(run.summary).toContain('Posted as a PR review: https://github.com/octo-org/ledger/pull/7#pullrequestreview-1000');
    expect(gh.problems()).toEqual([]);
    expectNoTokenLeak(run);
  });

  it('is idempotent: a re-run with the same proposal posts nothing', async () => {
    const before = gh.requests.length;
    const run = await fix(prPayload(), debugBug(diff));
    expect(run.exitCode).toBe(0);
    expect(gh.requests.slice(before).map((r) => r.operationId)).toEqual(['pulls/list-files', 'pulls/list-review-comments', 'pulls/list-reviews']);
    expect(gh.state.reviews).toHaveLength(1);
    expect(gh.state.comments).toHaveLength(1);
    expect(run.outputs['review-id']).toBe('1000');
    expect(run.stdout).toContain('0 suggestion(s) posted, 1 already there, 0 outdated comment(s) deleted, 0 outdated review(s) marked (proposal already posted)');
  });

  it('replaces an outdated proposal: new multi-line suggestion posted, old comment deleted, old review marked', async () => {
    const before = gh.requests.length;
    const run = await fix(prPayload(), debugBug(await fixedDiff(repo.dir, 'fixed-multiline')));
    expect(run.exitCode).toBe(0);
    const reqs = gh.requests.slice(before);
    expect(reqs.map((r) => r.operationId)).toEqual([
      'pulls/list-files', 'pulls/list-review-comments', 'pulls/list-reviews', 'pulls/create-review', 'pulls/delete-review-comment', 'pulls/update-review',
    ]);
    const created = reqs[3]?.body as { comments: Array<Record<string, unknown>> };
    expect(created.comments.map(({ body: _b, ...rest }) => rest)).toEqual([{ path: 'src/lib.rs', start_line: 24, start_side: 'RIGHT', line: 25, side: 'RIGHT' }]);
    expect(created.comments[0]?.body).toContain("```suggestion\nwhere F: FnOnce() -> u64 + Send + 'static,\n```");
    expect(reqs[4]?.path).toBe('/repos/octo-org/ledger/pulls/comments/1001');
    expect(reqs[5]?.path).toBe('/repos/octo-org/ledger/pulls/7/reviews/1000');
    expect(gh.state.comments.map((c) => [c.id, c.start_line, c.line])).toEqual([[1003, 24, 25]]);
    expect(gh.state.reviews.find((r) => r.id === 1000)?.body).toContain('<!-- rustgate:outdated -->');
    expect(gh.problems()).toEqual([]);
  });

  it('falls back to the job summary on a fork PR without calling the API', async () => {
    const before = gh.requests.length;
    const run = await fix(pullRequestPayload({ number: 7, base: repo.base, head: repo.head, headRepo: 'someone/ledger' }), debugBug(diff));
    expect(run.exitCode).toBe(0);
    expect(gh.requests.length).toBe(before);
    expect(run.stdout).toContain('::warning::This pull request comes from a fork (someone/ledger), whose GITHUB_TOKEN is read-only');
    expect(run.summary).toContain('```diff\ndiff --git a/src/lib.rs b/src/lib.rs');
    expect(run.outputs).toMatchObject({ fixed: 'true', 'review-id': '' });
  });

  it('falls back to the job summary on 403 Resource not accessible by integration', async () => {
    gh.state.failures.set('pulls/list-files', { status: 403, message: 'Resource not accessible by integration' });
    const before = gh.requests.length;
    try {
      const run = await fix(prPayload(), debugBug(diff));
      expect(run.exitCode).toBe(0);
      expect(gh.requests.slice(before).map((r) => r.operationId)).toEqual(['pulls/list-files']);
      expect(run.stdout).toContain(`::warning::The token cannot write reviews (GitHub said: GET ${gh.url}/repos/octo-org/ledger/pulls/7/files → 403: Resource not accessible by integration - https://docs.github.com/rest). Give the job \`permissions: pull-requests: write\`; the suggestion is here instead.`);
      expect(run.summary).toContain('permissions: pull-requests: write');
      expect(run.summary).toContain('+use crate::Priced;');
      expectNoTokenLeak(run);
    } finally {
      gh.state.failures.clear();
    }
  });

  it.each([
    [422, 'pulls/create-review', 'Unprocessable Entity'],
    [500, 'pulls/list-reviews', 'Server Error'],
  ])('fails once with a clear message on %i from %s, without retrying or leaking the token', async (status, op, message) => {
    gh.state.failures.set(op, { status, message });
    const before = gh.requests.length;
    const reviewsBefore = gh.state.reviews.length;
    try {
      // A new proposal so that the run must post.
      const run = await fix(prPayload(), debugBug(diff.replace('use crate::Priced;', 'use crate::Priced as _;')));
      expect(run.exitCode).toBe(1);
      const seen = gh.requests.slice(before).map((r) => r.operationId);
      expect(seen.filter((o) => o === op)).toHaveLength(1);
      expect(seen.at(-1)).toBe(op);
      expect(run.stdout).toMatch(new RegExp(`::error::rustgate: GitHub API request failed: (GET|POST) ${gh.url}/repos/octo-org/ledger/pulls/7/reviews → ${status}: ${message}`));
      expect(run.stdout).toContain('No retry was made.');
      expect(run.summary).toContain('```diff');
      expect(gh.state.reviews.length).toBe(reviewsBefore);
      expectNoTokenLeak(run);
    } finally {
      gh.state.failures.clear();
    }
  });

  it('posts nothing but cleans up when no validated fix exists', async () => {
    const before = gh.requests.length;
    // The stats call fails here: the fix verdict stands and the summary says the KPIs are not available.
    const { stats: _stats, ...noStats } = debugBug(diff, 'no_safe_fix', 'Failed');
    const run = await fix(prPayload(), noStats as ReturnType<typeof debugBug>);
    expect(run.exitCode).toBe(0);
    expect(run.summary).toMatch(/### Fix pipeline KPIs \(this run\)\n\nNot available: `rustgate stats --json --since \S+ --repo \S+` exited with 2: fake rustgate: no recorded answer for stats\./);
    expect(run.outputs).toMatchObject({ fixed: 'false', 'review-id': '' });
    expect(gh.requests.slice(before).map((r) => r.operationId)).toEqual([
      'pulls/list-review-comments', 'pulls/list-reviews', 'pulls/delete-review-comment', 'pulls/update-review',
    ]);
    expect(gh.state.comments).toEqual([]);
    expect(run.summary).toContain('## rustgate fix: no_safe_fix');
    expect(run.summary).not.toContain('```diff');
  });

  it('skips a PR that changes no Rust file without running rustgate or calling the API', async () => {
    const docs = await makePrRepo('docs-only');
    const before = gh.requests.length;
    const run = await runAction(bundle, {
      workspace: docs.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 9, base: docs.base, head: docs.head }),
      inputs: { mode: 'fix', 'github-token': TOKEN },
      apiUrl: gh.url,
      responses: debugBug(diff),
    });
    expect(run.exitCode).toBe(0);
    expect(run.cliCalls).toEqual([]);
    expect(gh.requests.length).toBe(before);
    expect(run.summary).toContain('## rustgate fix: skipped');
  });

  it('refuses to suggest against a checkout that is not the PR head', async () => {
    const run = await fix(pullRequestPayload({ number: 7, base: repo.base, head: repo.base }), debugBug(diff));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('fix mode needs the PR head checked out');
    expect(run.cliCalls).toEqual([]);
  });

  it('has a fake that really validates against the OpenAPI description (misspelt field, wrong type, bad enum)', async () => {
    const before = gh.requests.length;
    const res = await fetch(`${gh.url}/repos/octo-org/ledger/pulls/7/reviews`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ commit_id: repo.head, event: 'COMMENTED', comments: [{ path: 'src/lib.rs', line: '25', body: 'x', startLine: 24 }] }),
    });
    expect(res.status).toBe(422);
    const problems = gh.requests.slice(before).flatMap((r) => r.problems).join('\n');
    expect(problems).toContain('"instancePath":"/event","schemaPath":"#/properties/event/enum"');
    expect(problems).toContain('"instancePath":"/comments/0/line","schemaPath":"#/properties/comments/items/properties/line/type"');
    expect(problems).toContain('"additionalProperty":"startLine"');
    gh.requests.splice(before);
  });
});

describe('credentials, pull_request_target and fan-out', () => {
  it('hands the CLI no GitHub credential or runner internals (allow-listed environment)', async () => {
    const repo = await makePrRepo('head');
    const run = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 7, base: repo.base, head: repo.head }),
      inputs: { 'github-token': TOKEN, packages: 'ledger' },
      responses: recordedPreflight(),
      env: {
        GITHUB_TOKEN: TOKEN,
        ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.invalid/',
        MY_DEPLOY_TOKEN: 'deploy-secret',
        CARGO_TERM_COLOR: 'never',
      },
    });
    expect(run.cliCalls).toHaveLength(2);
    expect(run.cliCalls.map((c) => c.forbiddenVars)).toEqual([[], []]);
    expect(run.cliCalls.map((c) => c.inputVars)).toEqual([[], []]);
    expect(run.cliCalls[0]?.args).toEqual(['preflight', '--diff', `${repo.base}..${repo.head}`, '--repo', repo.dir, '--packages', 'ledger', '--format', 'json']);
  });

  it('refuses to build the head on pull_request_target unless the workflow opts in, and says why', async () => {
    const repo = await makePrRepo('head');
    const payload = pullRequestPayload({ number: 7, base: repo.base, head: repo.head, headRepo: 'someone/ledger' });
    const refused = await runAction(bundle, { workspace: repo.dir, eventName: 'pull_request_target', payload, inputs: { 'github-token': TOKEN }, responses: recordedPreflight() });
    expect(refused.exitCode).toBe(1);
    expect(refused.cliCalls).toEqual([]);
    expect(refused.stdout).toContain("::error::rustgate: refusing to build a pull request head on a `pull_request_target` event. That event runs with the base repository's secrets and a write token");
    expect(refused.stdout).toContain('`allow-pull-request-target: true`');
    const allowed = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'pull_request_target',
      payload,
      inputs: { 'github-token': TOKEN, 'allow-pull-request-target': 'true' },
      responses: recordedPreflight(),
    });
    expect(allowed.cliCalls).toHaveLength(2);
    expect(allowed.outputs).toMatchObject({ ok: 'false', errors: '2' });
  });

  it('affected mode: runs `rustgate affected` on the event range and outputs the shards for strategy.matrix', async () => {
    const repo = await makePrRepo('head');
    const affected = { ok: true, all: false, packages: ['a', 'b', 'c'], shards: [['a', 'c'], ['b']], changed_files: 2, unowned_files: ['docs/x.md'] };
    const run = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'pull_request_target',
      payload: pullRequestPayload({ number: 7, base: repo.base, head: repo.head }),
      inputs: { mode: 'affected', shards: '2' },
      responses: { affected: { exitCode: 0, stdout: JSON.stringify(affected) } },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.cliCalls.map((c) => c.args)).toEqual([['affected', '--json', '--diff', `${repo.base}..${repo.head}`, '--shards', '2']]);
    expect(run.outputs).toEqual({ ok: 'true', packages: '["a","b","c"]', shards: '["a,c","b"]', all: 'false' });
    expect(run.summary).toContain('| 1 | `a`, `c` |');
    expect(run.summary).toContain('`docs/x.md`');
  });

  it('affected mode with nothing affected outputs an empty shard list', async () => {
    const repo = await makePrRepo('head');
    const run = await runAction(bundle, {
      workspace: repo.dir,
      eventName: 'push',
      payload: { before: repo.base, after: repo.head },
      inputs: { mode: 'affected' },
      responses: { affected: { exitCode: 0, stdout: JSON.stringify({ ok: true, all: false, packages: [], shards: [], changed_files: 1, unowned_files: [] }) } },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ packages: '[]', shards: '[]', all: 'false' });
  });
});
