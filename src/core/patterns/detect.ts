/**
 * Matching a diagnostic against a pattern's detector. A match yields one or more capture sets (alternatives):
 * each matching `help` or `suggestion` is its own alternative, so "several import paths" become several
 * candidates. Pure.
 */
import type { Diagnostic, SourceSpan } from '../diagnostics/types.js';
import type { Pattern } from './model.js';

/** One way a detector matched: named captures plus the spans `span_label` selected. */
export interface DetectorMatch {
  captures: Record<string, string>;
  matched: SourceSpan[];
}

/** At most this many alternatives per diagnostic and pattern, to bound validation cost. */
const MAX_ALTERNATIVES = 8;

function groups(prefix: string, m: RegExpExecArray): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) out[`${prefix}.${k}`] = v;
  return out;
}

/** Compiles a detector regex; patterns are validated at load, so a bad regex here is a programming error. */
function re(source: string): RegExp {
  return new RegExp(source, 's');
}

/** Notes of one level (`help` or `note`) without the level prefix. */
function childMessages(d: Diagnostic, level: 'help' | 'note'): string[] {
  const prefix = `${level}: `;
  return d.notes.filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length));
}

/** Returns the ways `pattern` matches diagnostic `d` (empty when it does not apply). */
export function matchDetector(pattern: Pattern, d: Diagnostic): DetectorMatch[] {
  const det = pattern.detector;
  if (det.text_detector !== undefined) return [];
  const codes = det.code ?? pattern.error_codes;
  if (codes.length > 0 && (d.code === null || !codes.includes(d.code))) return [];
  if (d.level !== 'error') return [];
  let base: Record<string, string> = {};
  const hay = [d.message, ...d.spans.map((s) => s.label ?? ''), ...d.notes].join('\n');
  if (det.unless !== undefined && re(det.unless).test(hay)) return [];
  if (det.requires !== undefined && !re(det.requires).test(hay)) return [];
  if (det.message !== undefined) {
    const m = re(det.message).exec(d.message);
    if (!m) return [];
    base = { ...base, ...groups('message', m) };
  }
  if (det.label !== undefined) {
    const m = re(det.label).exec(d.primary?.label ?? '');
    if (!m) return [];
    base = { ...base, ...groups('label', m) };
  }
  const matched: SourceSpan[] = [];
  if (det.span_label !== undefined) {
    const r = re(det.span_label);
    for (const s of d.spans) {
      const m = r.exec(s.label ?? '');
      if (!m) continue;
      if (matched.length === 0) base = { ...base, ...groups('span', m) };
      matched.push(s);
    }
    if (matched.length === 0) return [];
  }
  if (det.note !== undefined) {
    const r = re(det.note);
    const hit = childMessages(d, 'note').map((n) => r.exec(n)).find((m) => m !== null);
    if (!hit) return [];
    base = { ...base, ...groups('note', hit) };
  }
  let alternatives: Record<string, string>[] = [base];
  if (det.help !== undefined) {
    const r = re(det.help);
    const hits = childMessages(d, 'help').map((h) => r.exec(h)).filter((m): m is RegExpExecArray => m !== null);
    if (hits.length === 0) return [];
    alternatives = alternatives.flatMap((a) => hits.map((h) => ({ ...a, ...groups('help', h) })));
  }
  if (det.suggestion !== undefined) {
    const msgRe = det.suggestion.message !== undefined ? re(det.suggestion.message) : null;
    const repRe = det.suggestion.replacement !== undefined ? re(det.suggestion.replacement) : null;
    const found: Record<string, string>[] = [];
    for (const s of d.suggestions) {
      const mm = msgRe ? msgRe.exec(s.message) : null;
      if (msgRe && !mm) continue;
      // A multi-part suggestion matches when one of its edits matches the replacement regex.
      for (const e of s.edits) {
        const rm = repRe ? repRe.exec(e.replacement) : null;
        if (repRe && !rm) continue;
        const caps = { ...(mm ? groups('suggestion', mm) : {}), ...(rm ? groups('suggestion', rm) : {}) };
        if (!found.some((f) => JSON.stringify(f) === JSON.stringify(caps))) found.push(caps);
        if (!repRe) break;
      }
    }
    if (found.length === 0) return [];
    alternatives = alternatives.flatMap((a) => found.map((f) => ({ ...a, ...f })));
  }
  return alternatives.slice(0, MAX_ALTERNATIVES).map((captures) => ({ captures, matched }));
}

/**
 * Replaces `{{field.group}}` in `template` with captures; `{{a|b}}` takes the first capture present. Returns null
 * when a referenced capture is missing (the template cannot be instantiated).
 */
export function interpolate(template: string, captures: Record<string, string>): string | null {
  let missing = false;
  const out = template.replace(/\{\{\s*([\w.|=]+)\s*\}\}/g, (_, keys: string) => {
    // `=text` is a literal fallback (e.g. `{{label.mut|=}}` for "empty when absent").
    const v = keys.split('|').map((k) => (k.startsWith('=') ? k.slice(1) : captures[k])).find((x) => x !== undefined);
    if (v === undefined) {
      missing = true;
      return '';
    }
    return v;
  });
  return missing ? null : out;
}
