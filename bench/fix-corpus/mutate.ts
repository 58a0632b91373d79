/**
 * Mutation operators for the real-crate corpus: each takes a Rust source and returns every single-site mutant it
 * can make (line-level, text-based, deliberately simple). The bench keeps the mutants that fail `cargo check`.
 */

/** One mutant: the operator, the 1-based line it changed, and the new text of the file. */
export interface Mutant {
  op: string;
  line: number;
  text: string;
}

type LineOp = (line: string) => string | null;

/** Line operators: a line in, its mutated form (or null when the operator does not apply). */
const OPS: Record<string, LineOp> = {
  remove_use: (l) => (/^\s*(pub\s+)?use\s+[^;]+;\s*$/.test(l) && !/^\s*\/\//.test(l) ? '' : null),
  remove_bound: (l) => {
    const m = /<(\s*[A-Z]\w*)\s*:\s*[^<>,]+(?:<[^<>]*>)?([,>])/.exec(l);
    return m ? l.replace(m[0], `<${m[1]}${m[2]}`) : null;
  },
  remove_derive: (l) => {
    const m = /#\[derive\(([^)]*)\)\]/.exec(l);
    if (!m) return null;
    const items = (m[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return items.length > 1 ? l.replace(m[0], `#[derive(${items.slice(1).join(', ')})]`) : '';
  },
  remove_mut: (l) => (/\blet mut\b/.test(l) ? l.replace(/\blet mut\b/, 'let') : null),
  remove_ref: (l) => (/\(&(?!mut)[a-z_]\w*/.test(l) && !/^\s*\/\//.test(l) ? l.replace(/\(&(?!mut)([a-z_]\w*)/, '($1') : null),
  remove_question: (l) => (/\)\?[;.)]/.test(l) ? l.replace(/\)\?([;.)])/, ')$1') : null),
  // The other half of the `?` family: a `?` added to a `let` initialised by a call whose value is not `Try` (or in
  // a function that returns neither Result nor Option): E0277.
  add_question: (l) => (/^\s*let (mut )?[a-z_]\w*(\s*:[^=]+)?\s*=\s*[^;?]*\)\s*;\s*$/.test(l) ? l.replace(/\)\s*;\s*$/, ')?;') : null),
  remove_pub: (l) => (/^\s*pub (fn|struct|enum|trait|mod|type|const) /.test(l) ? l.replace(/\bpub /, '') : null),
  remove_field: (l) => (/^\s+[a-z_]\w*\s*:\s*[^,]+,\s*$/.test(l) && !/=>|let |\/\//.test(l) ? '' : null),
  remove_match_arm: (l) => (/^\s+[^/]*=>\s*[^{]*,\s*$/.test(l) && !/\b_\s*=>/.test(l) ? '' : null),
  rename_local: (l) => {
    const m = /\blet (mut )?([a-z_]\w*)\s*(:|=)/.exec(l);
    return m ? l.replace(m[0], `let ${m[1] ?? ''}${m[2]}_renamed ${m[3]}`) : null;
  },
  change_int_type: (l) => (/\bu32\b/.test(l) ? l.replace(/\bu32\b/, 'u64') : /\busize\b/.test(l) && !/^\s*\/\//.test(l) ? l.replace(/\busize\b/, 'u32') : null),
  remove_move: (l) => (/\bmove\s*\|/.test(l) ? l.replace(/\bmove\s*\|/, '|') : null),
  remove_clone: (l) => (/\.clone\(\)/.test(l) ? l.replace(/\.clone\(\)/, '') : null),
  // Opt-in (sampled only when `--ops` names them): a method made to take `self` by value (E0507, E0382 at its
  // callers), and `Copy` added to a derive list (E0204 when a field is not Copy).
  self_by_value: (l) => (/\bfn\s+\w+(?:<[^>]*>)?\(&self\b/.test(l) ? l.replace(/\(&self\b/, '(self') : null),
  add_copy_derive: (l) => {
    const m = /#\[derive\(([^)]*\bClone\b[^)]*)\)\]/.exec(l);
    return m && !/\bCopy\b/.test(m[1] ?? '') ? l.replace(m[0], `#[derive(${m[1] ?? ''}, Copy)]`) : null;
  },
  // A conversion the code needs, removed (the type and conversion classes): `.copied()`/`.cloned()`, `.as_bytes()`,
  // `.map(String::from)`, `.into_iter().collect()`, `Path::new(x)`/`OsStr::new(x)`, a primitive's `T::from(x)`.
  remove_conversion: (l) => {
    for (const re of [/\.(?:copied|cloned)\(\)/, /\.as_bytes\(\)/, /\.map\(String::from\)/, /\.into_iter\(\)\.collect\(\)/]) if (re.test(l)) return l.replace(re, '');
    const wrapped = /\b(?:Path::new|OsStr::new|(?:[iu](?:8|16|32|64|128|size)|f32|f64|char)::from)\(([^()]*)\)/.exec(l);
    if (!wrapped) return null;
    const inner = wrapped[1] ?? '';
    return l.replace(wrapped[0], /^[\w.&*]+$/.test(inner.trim()) ? inner : `(${inner})`);
  },
};

/**
 * Block operator `remove_impl_method`: drops one whole `fn` item (its doc comments and attributes included) from an
 * `impl Trait for Type` block whose trait is not a derive-like marker, so rustc reports E0046 for a required method
 * (a method the trait provides by default just compiles and is dropped by the bench). Brace depth is counted on the
 * text with string and char literals blanked; good enough for the small crates of the corpus.
 */
export function blockMutants(text: string): Mutant[] {
  const lines = text.split('\n');
  const out: Mutant[] = [];
  const code = lines.map((l) => l.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/'(?:[^'\\]|\\.)'/g, "' '").replace(/\/\/.*$/, ''));
  let depth = 0;
  let implDepth = -1; // depth inside the current trait impl's braces, -1 outside one
  for (let i = 0; i < lines.length; i++) {
    const l = code[i] ?? '';
    if (implDepth < 0 && /^\s*(unsafe\s+)?impl\b[^{;]*\bfor\b/.test(l) && l.includes('{')) implDepth = depth + 1;
    else if (implDepth >= 0 && depth === implDepth && /^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(unsafe\s+)?fn\s+\w+/.test(l)) {
      // The fn item ends where its braces close again (or at `;` for a bodiless one).
      let d = depth;
      let end = -1;
      for (let j = i; j < lines.length; j++) {
        for (const ch of code[j] ?? '') {
          if (ch === '{') d++;
          else if (ch === '}') d--;
        }
        if (d === depth && ((code[j] ?? '').includes('}') || (code[j] ?? '').trimEnd().endsWith(';'))) {
          end = j;
          break;
        }
      }
      if (end >= i) {
        let start = i;
        while (start > 0 && /^\s*(\/\/\/|#\[)/.test(lines[start - 1] ?? '')) start--;
        const copy = [...lines.slice(0, start), ...lines.slice(end + 1)];
        out.push({ op: 'remove_impl_method', line: i + 1, text: copy.join('\n') });
      }
    }
    for (const ch of l) {
      if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        if (depth < implDepth) implDepth = -1;
      }
    }
  }
  return out;
}

/** Every line mutant of `text` (doc comments and attributes other than derives are left alone). */
export function mutants(text: string): Mutant[] {
  const lines = text.split('\n');
  const out: Mutant[] = [];
  lines.forEach((line, i) => {
    if (/^\s*\/\//.test(line)) return;
    for (const [op, f] of Object.entries(OPS)) {
      const m = f(line);
      if (m === null || m === line) continue;
      const copy = [...lines];
      copy[i] = m;
      out.push({ op, line: i + 1, text: copy.join('\n') });
    }
  });
  return out;
}

/** A small deterministic PRNG (mulberry32) so the sampled corpus is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
