/**
 * The GitHub Action: reads inputs and the event, runs the rustgate CLI, and turns its contract JSON into
 * annotations, a job summary, SARIF, outputs and (fix mode) one idempotent PR review of suggestions.
 * Errors are rendered once, here, through core.setFailed.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { candidatePassed, parseAffectedJson, parseDebugBugJson, parsePreflightJson, parseStatsJson, type DebugBugJson } from './contract.js';
import { eventInfo, isRustRelevant, type EventInfo } from './event.js';
import { EMPTY_TREE, changedFiles, ensureCommits, headSha, parentOf, repoPrefix } from './git.js';
import { Outputs, readInputs, type ActionInputs } from './inputs.js';
import { apiFailure, prHunks, syncReview, type Octokit } from './review.js';
import { childEnv, cliRunner, type CliRunner } from './runner.js';
import { markerNamespace, planReview, rootRelativeDiff } from './suggestions.js';
import { fixSummary, kpiSummary, preflightSummary } from './summary.js';

/** What `run` needs from the outside; tests replace the CLI runner. */
export interface ActionDeps {
  runner: CliRunner;
  octokit: (token: string) => Octokit;
}

/** Why a pull_request_target run is refused unless the workflow opts in. */
export const PULL_REQUEST_TARGET_REFUSAL =
  'rustgate: refusing to build a pull request head on a `pull_request_target` event. That event runs with the base ' +
  "repository's secrets and a write token, and building the head runs the pull request's build.rs and proc macros: " +
  'code from anyone who can open a pull request. Use the `pull_request` event (fork pull requests then get a ' +
  'read-only token and the job summary instead of a review), or, if every head is trusted, set ' +
  '`allow-pull-request-target: true` on this step.';

/** GitHub shows at most 50 annotations per step; more are listed in the summary and SARIF only. */
const MAX_ANNOTATIONS = 50;

interface Ctx {
  inputs: ActionInputs;
  event: EventInfo;
  workspace: string;
  cwd: string;
  /** cwd relative to the repository root ('' or 'dir/'). */
  prefix: string;
  runner: CliRunner;
  deps: Partial<ActionDeps>;
}

/** Entry point of the Action (dist/index.js calls it). */
export async function run(deps: Partial<ActionDeps> = {}): Promise<void> {
  let token = '';
  try {
    const parsed = readInputs((name) => core.getInput(name));
    if (!parsed.ok) {
      core.setFailed(`rustgate: invalid input:\n- ${parsed.problems.join('\n- ')}\nSee the inputs in action.yml.`);
      return;
    }
    const inputs = parsed.inputs;
    token = inputs.githubToken;
    if (token) core.setSecret(token);
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const cwd = resolve(workspace, inputs.workingDirectory);
    const event = readEvent();
    if (event.eventName === 'pull_request_target' && inputs.mode !== 'affected' && !inputs.allowPullRequestTarget) {
      core.setFailed(PULL_REQUEST_TARGET_REFUSAL);
      return;
    }
    const ctx: Ctx = {
      inputs,
      event,
      workspace,
      cwd,
      prefix: await repoPrefix(cwd),
      runner: deps.runner ?? cliRunner((l) => core.info(l)),
      deps,
    };
    if (inputs.mode === 'preflight') await preflightMode(ctx);
    else if (inputs.mode === 'affected') await affectedMode(ctx);
    else await fixMode(ctx, token);
  } catch (e) {
    core.setFailed(redact(`rustgate: ${e instanceof Error ? e.message : String(e)}`, token));
  }
}

