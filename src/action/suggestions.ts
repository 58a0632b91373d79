/**
 * Plans a PR review from a validated candidate diff: each change group that lies inside one hunk of the
 * PR diff becomes a ```suggestion comment on the exact RIGHT-side lines; everything else goes into the
 * review body as a ```diff fence. Pure: no GitHub calls here, so the 422 rule is checked by tests.
 */
import { createHash } from 'node:crypto';
import { filePath, isCommentableRange, parseUnifiedDiff, type Hunk, type HunkLine } from './hunks.js';
import type { CandidateJson } from './contract.js';

/** One review comment as `pulls.createReview` takes it (plus our fingerprint). */
export interface PlannedComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
  fingerprint: string;
}

/** What to post: inline comments, the out-of-diff remainder as a diff, and the review body. */
export interface ReviewPlan {
  comments: PlannedComment[];
  /** Unified diff of the changes that could not be suggested inline ('' when none). */
  outsideDiff: string;
  body: string;
  /** Fingerprint of the whole proposal (body marker). */
  fingerprint: string;
}

/** Inputs of `planReview`. */
export interface PlanInput {
  candidate: CandidateJson;
  /** PR file path (repository-relative) → hunks of its patch. */
  prHunks: ReadonlyMap<string, readonly Hunk[]>;
  /** Prefix that turns a candidate path (relative to working-directory) into a repository path: '' or 'sub/dir/'. */
  pathPrefix: string;
  maxSuggestions: number;
  rootCause: string;
}

/** Longest out-of-diff diff put into a review body (GitHub's body limit is 65,536 characters). */
const MAX_BODY_DIFF = 50_000;

/** The hidden marker rustgate puts in everything it posts, so re-runs find their own comments. */
export const MARKER_PREFIX = '<!-- rustgate:fingerprint:';

/**
 * Renders the hidden marker for a fingerprint in a namespace: '' at the repository root (the original form), else a
 * short hash of the working directory, so two fix steps on one PR (one per workspace) never take each other's posts.
 */
export function marker(fingerprint: string, namespace = ''): string {
  return `${MARKER_PREFIX}${namespace ? `${namespace}/` : ''}${fingerprint} -->`;
}

/** The marker namespace of a working directory given as its repository-relative prefix ('' or 'dir/'). */
export function markerNamespace(pathPrefix: string): string {
  return pathPrefix ? fingerprintOf('working-directory', pathPrefix).slice(0, 8) : '';
}

/** Extracts the fingerprint from a body carrying our marker in `namespace` (default the root's), or null. */
export function readMarker(body: string | null | undefined, namespace = ''): string | null {
  const m = /<!-- rustgate:fingerprint:(?:([0-9a-f]{8})\/)?([0-9a-f]+) -->/.exec(body ?? '');
  return m && (m[1] ?? '') === namespace ? (m[2] ?? null) : null;
}

/** Fingerprint of some parts (16 hex digits). */
export function fingerprintOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** A run of removed/added lines with the context lines around it. */
interface ChangeGroup {
  path: string;
  lines: HunkLine[];
  before: HunkLine | null;
  after: HunkLine | null;
}

/** Splits the candidate into inline suggestions and an out-of-diff remainder, and writes the review body. */
export function planReview(input: PlanInput): ReviewPlan {
  const { candidate } = input;
  const comments: PlannedComment[] = [];
  const outside: ChangeGroup[] = [];
  for (const file of parseUnifiedDiff(candidate.diff)) {
    const path = filePath(file);
    // Only edits of a file that exists on the PR head can be suggested on its lines.
    const editable = file.oldPath !== null && file.newPath !== null && file.oldPath === file.newPath;
    const hunks = input.prHunks.get(input.pathPrefix + path) ?? [];
    for (const group of changeGroups(path, file.hunks)) {
      const target = editable ? suggestionTarget(group) : null;
      if (target && comments.length < input.maxSuggestions && isCommentableRange(hunks, target.start, target.end)) {
        comments.push(suggestionComment(input, group.path, target));
      } else {
        outside.push(group);
      }
    }
  }
  const outsideDiff = renderGroups(outside, input.pathPrefix);
  const fingerprint = fingerprintOf('review', candidate.diff);
  return { comments, outsideDiff, fingerprint, body: reviewBody(input, comments.length, outsideDiff, fingerprint) };
}

