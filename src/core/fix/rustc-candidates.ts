/**
 * Candidates from rustc's own suggestions, whatever their applicability label: the label is only a prior,
 * validation decides. Placeholder text (`/* value *\/`) is not code and is skipped.
 */
import type { Applicability, Diagnostic, Suggestion } from '../diagnostics/types.js';
import { isWorkspaceFile } from './scope.js';
import type { Candidate, CandidateSource, FileEdit, FixContext } from './types.js';

/** Options for turning suggestions into candidates. */
export interface RustcCandidateOptions {
  /** Keep suggestions whose replacement holds placeholder text (off by default: such code is never what the user meant). */
  allowPlaceholders?: boolean;
  /** Also make combined candidates across diagnostics (on by default). */
  combine?: boolean;
}

/** Order of preference between rustc labels (lower is tried first). */
export const APPLICABILITY_RANK: Record<Applicability, number> = {
  MachineApplicable: 0,
  MaybeIncorrect: 1,
  Unspecified: 2,
  HasPlaceholders: 3,
};

// `/* value */`, `/* Type */`, `/* fields */`, `/* ... */`: rustc's placeholder comments; also a lone `...` or `…`.
const PLACEHOLDER = /\/\*\s*[^*]{0,40}?\s*\*\/|^\s*(\.\.\.|…)\s*$|…/;

/** True when a replacement holds rustc placeholder text rather than code. */
export function hasPlaceholder(replacement: string): boolean {
  return PLACEHOLDER.test(replacement);
}

