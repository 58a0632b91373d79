/**
 * The ContextPacker: chooses what a reader sees for one fix, under a token budget. Smallest working set first:
 * errors, the seeds' code (the keys the errors sit in), the definitions of the traits, types and
 * functions the error names, then constraints and anti-pattern hits, then neighbours' code (nearest first), and
 * pattern examples last (only those whose detectors match the error). Pure: the token counter is injected (the
 * model's tokenizer when one is loaded, `estimateTokens` otherwise). Two renderings of the same parts: the model's
 * prompt (`packContext`: instructions + the parts + what to answer) and the context document (`renderContext`, what
 * the `context` command returns: the parts only).
 */

/** One error the model must fix. */
export interface PackError {
  code: string | null;
  message: string;
  file: string | null;
  line: number | null;
  /** ISG key the error sits in, when known. */
  key: string | null;
}

/** Code of one ISG key offered to the model. */
export interface PackSlice {
  key: string;
  file: string;
  /** UTF-8 byte offset of `text` in `file`. */
  byteStart: number;
  text: string;
}

/** An accepted fix of the same kind, shown as an example. */
export interface PatternExample {
  id: string;
  description: string;
  before: string;
  after: string;
}

/** Everything that could go into the bundle. */
export interface PackInput {
  errors: PackError[];
  /** Keys the errors sit in, most important first. */
  seeds: PackSlice[];
  /** Definitions of the items the error names (a trait, a type, a function), packed right after the seeds. */
  definitions?: PackSlice[];
  /** Graph or vector neighbours, nearest first. */
  neighbors: PackSlice[];
  constraints: string[];
  antiPatterns: string[];
  patternExamples: PatternExample[];
}

/** Token counter: the model's tokenizer, or an estimate. */
export type CountTokens = (text: string) => number | Promise<number>;

/** The parts chosen under the budget: data only, no instructions (what `context` returns). */
export interface PackedParts {
  errors: PackError[];
  /** Included slices (seeds first); `truncated` slices show only a prefix of the key's code. */
  slices: Array<PackSlice & { role: 'seed' | 'definition' | 'neighbor'; truncated: boolean }>;
  constraints: string[];
  antiPatterns: string[];
  patternExamples: PatternExample[];
  /** Keys the model may edit: the included slices. */
  plannedKeys: string[];
  /** Tokens of the rendering the budget was measured on, by the counter used. */
  tokens: number;
  budget: number;
  /** What did not fit, e.g. `neighbor:src/a.rs-a-f`, `example:missing_import`. */
  dropped: string[];
}

/** The chosen parts a rendering is made from. */
export type ChosenParts = Pick<PackedParts, 'errors' | 'slices' | 'constraints' | 'antiPatterns' | 'patternExamples'>;

/** What the model gets: the parts plus the prompt made of them (system + user); `tokens` counts both messages. */
export interface ContextBundle extends PackedParts {
  system: string;
  user: string;
}

/** Default budget in tokens for one bundle. */
export const DEFAULT_TOKEN_BUDGET = 3000;

/** UTF-8 bytes per token the estimate assumes. */
export const ESTIMATE_BYTES_PER_TOKEN = 2.6;

/**
 * A conservative estimate for when no tokenizer is loaded: one token per 2.6 UTF-8 bytes, rounded up. bytes/3
 * undercounted SmolLM2's tokenizer by up to 8% on Rust prompts (≈ 2.78 bytes per token at worst); 2.6 keeps a margin
 * below that, so a bundle that fits by the estimate fits the model's context.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(new TextEncoder().encode(text).length / ESTIMATE_BYTES_PER_TOKEN);
}

/** Names an error mentions in backticks (`Priced`, `ledger::Line`, `&Line` → Priced, Line): what to define for the model. */
export function namedInError(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/`([^`]+)`/g)) {
      for (const w of (m[1] ?? '').split(/[^A-Za-z0-9_]+/)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(w) && w.length > 1) out.add(w);
    }
  }
  return out;
}

/** The fixed instructions (system message). */
export const SYSTEM_PROMPT =
  'You fix Rust compile errors with the smallest correct edit. Answer with JSON only: ' +
  '{"edits":[{"key":KEY,"original":TEXT,"replacement":TEXT}],"confidence":"low"|"medium"|"high"}. ' +
  '"original" is copied exactly from the code of that key and occurs once in it; it is replaced by "replacement". ' +
  'Edit only the keys shown. Never use line numbers.';

function renderError(e: PackError): string {
  const at = e.file === null ? '' : ` at ${e.file}${e.line === null ? '' : `:${e.line}`}`;
  const key = e.key === null ? '' : ` (key ${e.key})`;
  const msg = e.message.length > 400 ? `${e.message.slice(0, 397)}...` : e.message;
  return `- error${e.code ? `[${e.code}]` : ''}${at}${key}: ${msg}`;
}

function renderSlice(s: PackSlice & { truncated: boolean }, heading: string): string {
  const more = s.truncated ? '\n// ... (rest of this item not shown)' : '';
  return `### ${heading} (${s.file})\n\`\`\`rust\n${s.text.replace(/\n$/, '')}${more}\n\`\`\``;
}

function renderExample(p: PatternExample): string {
  return `### ${p.id}: ${p.description}\nbefore:\n\`\`\`rust\n${p.before}\n\`\`\`\nafter:\n\`\`\`rust\n${p.after}\n\`\`\``;
}