/** The one-line description every comment and body carries: pattern, confidence, validation. */
export function describeCandidate(c: CandidateJson): string {
  const pattern = c.pattern_id === null ? 'model-proposed edit' : `pattern \`${c.pattern_id}\``;
  return `${pattern} · confidence ${c.confidence.toFixed(2)} · validation **${c.validation_status}**${c.zero_llm ? ' · zero-LLM' : ` · ${c.tokens_used} LLM tokens`}`;
}

/** Splits hunks into maximal runs of non-context lines, remembering the context line on each side. */
function changeGroups(path: string, hunks: readonly Hunk[]): ChangeGroup[] {
  const groups: ChangeGroup[] = [];
  for (const h of hunks) {
    let i = 0;
    while (i < h.lines.length) {
      if (h.lines[i]?.kind === ' ') {
        i++;
        continue;
      }
      const start = i;
      while (i < h.lines.length && h.lines[i]?.kind !== ' ') i++;
      groups.push({ path, lines: h.lines.slice(start, i), before: h.lines[start - 1] ?? null, after: h.lines[i] ?? null });
    }
  }
  return groups;
}

/** The RIGHT-side lines a suggestion replaces and their replacement; null when there is no line to anchor on. */
function suggestionTarget(g: ChangeGroup): { start: number; end: number; replacement: string[] } | null {
  const removed = g.lines.filter((l) => l.kind === '-');
  const added = g.lines.filter((l) => l.kind === '+').map((l) => l.text);
  const first = removed[0];
  const last = removed[removed.length - 1];
  if (first?.oldLine != null && last?.oldLine != null) return { start: first.oldLine, end: last.oldLine, replacement: added };
  // A pure insertion: a suggestion must replace at least one line, so it rewrites a neighbouring context line too.
  if (g.before?.oldLine != null) return { start: g.before.oldLine, end: g.before.oldLine, replacement: [g.before.text, ...added] };
  if (g.after?.oldLine != null) return { start: g.after.oldLine, end: g.after.oldLine, replacement: [...added, g.after.text] };
  return null;
}

function suggestionComment(input: PlanInput, path: string, t: { start: number; end: number; replacement: string[] }): PlannedComment {
  const repoPath = input.pathPrefix + path;
  const fingerprint = fingerprintOf('comment', repoPath, String(t.start), String(t.end), t.replacement.join('\n'));
  const fence = fenceFor(t.replacement.join('\n'));
  const body = [
    `**rustgate** validated fix: ${describeCandidate(input.candidate)}`,
    '',
    `${fence}suggestion`,
    ...t.replacement,
    fence,
    '',
    marker(fingerprint, markerNamespace(input.pathPrefix)),
  ].join('\n');
  const comment: PlannedComment = { path: repoPath, line: t.end, side: 'RIGHT', body, fingerprint };
  if (t.start < t.end) {
    comment.start_line = t.start;
    comment.start_side = 'RIGHT';
  }
  return comment;
}

