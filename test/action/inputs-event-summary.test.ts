// Inputs mirror action.yml; the event decides the range; the summary renders the table and the Mermaid graph.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Inputs, Outputs, readInputs } from '../../src/action/inputs.js';
import { eventInfo, isRustRelevant } from '../../src/action/event.js';
import { blastGraph, preflightSummary } from '../../src/action/summary.js';
import { parsePreflightJson, parseDebugBugJson, ContractError } from '../../src/action/contract.js';
import { RECORDED, ROOT } from './harness.js';

describe('Inputs', () => {
  const yml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, unknown>;
    runs: { using: string; main: string };
  };

  it('declares exactly the inputs and defaults of action.yml', () => {
    expect(Object.values(Inputs).map((i) => [i.name, i.default])).toEqual(Object.entries(yml.inputs).map(([k, v]) => [k, v.default ?? '']));
    expect(Object.values(Outputs)).toEqual(Object.keys(yml.outputs));
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('applies defaults and parses values', () => {
    const r = readInputs((n) => ({ 'github-token': 'tok', tests: 'TRUE', 'max-suggestions': '5', packages: 'ledger-core, ledger-app' })[n] ?? '');
    expect(r).toEqual({
      ok: true,
      inputs: {
        mode: 'preflight', githubToken: 'tok', workingDirectory: '.', features: '', tests: true, failOn: 'error', sarifFile: 'rustgate.sarif', maxSuggestions: 5, llm: 'none', model: '',
        packages: ['ledger-core', 'ledger-app'], shards: 1, allowPullRequestTarget: false,
      },
    });
  });

  it('reports every bad value at once', () => {
    const r = readInputs(
      (n) => ({ mode: 'repair', 'fail-on': 'sometimes', tests: 'yes', 'max-suggestions': '-1', llm: 'openai', packages: 'a,$(rm -rf)', shards: '0', 'allow-pull-request-target': 'yes' })[n] ?? '',
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        "input 'mode' is 'repair'; expected one of: preflight, fix, affected",
        "input 'fail-on' is 'sometimes'; expected one of: error, warning, never",
        "input 'llm' is 'openai'; expected one of: none, local",
        "input 'tests' is 'yes'; expected true or false",
        "input 'allow-pull-request-target' is 'yes'; expected true or false",
        "input 'packages' names '$(rm'; expected comma-separated cargo package names",
        "input 'shards' is '0'; expected a whole number from 1 to 256",
        "input 'max-suggestions' is '-1'; expected a whole number from 0 to 100",
      ],
    });
  });

  it('needs a token in fix mode', () => {
    expect(readInputs((n) => (n === 'mode' ? 'fix' : ''))).toEqual({ ok: false, problems: ["input 'github-token' is empty; fix mode needs a token with pull-requests: write"] });
  });
});

describe('eventInfo', () => {
  const pr = { number: 7, pull_request: { number: 7, base: { sha: 'b'.repeat(40), repo: { full_name: 'o/r' } }, head: { sha: 'h'.repeat(40), repo: { full_name: 'o/r' } } } };
  const cases: Array<[string, string, unknown, { base: string | null; head: string }, boolean | null]> = [
    ['pull_request', 'PR: base.sha..head.sha', pr, { base: 'b'.repeat(40), head: 'h'.repeat(40) }, false],
    ['pull_request_target', 'fork PR', { ...pr, pull_request: { ...pr.pull_request, head: { sha: 'h'.repeat(40), repo: { full_name: 'fork/r' } } } }, { base: 'b'.repeat(40), head: 'h'.repeat(40) }, true],
    ['push', 'push: before..after', { before: '1'.repeat(40), after: '2'.repeat(40) }, { base: '1'.repeat(40), head: '2'.repeat(40) }, null],
    ['push', 'new branch push: parent of after', { before: '0'.repeat(40), after: '2'.repeat(40) }, { base: null, head: '2'.repeat(40) }, null],
    ['workflow_dispatch', 'other: HEAD~1..HEAD', {}, { base: null, head: 'HEAD' }, null],
  ];
  it.each(cases)('%s (%s)', (name, _what, payload, range, fork) => {
    const e = eventInfo(name, payload, 'o/r');
    expect(e.range).toEqual(range);
    expect(e.pr?.isFork ?? null).toBe(fork);
    expect([e.owner, e.repo]).toEqual(['o', 'r']);
  });

  it('treats a deleted fork as a fork', () => {
    const e = eventInfo('pull_request', { pull_request: { number: 1, base: { sha: 'b', repo: { full_name: 'o/r' } }, head: { sha: 'h', repo: null } } }, 'o/r');
    expect(e.pr).toMatchObject({ headRepo: null, isFork: true });
  });

  it.each([
    ['src/lib.rs', true], ['crates/a/Cargo.toml', true], ['Cargo.lock', true], ['rust-toolchain.toml', true], ['.cargo/config.toml', true],
    ['README.md', false], ['docs/Cargo.md', false], ['src/lib.rs.orig', false],
  ])('isRustRelevant(%s) = %s', (path, want) => {
    expect(isRustRelevant(path)).toBe(want);
  });
});

describe('summary', () => {
  const report = parsePreflightJson(readFileSync(join(RECORDED, 'preflight-head.json'), 'utf8'));

  it('renders the table, timings and a Mermaid graph of broken nodes and callers', () => {
    const md = preflightSummary(report, 'aaaa..bbbb', '');
    expect(md).toContain('## rustgate PreFlight: ❌ failed');
    expect(md).toContain('| ISG node | code | message | blast radius |');
    expect(md).toContain('| `src/lib.rs-lib-run_job` (fn) | E0277 | `F` cannot be sent between threads safely<br>`src/lib.rs:27:19` | 1: `src/lib.rs-lib-doubled` |');
    expect(md).toContain('| `src/report.rs-report-total` (fn) | E0599 |');
    expect(md).toContain('**Timings:** total 812 ms · cargo 640 ms');
    expect(md).toContain(
      '```mermaid\nflowchart LR\n  n0["src/lib.rs-lib-run_job"]:::broken\n  n1["src/lib.rs-lib-doubled"] --> n0\n  n2["src/report.rs-report-total"]:::broken\n  classDef broken fill:#fdd,stroke:#c00\n```',
    );
  });

  it('escapes labels and caps the callers drawn', () => {
    const callers = Array.from({ length: 14 }, (_, i) => `src/a.rs-a-<T as Tr>::f${i}`);
    const g = blastGraph([{ level: 'error', code: null, message: 'm', file: 'src/a.rs', line: 1, column: 1, isg: { key: 'src/a.rs-a-"q"', kind: 'fn', name: 'q' }, blast_radius: callers }]);
    expect(g).toContain('n0["src/a.rs-a-#quot;q#quot;"]:::broken');
    expect(g).toContain('n1["src/a.rs-a-#lt;T as Tr#gt;::f0"] --> n0');
    expect(g).toContain('n0_more(["+2 more"]) -.-> n0');
    expect(g).not.toContain('f12');
  });
});

describe('contract parsing', () => {
  it('rejects output that is not the contract JSON with a clear message', () => {
    expect(() => parsePreflightJson('cargo exploded')).toThrow(new ContractError('rustgate preflight did not print JSON (first bytes: "cargo exploded")'));
    expect(() => parseDebugBugJson('{"status":"maybe"}')).toThrow('"status" must be one of fixed, proposed, no_safe_fix, nothing_to_fix');
  });
});