function readEvent(): EventInfo {
  const path = process.env.GITHUB_EVENT_PATH;
  let payload: unknown = {};
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(`cannot read the event payload ${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  return eventInfo(process.env.GITHUB_EVENT_NAME ?? '', payload, process.env.GITHUB_REPOSITORY ?? '/');
}

async function preflightMode(ctx: Ctx): Promise<void> {
  const { inputs, cwd } = ctx;
  const head = ctx.event.range.head === 'HEAD' ? await headSha(cwd) : ctx.event.range.head;
  await ensureCommits(cwd, [head, ...(ctx.event.range.base ? [ctx.event.range.base] : [])], (l) => core.info(l));
  const base = ctx.event.range.base ?? (await parentOf(cwd, head));
  const range = `${base === EMPTY_TREE ? base : base.slice(0, 12)}..${head.slice(0, 12)}`;
  const rust = (await changedFiles(cwd, base, head)).filter(isRustRelevant);
  if (rust.length === 0) {
    core.info(`rustgate: no Rust file changed in ${range}; nothing to check.`);
    setOutputs({ ok: 'true', errors: '0', warnings: '0', sarifFile: '', fixed: 'false', reviewId: '' });
    await writeSummary(`## rustgate PreFlight: skipped\n\nNo Rust file (\`.rs\`, \`Cargo.toml\`, \`Cargo.lock\`) changed in \`${range}\`.\n`);
    return;
  }
  const args = ['preflight', '--diff', `${base}..${head}`, '--repo', cwd];
  if (inputs.tests) args.push('--tests');
  if (inputs.features) args.push('--features', inputs.features);
  if (inputs.packages.length > 0) args.push('--packages', inputs.packages.join(','));
  const env = childEnv();
  const json = await ctx.runner([...args, '--format', 'json'], { cwd, env });
  const report = parsePreflightJson(cliStdout(json));
  // SARIF comes from the CLI's own reporter (the one adapter that owns the format); cargo's target dir is warm now.
  const sarif = await ctx.runner([...args, '--format', 'sarif'], { cwd, env });
  const sarifPath = isAbsolute(inputs.sarifFile) ? inputs.sarifFile : resolve(ctx.workspace, inputs.sarifFile);
  mkdirSync(dirname(sarifPath), { recursive: true });
  writeFileSync(sarifPath, cliStdout(sarif));

  const errors = report.diagnostics.filter((d) => d.level === 'error');
  const warnings = report.diagnostics.filter((d) => d.level === 'warning');
  for (const d of [...errors, ...warnings].slice(0, MAX_ANNOTATIONS)) {
    const props: core.AnnotationProperties = { title: `rustgate ${d.code ?? d.level}${d.isg ? ` in ${d.isg.key}` : ''}` };
    // Crate-level diagnostics have no file: they annotate the run, not a line.
    if (d.file) Object.assign(props, { file: ctx.prefix + d.file, startLine: d.line, startColumn: d.column });
    const text = d.blast_radius.length > 0 ? `${d.message} (blast radius: ${d.blast_radius.length} caller(s))` : d.message;
    if (d.level === 'error') core.error(text, props);
    else core.warning(text, props);
  }
  if (report.diagnostics.length > MAX_ANNOTATIONS) core.info(`rustgate: ${report.diagnostics.length - MAX_ANNOTATIONS} more diagnostic(s) in the job summary and SARIF.`);
  await writeSummary(preflightSummary(report, range, ctx.prefix));
  setOutputs({ ok: String(report.ok), errors: String(errors.length), warnings: String(warnings.length), sarifFile: sarifPath, fixed: 'false', reviewId: '' });

  const failing = inputs.failOn === 'error' ? errors.length : inputs.failOn === 'warning' ? errors.length + warnings.length : 0;
  if (failing > 0) core.setFailed(`rustgate PreFlight: ${errors.length} error(s), ${warnings.length} warning(s) in ${range} (fail-on: ${inputs.failOn}).`);
}

/**
 * Affected mode: which workspace packages the event's change affects (`rustgate affected`), as outputs a workflow
 * feeds to `strategy.matrix`: `shards` is a JSON array of comma-separated package lists, one per matrix job, each
 * given back to this action's `packages` input. Builds nothing (cargo metadata only), so it is safe on any event.
 */