function reviewBody(input: PlanInput, inline: number, outsideDiff: string, fingerprint: string): string {
  const parts = [
    '### rustgate: validated fix proposal',
    '',
    describeCandidate(input.candidate),
  ];
  if (input.rootCause) parts.push('', `Root cause: ${input.rootCause}`);
  if (input.candidate.touched_keys.length > 0) parts.push('', `ISG nodes touched: ${input.candidate.touched_keys.map((k) => `\`${k}\``).join(', ')}`);
  parts.push('', inline > 0 ? `${inline} suggestion(s) inline below.` : 'No change could be placed on a line of this PR diff.');
  if (outsideDiff) {
    // GitHub caps a review body at 65,536 characters; a longer diff is cut (the job summary has it whole).
    const shown = outsideDiff.length > MAX_BODY_DIFF ? `${outsideDiff.slice(0, outsideDiff.lastIndexOf('\n', MAX_BODY_DIFF) + 1)}… (cut: see the job summary)\n` : outsideDiff;
    const fence = fenceFor(shown);
    parts.push(
      '',
      'Changes outside the lines of this PR diff (GitHub only accepts review comments on diff lines):',
      '',
      `${fence}diff`,
      withoutFinalNewline(shown),
      fence,
    );
  }
  parts.push('', 'rustgate never pushes: apply the suggestions, or run `rustgate debug-bug --apply` locally.', '', marker(fingerprint, markerNamespace(input.pathPrefix)));
  return parts.join('\n');
}

/**
 * Renders change groups as a unified diff with repository-root-relative paths (`prefix` is the working directory),
 * each group with its surrounding context lines. Groups of one file whose lines touch or overlap become one hunk:
 * two hunks sharing a context line are refused by `git apply`.
 */
function renderGroups(groups: readonly ChangeGroup[], prefix = ''): string {
  const out: string[] = [];
  let lastPath: string | null = null;
  const hunks: Array<{ path: string; lines: HunkLine[] }> = [];
  for (const g of groups) {
    const lines = [g.before, ...g.lines, g.after].filter((l): l is HunkLine => l !== null);
    const prev = hunks[hunks.length - 1];
    const prevLastOld = prev ? Math.max(0, ...prev.lines.map((l) => l.oldLine ?? 0)) : 0;
    const firstOld = lines.find((l) => l.oldLine !== null)?.oldLine ?? null;
    if (prev && prev.path === g.path && firstOld !== null && firstOld <= prevLastOld + 1) {
      // Touching or overlapping: drop the context lines the previous hunk already has, then continue it.
      const fresh = lines.filter((l) => !(l.kind === ' ' && l.oldLine !== null && l.oldLine <= prevLastOld));
      prev.lines.push(...fresh);
    } else {
      hunks.push({ path: g.path, lines: [...lines] });
    }
  }
  for (const h of hunks) {
    if (h.path !== lastPath) {
      out.push(`--- a/${prefix}${h.path}`, `+++ b/${prefix}${h.path}`);
      lastPath = h.path;
    }
    const oldSide = h.lines.filter((l) => l.kind !== '+');
    const newSide = h.lines.filter((l) => l.kind !== '-');
    const oldStart = oldSide[0]?.oldLine ?? 0;
    const newStart = newSide[0]?.newLine ?? 0;
    out.push(`@@ -${oldStart},${oldSide.length} +${newStart},${newSide.length} @@`);
    for (const l of h.lines) out.push(`${l.kind}${l.text}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** Rewrites a workspace-relative unified diff to repository-root-relative paths (what `git apply` at the root takes). */
export function rootRelativeDiff(diff: string, prefix: string): string {
  if (!prefix) return diff;
  // Headers only: a hunk's lines are counted from its @@ header, so a removed line reading "-- a/x" stays as it is.
  let oldLeft = 0;
  let newLeft = 0;
  return diff
    .split('\n')
    .map((l) => {
      if (oldLeft > 0 || newLeft > 0) {
        if (l.startsWith('\\')) return l;
        if (l[0] !== '+') oldLeft--;
        if (l[0] !== '-') newLeft--;
        return l;
      }
      const hunk = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(l);
      if (hunk) {
        oldLeft = Number(hunk[1] ?? 1);
        newLeft = Number(hunk[2] ?? 1);
        return l;
      }
      const git = /^diff --git a\/(.*) b\/(.*)$/.exec(l);
      if (git) return `diff --git a/${prefix}${git[1]} b/${prefix}${git[2]}`;
      const side = /^(---|\+\+\+) ([ab])\/(.*)$/.exec(l);
      if (side) return `${side[1]} ${side[2]}/${prefix}${side[3]}`;
      const rename = /^(rename from|rename to|copy from|copy to) (.*)$/.exec(l);
      if (rename) return `${rename[1]} ${prefix}${rename[2]}`;
      return l;
    })
    .join('\n');
}

/** Drops one final newline only: a trailing context line of a single space must survive. */
export function withoutFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** A backtick fence longer than any run of backticks inside `text`. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((s) => s.length));
  return '`'.repeat(Math.max(3, longest + 1));
}