/** The sections shared by the prompt and the context document (headings only for non-empty sections). */
function renderSections(parts: ChosenParts, headings: { code: string; antiPatterns: string }, sliceHeading: (s: ChosenParts['slices'][number]) => string): string[] {
  const out: string[] = ['## Errors', ...parts.errors.map(renderError)];
  if (parts.slices.length) out.push(headings.code, ...parts.slices.map((s) => renderSlice(s, sliceHeading(s))));
  if (parts.constraints.length) out.push('## Constraints', ...parts.constraints.map((c) => `- ${c}`));
  if (parts.antiPatterns.length) out.push(headings.antiPatterns, ...parts.antiPatterns.map((a) => `- ${a}`));
  if (parts.patternExamples.length) out.push('## Accepted fixes of the same kind', ...parts.patternExamples.map(renderExample));
  return out;
}

/** The user message of the model's prompt: the sections, then what to answer. */
function renderUser(parts: ChosenParts): string {
  return [...renderSections(parts, { code: '## Code you may edit', antiPatterns: '## Anti-patterns found nearby (do not repeat them)' }, (s) => `key ${s.key}`), '## Answer', 'JSON only, as described.'].join('\n');
}

/**
 * The bundle as a document for a reader (the `context` command's text): the same sections as the prompt, each
 * slice labelled with its role, and no instructions — whoever reads it decides what to answer.
 */
export function renderContext(parts: ChosenParts): string {
  return renderSections(parts, { code: '## Code', antiPatterns: '## Anti-patterns found nearby' }, (s) => `${s.role} ${s.key}`).join('\n');
}

/** Packs `input` under `budget` tokens of the model's prompt (system + user) and renders that prompt. */
export async function packContext(input: PackInput, opts: { budget?: number; countTokens?: CountTokens } = {}): Promise<ContextBundle> {
  const parts = await packParts(input, { ...opts, render: (p) => [SYSTEM_PROMPT, renderUser(p)] });
  return { ...parts, system: SYSTEM_PROMPT, user: renderUser(parts) };
}

/**
 * Chooses the parts of `input` under `budget` tokens of `render`'s texts (default: the context document). Errors and
 * the first seed are always kept (a seed too large for the budget is cut to the lines that fit); every later part is
 * added whole, in priority order, while the total stays within budget.
 */
export async function packParts(input: PackInput, opts: { budget?: number; countTokens?: CountTokens; render?: (parts: ChosenParts) => readonly string[] } = {}): Promise<PackedParts> {
  const budget = opts.budget ?? DEFAULT_TOKEN_BUDGET;
  const count = opts.countTokens ?? estimateTokens;
  const render = opts.render ?? ((p: ChosenParts) => [renderContext(p)]);
  const measure = async (p: ChosenParts): Promise<number> => {
    let n = 0;
    for (const t of render(p)) n += await count(t);
    return n;
  };
  const chosen: ChosenParts = {
    errors: input.errors,
    slices: [] as PackedParts['slices'],
    constraints: [] as string[],
    antiPatterns: [] as string[],
    patternExamples: [] as PatternExample[],
  };
  const dropped: string[] = [];
  const total = (): Promise<number> => measure(chosen);

  // Tries to add one part; keeps it only when the whole prompt still fits.
  const tryAdd = async (add: () => void, undo: () => void, label: string): Promise<boolean> => {
    add();
    if ((await total()) <= budget) return true;
    undo();
    dropped.push(label);
    return false;
  };

  for (const [i, s] of input.seeds.entries()) {
    const whole = { ...s, role: 'seed' as const, truncated: false };
    if (await tryAdd(() => chosen.slices.push(whole), () => chosen.slices.pop(), `seed:${s.key}`)) continue;
    if (i > 0) continue;
    // The first seed is the working set's core: keep as many of its leading lines as fit.
    dropped.pop();
    const lines = s.text.split(/(?<=\n)/);
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      chosen.slices.push({ ...whole, text: lines.slice(0, mid).join(''), truncated: true });
      const fits = (await total()) <= budget;
      chosen.slices.pop();
      if (fits) lo = mid;
      else hi = mid - 1;
    }
    if (lo > 0) chosen.slices.push({ ...whole, text: lines.slice(0, lo).join(''), truncated: true });
    else dropped.push(`seed:${s.key}`);
  }
  const seen = new Set(chosen.slices.map((s) => s.key));
  for (const d of input.definitions ?? []) {
    if (seen.has(d.key)) continue;
    if (await tryAdd(() => chosen.slices.push({ ...d, role: 'definition', truncated: false }), () => chosen.slices.pop(), `definition:${d.key}`)) seen.add(d.key);
  }
  for (const c of input.constraints) await tryAdd(() => chosen.constraints.push(c), () => chosen.constraints.pop(), `constraint:${c.slice(0, 40)}`);
  for (const a of input.antiPatterns) await tryAdd(() => chosen.antiPatterns.push(a), () => chosen.antiPatterns.pop(), `anti_pattern:${a.slice(0, 40)}`);
  for (const n of input.neighbors) {
    if (seen.has(n.key)) continue;
    if (await tryAdd(() => chosen.slices.push({ ...n, role: 'neighbor', truncated: false }), () => chosen.slices.pop(), `neighbor:${n.key}`)) seen.add(n.key);
  }
  // Examples last: they help only when they are of the same kind, and the caller passes only matching ones.
  for (const p of input.patternExamples) await tryAdd(() => chosen.patternExamples.push(p), () => chosen.patternExamples.pop(), `example:${p.id}`);
  return { ...chosen, plannedKeys: chosen.slices.map((s) => s.key), tokens: await total(), budget, dropped };
}