async function affectedMode(ctx: Ctx): Promise<void> {
  const { inputs, cwd } = ctx;
  const head = ctx.event.range.head === 'HEAD' ? await headSha(cwd) : ctx.event.range.head;
  await ensureCommits(cwd, [head, ...(ctx.event.range.base ? [ctx.event.range.base] : [])], (l) => core.info(l));
  const base = ctx.event.range.base ?? (await parentOf(cwd, head));
  const args = ['affected', '--json', '--diff', `${base}..${head}`];
  if (inputs.shards > 1) args.push('--shards', String(inputs.shards));
  const r = await ctx.runner(args, { cwd, env: childEnv() });
  const a = parseAffectedJson(cliStdout(r));
  const shards = (a.shards.length > 0 ? a.shards : a.packages.length > 0 ? [a.packages] : []).map((s) => s.join(','));
  setOutputs({ ok: 'true', affectedPackages: JSON.stringify(a.packages), affectedShards: JSON.stringify(shards), affectedAll: String(a.all) });
  core.info(`rustgate: ${a.packages.length} affected package(s)${a.all ? ' (the whole workspace)' : ''} in ${shards.length} shard(s): ${shards.join(' | ') || '-'}`);
  const lines = shards.map((s, i) => `| ${i + 1} | ${s.split(',').map((n) => `\`${n}\``).join(', ')} |`);
  await writeSummary(
    `## rustgate affected packages\n\n${a.changed_files} changed file(s); ${a.packages.length} package(s) affected${a.all ? ' (a workspace-wide change: all of them)' : ''}.\n\n` +
      (lines.length > 0 ? `| shard | packages |\n|---|---|\n${lines.join('\n')}\n` : 'Nothing to check.\n') +
      (a.unowned_files.length > 0 ? `\nChanged files owned by no package: ${a.unowned_files.map((f) => `\`${f}\``).join(', ')}\n` : ''),
  );
}

async function fixMode(ctx: Ctx, token: string): Promise<void> {
  const { inputs, cwd, event } = ctx;
  const pr = event.pr;
  if (pr && pr.headSha) {
    const checkedOut = await headSha(cwd);
    if (checkedOut !== pr.headSha) {
      throw new Error(
        `fix mode needs the PR head checked out (HEAD is ${checkedOut.slice(0, 12)}, the PR head is ${pr.headSha.slice(0, 12)}): ` +
          'use actions/checkout with `ref: ${{ github.event.pull_request.head.sha }}`, so suggestion line numbers match the PR.',
      );
    }
  }
  if (pr && pr.baseSha && pr.headSha) {
    await ensureCommits(cwd, [pr.baseSha], (l) => core.info(l));
    if (!(await changedFiles(cwd, pr.baseSha, pr.headSha)).some(isRustRelevant)) {
      core.info('rustgate: this pull request changes no Rust file; nothing to fix.');
      setOutputs({ ok: 'true', errors: '0', warnings: '0', sarifFile: '', fixed: 'false', reviewId: '' });
      await writeSummary('## rustgate fix: skipped\n\nThis pull request changes no Rust file (`.rs`, `Cargo.toml`, `Cargo.lock`).\n');
      return;
    }
  }
  const env = childEnv(inputs.model ? { RUSTGATE_MODEL: inputs.model } : {});
  const args = ['debug-bug', '--json', '--llm', inputs.llm, '--repo', cwd];
  if (inputs.tests) args.push('--tests');
  // The run's KPIs come from the learning log rows written from here on (second precision, so a second earlier).
  const since = new Date(Date.now() - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const r = await ctx.runner(args, { cwd, env });
  const result = parseDebugBugJson(cliStdout(r));
  const kpis = await runKpis(ctx, since, env);
  if (result.applied_commit !== null) core.warning('rustgate debug-bug reported an applied commit although the Action never passes --apply.');
  const validated = candidatePassed(result.candidate) && (result.status === 'proposed' || result.status === 'fixed');
  setOutputs({ ok: String(result.errors.length === 0), errors: String(result.errors.length), warnings: '0', sarifFile: '', fixed: String(validated), reviewId: '' });

  const candidate = validated ? result.candidate : null;
  // What users see (and `git apply` at the repository root) is repository-root-relative; the review plan maps
  // workspace paths itself.
  const shown: DebugBugJson = { ...result, candidate: candidate ? { ...candidate, diff: rootRelativeDiff(candidate.diff, ctx.prefix) } : null };
  // Every ending writes the same summary: the proposal (with why it is here, or where it was posted) and the KPIs.
  const summarize = (why: string | null, url: string | null): Promise<void> => writeSummary(fixSummary(shown, why, url) + kpis);
  if (!pr) {
    await summarize(`This run is a \`${event.eventName}\` event, not a pull request: nothing to review.`, null);
    return;
  }
  // On pull_request_target the token is the base repository's and can write, fork or not.
  if (pr.isFork && event.eventName !== 'pull_request_target') {
    const why = `This pull request comes from a fork (${pr.headRepo ?? 'deleted repository'}), whose GITHUB_TOKEN is read-only: the suggestion is here instead of a PR review.`;
    core.warning(why);
    await summarize(candidate ? why : null, null);
    return;
  }
  const octo = (ctx.deps.octokit ?? ((t: string) => getOctokit(t)))(token);
  const target = { owner: event.owner, repo: event.repo, pull_number: pr.number, headSha: pr.headSha };
  try {
    const plan = candidate
      ? planReview({ candidate, prHunks: await prHunks(octo, target), pathPrefix: ctx.prefix, maxSuggestions: inputs.maxSuggestions, rootCause: result.report.root_cause })
      : null;
    const outcome = await syncReview(octo, target, plan, markerNamespace(ctx.prefix));
    if (outcome.reviewId !== null) core.setOutput(Outputs.reviewId, String(outcome.reviewId));
    core.info(
      `rustgate: review ${outcome.reviewId ?? '-'}: ${outcome.posted} suggestion(s) posted, ${outcome.skipped} already there, ` +
        `${outcome.deleted} outdated comment(s) deleted, ${outcome.outdatedReviews} outdated review(s) marked${outcome.alreadyPosted ? ' (proposal already posted)' : ''}.`,
    );
    await summarize(null, outcome.url);
  } catch (e) {
    const f = apiFailure(e);
    if (f.readOnly) {
      const why = `The token cannot write reviews (GitHub said: ${redact(f.message, token)}). Give the job \`permissions: pull-requests: write\`; the suggestion is here instead.`;
      core.warning(why);
      await summarize(why, null);
      return;
    }
    const why = `GitHub API request failed: ${redact(f.message, token)}. No retry was made.`;
    await summarize(why, null);
    throw new Error(
      `${why}${f.status === 422 ? ' (GitHub rejected the review; every comment line was checked against the PR hunks, so the PR probably changed during the run: re-run the job.)' : ''}`,
      // setFailed prints the message only; Octokit also redacts the authorization header in the cause.
      { cause: e },
    );
  }
}

