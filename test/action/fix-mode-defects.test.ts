// Fix-mode defects found against the fake GitHub API: per-working-directory markers (two fix steps on one PR keep
// their own posts), repository-root-relative diffs for `git apply` at the root, adjacent out-of-diff edits as one
// hunk git accepts, and an outdated review that keeps its earlier proposal.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { CandidateJson } from '../../src/action/contract.js';
import { outdatedBody, syncReview, type Octokit } from '../../src/action/review.js';
import { markerNamespace, planReview, readMarker, rootRelativeDiff } from '../../src/action/suggestions.js';
import { startFakeGitHub } from './fake-github.js';

const TOKEN = 'ghs_rustgateDefectsToken0123456789abcd';
const SRC = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
// Two edits one line apart (lines 4 and 6), both outside the PR's hunks.
const TWO_EDITS = '--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -3,5 +3,5 @@\n line 3\n-line 4\n+line four\n line 5\n-line 6\n+line six\n line 7\n';

function candidate(diff: string): CandidateJson {
  return { pattern_id: 'p', diff, confidence: 0.9, validation_status: 'Cargo_OK', zero_llm: true, tokens_used: 0, touched_keys: [] };
}

async function gitRepo(prefix: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rustgate-defects-'));
  await execa('git', ['init', '-q'], { cwd: dir });
  await execa('mkdir', ['-p', join(dir, prefix, 'src')]);
  writeFileSync(join(dir, prefix, 'src/lib.rs'), SRC);
  return dir;
}

describe('fix-mode review bodies and summaries', () => {
  it('out-of-diff edits one line apart become one hunk with root-relative paths that git apply takes at the root', async () => {
    const prefix = 'examples/ledger/';
    const p = planReview({ candidate: candidate(TWO_EDITS), prHunks: new Map(), pathPrefix: prefix, maxSuggestions: 20, rootCause: '' });
    const diff = /```diff\n([\s\S]*?)\n```/.exec(p.body)?.[1] ?? '';
    expect(diff.match(/^@@/gm)).toHaveLength(1);
    expect(diff).toContain('--- a/examples/ledger/src/lib.rs\n+++ b/examples/ledger/src/lib.rs\n@@ -3,5 +3,5 @@\n');
    const repo = await gitRepo(prefix);
    writeFileSync(join(repo, 'p.diff'), `${diff}\n`);
    const r = await execa('git', ['apply', 'p.diff'], { cwd: repo, reject: false });
    expect(r.stderr).toBe('');
    expect(readFileSync(join(repo, prefix, 'src/lib.rs'), 'utf8')).toContain('line four\nline 5\nline six\n');
  });

  it('rootRelativeDiff rewrites headers only, never hunk lines', () => {
    const d = 'diff --git a/src/x.rs b/src/x.rs\n--- a/src/x.rs\n+++ b/src/x.rs\n@@ -1,2 +1,2 @@\n--- a/not-a-header\n+++ b/neither\n';
    expect(rootRelativeDiff(d, 'w/')).toBe('diff --git a/w/src/x.rs b/w/src/x.rs\n--- a/w/src/x.rs\n+++ b/w/src/x.rs\n@@ -1,2 +1,2 @@\n--- a/not-a-header\n+++ b/neither\n');
    expect(rootRelativeDiff(d, '')).toBe(d);
  });

  it('an outdated review keeps its earlier proposal, collapsed and without its marker', () => {
    const body = outdatedBody('### rustgate: validated fix proposal\n\nthe diff\n\n<!-- rustgate:fingerprint:0123456789abcdef -->');
    expect(body).toMatch(/^<!-- rustgate:outdated -->\n_rustgate: this proposal is outdated/);
    expect(body).toContain('<details><summary>The earlier proposal</summary>\n\n### rustgate: validated fix proposal\n\nthe diff\n\n</details>');
    expect(readMarker(body)).toBeNull();
  });
});

describe('two fix steps on one PR (one per working directory)', () => {
  it('each keeps its own review and comments: markers are namespaced by working directory', async () => {
    expect(markerNamespace('')).toBe('');
    expect(markerNamespace('crates/a/')).toMatch(/^[0-9a-f]{8}$/);
    const gh = await startFakeGitHub(TOKEN, { headSha: 'a'.repeat(40), files: [], commentable: new Map() });
    try {
      const octo = getOctokit(TOKEN, { baseUrl: gh.url }) as unknown as Octokit;
      const target = { owner: 'octo-org', repo: 'ledger', pull_number: 7, headSha: 'a'.repeat(40) };
      const planFor = (prefix: string) => planReview({ candidate: candidate(TWO_EDITS), prHunks: new Map(), pathPrefix: prefix, maxSuggestions: 20, rootCause: '' });
      const a = await syncReview(octo, target, planFor('crates/a/'), markerNamespace('crates/a/'));
      const b = await syncReview(octo, target, planFor('crates/b/'), markerNamespace('crates/b/'));
      expect([a.posted, a.outdatedReviews, b.outdatedReviews]).toEqual([0, 0, 0]);
      expect(gh.state.reviews).toHaveLength(2);
      expect(gh.state.reviews.every((r) => !String(r.body).includes('rustgate:outdated'))).toBe(true);
      // Re-running step A finds its own review and posts nothing new.
      const again = await syncReview(octo, target, planFor('crates/a/'), markerNamespace('crates/a/'));
      expect(again.alreadyPosted).toBe(true);
      expect(gh.state.reviews).toHaveLength(2);
      expect(gh.problems()).toEqual([]);
    } finally {
      await gh.close();
    }
  });
});