/** True when an edit inserts a panicking stub (`todo!()`, `unimplemented!()`): it compiles but is not a real fix. */
export function insertsStub(edits: readonly FileEdit[]): boolean {
  return edits.some((e) => /\b(todo|unimplemented)!\s*\(/.test(e.replacement));
}

function editsOf(s: Suggestion): FileEdit[] {
  return s.edits.map((e) => ({ file: e.span.file, byteStart: e.span.byteStart, byteEnd: e.span.byteEnd, replacement: e.replacement }));
}

/** A stable text key for a set of edits (order-independent), used to dedupe and to detect agreement. */
export function editsKey(edits: readonly FileEdit[]): string {
  return edits
    .map((e) => `${e.file}\u0000${e.byteStart}\u0000${e.byteEnd}\u0000${e.replacement}`)
    .sort()
    .join('\u0001');
}

function overlapsAny(a: readonly FileEdit[], b: readonly FileEdit[]): boolean {
  return a.some((x) => b.some((y) => x.file === y.file && x.byteStart < y.byteEnd && y.byteStart < x.byteEnd));
}

function usable(s: Suggestion, opts: RustcCandidateOptions): boolean {
  if (s.edits.length === 0) return false;
  if (s.edits.some((e) => !isWorkspaceFile(e.span.file))) return false;
  if (!opts.allowPlaceholders && s.edits.some((e) => hasPlaceholder(e.replacement))) return false;
  return true;
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 77)}...` : one;
}

/**
 * The usable suggestions of one diagnostic, plus a joined form where the cargo adapter split edits sharing one
 * insertion point into alternatives: rustc uses that shape for one multi-part insertion too (E0046 puts every
 * missing item at the end of the impl, one suggestion each). The joined form comes first; validation decides.
 */
function suggestionOptions(d: Diagnostic, opts: RustcCandidateOptions): Suggestion[] {
  const list = d.suggestions.filter((s) => usable(s, opts));
  const byPoint = new Map<string, Suggestion[]>();
  for (const s of list) {
    const e = s.edits[0];
    if (s.edits.length !== 1 || !e || e.span.byteStart !== e.span.byteEnd) continue;
    const k = `${e.span.file}:${e.span.byteStart}`;
    byPoint.set(k, [...(byPoint.get(k) ?? []), s]);
  }
  const joined: Suggestion[] = [];
  for (const group of byPoint.values()) {
    const first = group[0];
    if (!first || group.length < 2) continue;
    const worst = group.reduce((w, s) => (APPLICABILITY_RANK[s.applicability] > APPLICABILITY_RANK[w] ? s.applicability : w), first.applicability);
    joined.push({ message: `${first.message} (and ${group.length - 1} more at the same place)`, applicability: worst, edits: group.flatMap((s) => s.edits) });
  }
  return [...joined, ...list];
}

/**
 * Candidates from the suggestions of `diagnostics` (all error diagnostics, or only diagnostic `index`): each
 * suggestion alone, plus (when there are several errors) one candidate combining every error's single
 * MachineApplicable suggestion and one combining every error's first usable suggestion.
 */
export function rustcSuggestionCandidates(diagnostics: readonly Diagnostic[], index?: number, opts: RustcCandidateOptions = {}): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const push = (c: Candidate): void => {
    const k = editsKey(c.edits);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(c);
  };
  const indexes = index === undefined ? diagnostics.map((_, i) => i) : [index];
  const options = new Map<number, Suggestion[]>();
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i];
    if (d?.level === 'error') options.set(i, suggestionOptions(d, opts));
  }
  for (const i of indexes) {
    const d = diagnostics[i];
    const list = options.get(i);
    if (!d || !list) continue;
    list.forEach((s, j) => {
      push({
        id: `rustc:${i}:${j}`,
        origin: 'rustc',
        patternId: 'rustc_suggestion',
        description: `${d.code ?? 'error'}: ${short(s.message)}`,
        edits: editsOf(s),
        touchedKeys: [],
        targets: [i],
        applicability: s.applicability,
      });
    });
  }
  // Some fixes need several suggestions of one diagnostic together (`.clone()` plus `#[derive(Clone)]`; a bound
  // plus "...and changing the associated type name"): offer all of a diagnostic's suggestions as one candidate.
  for (const i of indexes) {
    const d = diagnostics[i];
    const list = (options.get(i) ?? []).filter((s) => !s.message.endsWith('more at the same place)'));
    if (!d || list.length < 2) continue;
    const edits: FileEdit[] = [];
    for (const s of list) {
      const e = editsOf(s);
      if (!overlapsAny(edits, e) && !e.some((x) => edits.some((y) => x.file === y.file && x.byteStart === y.byteStart))) edits.push(...e);
    }
    if (edits.length < 2) continue;
    push({
      id: `rustc:${i}:all`,
      origin: 'rustc',
      patternId: 'rustc_suggestion',
      description: `${d.code ?? 'error'}: ${list.map((s) => short(s.message)).join(' + ')}`,
      edits,
      touchedKeys: [],
      targets: [i],
      applicability: list.reduce<Applicability>((w, s) => (APPLICABILITY_RANK[s.applicability] > APPLICABILITY_RANK[w] ? s.applicability : w), 'MachineApplicable'),
    });
  }
  if (index !== undefined || opts.combine === false) return out;
  const combos: { id: string; pick: (i: number) => Suggestion | undefined; label: Applicability }[] = [
    {
      id: 'rustc:all-machine-applicable',
      pick: (i) => {
        const ma = (options.get(i) ?? []).filter((s) => s.applicability === 'MachineApplicable');
        return ma.length === 1 ? ma[0] : undefined;
      },
      label: 'MachineApplicable',
    },
    { id: 'rustc:first-of-each', pick: (i) => options.get(i)?.[0], label: 'MaybeIncorrect' },
  ];
  for (const combo of combos) {
    const edits: FileEdit[] = [];
    const targets: number[] = [];
    diagnostics.forEach((d, i) => {
      if (d.level !== 'error') return;
      const s = combo.pick(i);
      if (!s) return;
      const e = editsOf(s);
      if (overlapsAny(edits, e)) return;
      edits.push(...e);
      targets.push(i);
    });
    if (targets.length < 2) continue;
    push({
      id: combo.id,
      origin: 'rustc',
      patternId: 'rustc_suggestion',
      description: `apply rustc's suggestions for ${targets.length} errors together`,
      edits,
      touchedKeys: [],
      targets,
      applicability: combo.label,
    });
  }
  return out;
}

/** rustc's suggestions as a CandidateSource (one diagnostic at a time). */
export function rustcSource(opts: RustcCandidateOptions = {}): CandidateSource {
  return {
    name: 'rustc',
    propose: (i: number, ctx: FixContext) => Promise.resolve(rustcSuggestionCandidates(ctx.diagnostics, i, opts)),
    proposeCombined: (ctx: FixContext) =>
      Promise.resolve(rustcSuggestionCandidates(ctx.diagnostics, undefined, opts).filter((c) => c.targets.length > 1)),
  };
}