/** The KPI section for this run; a failed or malformed stats call is said in the section, never fatal. */
async function runKpis(ctx: Ctx, since: string, env: Record<string, string>): Promise<string> {
  try {
    const r = await ctx.runner(['stats', '--json', '--since', since, '--repo', ctx.cwd], { cwd: ctx.cwd, env });
    if (r.exitCode !== 0) return kpiSummary(null, `\`${r.command}\` exited with ${r.exitCode}: ${r.stderr.trim().split('\n')[0] ?? ''}`);
    return kpiSummary(parseStatsJson(r.stdout));
  } catch (e) {
    return kpiSummary(null, e instanceof Error ? e.message : String(e));
  }
}

/** The CLI's stdout when it ran to a verdict (exit 0 or 1); otherwise an error carrying its stderr. */
function cliStdout(r: { command: string; exitCode: number; stdout: string; stderr: string }): string {
  if (r.exitCode === 0 || r.exitCode === 1) return r.stdout;
  const kind = r.exitCode === 2 ? 'a usage or environment error' : 'an internal error';
  throw new Error(`\`${r.command}\` exited with ${r.exitCode} (${kind}):\n${r.stderr.trim().slice(-4000)}`);
}

function setOutputs(o: Partial<Record<keyof typeof Outputs, string>>): void {
  for (const [k, name] of Object.entries(Outputs)) {
    const v = o[k as keyof typeof Outputs];
    if (v !== undefined) core.setOutput(name, v);
  }
}

/** Appends Markdown to the job summary; outside a runner (no GITHUB_STEP_SUMMARY) it goes to the log instead. */
async function writeSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
  else core.info(markdown);
}

/** Removes the token from text we print, belt and braces on top of core.setSecret. */
function redact(text: string, token: string): string {
  return token.length >= 4 ? text.split(token).join('***') : text;
}
