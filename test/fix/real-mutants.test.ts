// Shapes from the real-crate mutation corpus (bench/fix-real.ts) that the search used to leave unfixed: a local
// binding renamed without its uses (in a function and in a test), and a fix whose crate also has a nightly-only
// bench (E0554 revealed once the library compiles). Real cargo and git in temp crates; `debug-bug --apply`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPatternSources, runDebugBug } from '../../src/app/debug-bug.js';
import { prepareValidationTree } from '../../src/app/fix-validate.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import { missingFieldCandidates } from '../../src/core/fix/missing-field.js';
import { renameBindingCandidates } from '../../src/core/fix/rename-binding.js';
import type { CandidateSource } from '../../src/core/fix/types.js';
import { repoWithFiles } from './helpers.js';

/** A temp crate (one commit) with these files besides its manifest. */
async function crate(name: string, files: Record<string, string>, edition = '2021'): Promise<string> {
  const manifest = `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "${edition}"\n`;
  return repoWithFiles(`rustgate-mutant-${name}-`, { 'Cargo.toml': manifest, '.gitignore': 'target/\n', ...files }, 'mutant');
}

const RENAMED_IN_FN = `/// Sum of the squares.
///
/// \`\`\`
/// assert_eq!(renamed::squares(&[1, 2, 3]), 14);
/// \`\`\`
pub fn squares(xs: &[u64]) -> u64 {
    let mut total_renamed = 0;
    for x in xs {
        let sq = x * x;
        total += sq;
    }
    if total > 1_000 {
        return 1_000;
    }
    total
}

#[cfg(test)]
mod tests {
    #[test]
    fn small() {
        assert_eq!(super::squares(&[2, 2]), 8);
    }
}
`;

const RENAMED_IN_TEST = `pub fn is_even(n: u32) -> bool {
    n % 2 == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn evens() {
        let mut ok_renamed = true;
        for n in [0u32, 2, 4] {
            if !super::is_even(n) {
                ok = false;
            }
        }
        assert!(ok);
    }
}
`;

const MISSING_FIELDS = `use std::marker::PhantomData;

pub struct Tagged<T> {
    pub value: u32,
    marker: PhantomData<fn(T) -> T>,
}

impl<T> Tagged<T> {
    pub fn new(value: u32) -> Self {
        Tagged {
            value,
        }
    }
}

pub struct Entry {
    pub name: String,
    pub is_dir: bool,
}

pub fn entry(path: &str) -> Entry {
    let is_dir = path.ends_with('/');
    Entry { name: path.trim_end_matches('/').to_string() }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dir() {
        assert!(super::entry("a/").is_dir);
        assert_eq!(super::Tagged::<u8>::new(3).value, 3);
    }
}
`;

describe('real-crate mutant shapes', () => {
  it('a renamed local (its uses left behind) is fixed by renaming the unused binding back: one edit, tests and doctests pass', async () => {
    const repo = await crate('renamed', { 'src/lib.rs': RENAMED_IN_FN });
    const r = await runDebugBug({ repo, apply: true, sources: [] });
    expect(r.status, JSON.stringify(r.report)).toBe('fixed');
    expect(r.candidate?.pattern_id).toBe('rename_unused_binding');
    expect(r.candidate?.validation_status).toBe('Tests_OK');
    expect(r.report.rating).toBe('green');
    // One changed line: the binding, not its three uses (rustc's similar-name guess would rename them to `sq`).
    expect(r.candidate?.diff).toContain('-    let mut total_renamed = 0;\n+    let mut total = 0;');
    expect(r.candidate?.diff.split('\n').filter((l) => /^[+-] /.test(l))).toHaveLength(2);
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toBe(RENAMED_IN_FN.replace('total_renamed', 'total'));
  });

  it('a renamed local inside a #[test] is fixed there (renaming an unused binding changes no assertion), not rated amber', async () => {
    const repo = await crate('renamedtest', { 'src/lib.rs': RENAMED_IN_TEST });
    const r = await runDebugBug({ repo, apply: true, sources: [] });
    expect(r.status, JSON.stringify([r.report, r.amber_reasons])).toBe('fixed');
    expect(r.amber_reasons).toBeUndefined();
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toBe(RENAMED_IN_TEST.replace('ok_renamed', 'ok'));
  });

  it('a nightly-only bench (E0554, revealed once the library compiles) neither counts against the fix nor blocks the tests', async () => {
    const repo = await crate('nightlybench', {
      'src/lib.rs': 'pub fn count(n: u32) -> u32 {\n    let c = 0;\n    for _ in 0..n {\n        c += 1;\n    }\n    c\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn three() {\n        assert_eq!(super::count(3), 3);\n    }\n}\n',
      'benches/bench.rs': '#![feature(test)]\nextern crate test;\n\n#[bench]\nfn count(b: &mut test::Bencher) {\n    b.iter(|| nightlybench::count(10));\n}\n',
    });
    const r = await runDebugBug({ repo, apply: true, sources: [] });
    expect(r.status, JSON.stringify([r.report, r.rounds, r.not_applied_reason])).toBe('fixed');
    expect(r.candidate?.validation_status).toBe('Tests_OK');
    expect(r.errors_remaining).toEqual([]);
    expect(r.warnings.some((w) => w.startsWith('benches/bench.rs:1 needs a nightly toolchain (E0554'))).toBe(true);
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toContain('let mut c = 0;');
  });
});

describe('toolchain errors (E0554)', () => {
  it('a candidate that writes a #![feature] itself is not let off: its E0554 stays an error of the candidate', async () => {
    const lib = 'pub fn one() -> u32 {\n    1\n}\n';
    const repo = await crate('featureadd', { 'src/lib.rs': lib, 'benches/bench.rs': '#![feature(test)]\nextern crate test;\n' });
    const tree = await prepareValidationTree({ repoRoot: repo });
    // The bench's own E0554 (an unchanged file) is the toolchain's: no error, reported apart.
    const base = await tree.validate(new Map());
    expect(base.errors).toEqual([]);
    expect(base.toolchain?.map((d) => d.primary?.file)).toEqual(['benches/bench.rs']);
    const v = await tree.validate(new Map([['src/lib.rs', `#![feature(test)]\n${lib}`]]));
    expect(v.status).toBe('Failed');
    expect(v.errors.map((d) => [d.code, d.primary?.file])).toEqual([['E0554', 'src/lib.rs']]);
  });
});

describe('missing struct fields', () => {
  it('fills a PhantomData field with PhantomData and a field the function computed with its unused local (not a literal)', async () => {
    const repo = await crate('fields', { 'src/lib.rs': MISSING_FIELDS });
    const r = await runDebugBug({ repo, apply: true, sources: [] });
    expect(r.status, JSON.stringify([r.report, r.rounds, r.not_applied_reason])).toBe('fixed');
    expect(r.candidate?.validation_status).toBe('Tests_OK');
    const after = await readFile(path.join(repo, 'src/lib.rs'), 'utf8');
    expect(after).toContain('            value,\n            marker: PhantomData,\n        }');
    expect(after).toContain('Entry { name: path.trim_end_matches(\'/\').to_string(), is_dir }');
  });

  it('invents no value: a missing bool with no local of its name gets no candidate', () => {
    const text = 'struct E {\n    a: u8,\n    flag: bool,\n}\nfn f() -> E {\n    E { a: 1 }\n}\n';
    const at = text.indexOf('E { a');
    const span = { file: 'src/lib.rs', byteStart: at, byteEnd: at + 1, lineStart: 6, lineEnd: 6, columnStart: 5, columnEnd: 6, label: null, isPrimary: true };
    const d: Diagnostic = { level: 'error', code: 'E0063', message: 'missing field `flag` in initializer of `E`', primary: span, spans: [span], notes: [], suggestions: [], rendered: '', source: 'rustc', packageName: 'p' };
    expect(missingFieldCandidates([d], 0, new Map([['src/lib.rs', text]]))).toEqual([]);
    // With a local `flag` computed above and used nowhere else, the shorthand is the candidate.
    const withLocal = text.replace('fn f() -> E {\n', 'fn f() -> E {\n    let flag = true;\n');
    const at2 = withLocal.indexOf('E { a');
    const d2: Diagnostic = { ...d, primary: { ...span, byteStart: at2, byteEnd: at2 + 1 } };
    expect(missingFieldCandidates([d2], 0, new Map([['src/lib.rs', withLocal]]))[0]?.edits[0]?.replacement).toBe(', flag');
  });
});

describe('a collect into a mistyped annotation', () => {
  it('annotates the element type the iterator yields (no cast), and the uses that disagreed with the old type compile', async () => {
    const text = 'pub fn prefix_sums(n: usize) -> usize {\n    let mut cache: Vec<u32> = (1..n + 1).collect();\n    let mut acc = 0;\n    for j in 0..cache.len() {\n        acc += cache[j];\n        cache[j] = acc;\n    }\n    acc\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn sums() {\n        assert_eq!(super::prefix_sums(4), 10);\n    }\n}\n';
    const repo = await crate('collect', { 'src/lib.rs': text });
    const r = await runDebugBug({ repo, apply: true, sources: [] });
    expect(r.status, JSON.stringify([r.report, r.rounds, r.not_applied_reason])).toBe('fixed');
    expect(r.candidate?.pattern_id).toBe('collect_annotation_element');
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toBe(text.replace('Vec<u32>', 'Vec<usize>'));
  });
});

describe('a binding whose declared integer type its stored values contradict', () => {
  it('declares the binding with the stored values\' type (one edit at the `let`), not a try_into().unwrap() at each store', async () => {
    const text = 'pub fn distances(n: usize) -> usize {\n    let prev: Vec<usize> = (0..n + 1).collect();\n    let mut curr: Vec<u32> = vec![0; n + 1];\n    for i in 0..n {\n        curr[0] = i + 1;\n        curr[i + 1] = prev[i] + curr[i];\n    }\n    curr[n]\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn three() {\n        assert_eq!(super::distances(3), 4);\n    }\n}\n';
    const repo = await crate('bindingtype', { 'src/lib.rs': text });
    const r = await runDebugBug({ repo, apply: true, sources: [] });
    expect(r.status, JSON.stringify([r.report, r.rounds, r.not_applied_reason])).toBe('fixed');
    expect(r.candidate?.pattern_id).toBe('binding_type_from_values');
    expect(r.candidate?.validation_status).toBe('Tests_OK');
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toBe(text.replace('Vec<u32>', 'Vec<usize>'));
  });
});

describe('a return type its returned value contradicts (integer types)', () => {
  it('a private fn gets the returned value\'s type in its signature (one edit at the cause); on a pub fn it is not proposed (a public signature), nothing is applied', async () => {
    const text = 'fn spaces(s: &[u8]) -> u32 {\n    s.iter().filter(|&&b| b == b\' \').count()\n}\n\npub fn words(s: &str) -> usize {\n    spaces(s.as_bytes()) + 1\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn three() {\n        assert_eq!(super::words("a b c"), 3);\n    }\n}\n';
    const repo = await crate('rettype', { 'src/lib.rs': text });
    const r = await runDebugBug({ repo, apply: true, sources: [] });
    expect(r.status, JSON.stringify([r.report, r.rounds, r.not_applied_reason])).toBe('fixed');
    expect(r.candidate?.pattern_id).toBe('return_type_from_values');
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toBe(text.replace('-> u32 {', '-> usize {'));
    const pub = 'pub fn width(s: &str) -> u32 {\n    s.len()\n}\n';
    const repo2 = await crate('rettypepub', { 'src/lib.rs': pub });
    const r2 = await runDebugBug({ repo: repo2, apply: true, sources: [] });
    expect(r2.status).not.toBe('fixed');
    expect(await readFile(path.join(repo2, 'src/lib.rs'), 'utf8')).toBe(pub);
  });
});

describe('a panic path reached in two steps', () => {
  it('a try_into().unwrap() that needs the TryInto import first (edition 2015) is still rated amber and not applied', async () => {
    const text = 'pub fn width(s: &str) -> u32 {\n    s.len()\n}\n';
    const repo = await crate('twostep', { 'src/lib.rs': text }, '2015');
    const r = await runDebugBug({ repo, apply: true, sources: [] });
    expect(r.status, JSON.stringify([r.rounds, r.candidate?.diff])).not.toBe('fixed');
    expect(r.amber_reasons?.some((x) => x.startsWith('inserts a panic path'))).toBe(true);
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toBe(text);
  });
});

describe('an item made private that the crate re-exports (`pub use m::{T}`), defined in another file', () => {
  const lib = 'mod title;\n\npub use title::{AsTitle, ToTitle};\n';
  const title = '/// Title case.\n///\n/// ```\n/// use retitle::ToTitle;\n/// assert_eq!("ab cd".to_title(), "Ab Cd");\n/// ```\ntrait ToTitle {\n    fn to_title(&self) -> String;\n}\n\npub struct AsTitle;\n\nimpl ToTitle for str {\n    fn to_title(&self) -> String {\n        self.split(\' \').map(|w| w[..1].to_uppercase() + &w[1..]).collect::<Vec<_>>().join(" ")\n    }\n}\n';
  it('makes it `pub` at its definition (rustc\'s "defined here" note, no graph needed): the re-export already declares it public, so it is applied', async () => {
    const repo = await crate('retitle', { 'src/lib.rs': lib, 'src/title.rs': title });
    const r = await runDebugBug({ repo, apply: true, sources: await loadPatternSources() });
    expect(r.status, JSON.stringify([r.report, r.rounds, r.not_applied_reason, r.amber_reasons])).toBe('fixed');
    expect(r.candidate?.pattern_id).toBe('make_visible_item');
    expect(r.candidate?.validation_status).toBe('Tests_OK');
    expect(await readFile(path.join(repo, 'src/title.rs'), 'utf8')).toBe(title.replace('trait ToTitle {', 'pub trait ToTitle {'));
  });

  it('an item used only by an integration test (not re-exported) stays amber and is not applied: `pub` would widen the API', async () => {
    const plain = 'fn shout(s: &str) -> String {\n    s.to_uppercase()\n}\n';
    const repo = await crate('shoutapi', { 'src/lib.rs': plain, 'tests/it.rs': '#[test]\nfn loud() {\n    assert_eq!(shoutapi::shout("a"), "A");\n}\n' });
    const r = await runDebugBug({ repo, apply: true, sources: await loadPatternSources() });
    expect(r.status).not.toBe('fixed');
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toBe(plain);
  });
});

describe('the `?` family: a `?` added where it cannot act', () => {
  it('in a #[test], on a value that is not Try: the `?` is removed there and not rated amber (it could do nothing, no assertion changes)', async () => {
    const text = 'pub fn double(n: u32) -> u32 {\n    n * 2\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn four() {\n        let d = super::double(2)?;\n        assert_eq!(d, 4);\n    }\n}\n';
    const repo = await crate('trytest', { 'src/lib.rs': text });
    const r = await runDebugBug({ repo, apply: true, sources: await loadPatternSources() });
    expect(r.status, JSON.stringify([r.report, r.rounds, r.not_applied_reason, r.amber_reasons])).toBe('fixed');
    expect(r.amber_reasons).toBeUndefined();
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toBe(text.replace('double(2)?;', 'double(2);'));
  });

  it('in a function returning a plain value: removed where a typed `let` takes the value; a statement `f()?;` is never offered the removal (its Result would be ignored)', async () => {
    const text = 'pub fn squeeze(s: &str) -> usize {\n    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect()?;\n    t.len()\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn two() {\n        assert_eq!(super::squeeze("a b"), 2);\n    }\n}\n';
    const repo = await crate('tryplain', { 'src/lib.rs': text });
    const r = await runDebugBug({ repo, apply: true, sources: await loadPatternSources() });
    expect(r.status, JSON.stringify([r.report, r.rounds, r.not_applied_reason])).toBe('fixed');
    expect(r.candidate?.pattern_id).toBe('remove_try_in_plain_fn');
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toBe(text.replace('collect()?;', 'collect();'));
    const stmt = 'use std::fmt::Write;\n\npub fn log(out: &mut String, n: u32) {\n    write!(out, "{}", n)?;\n}\n';
    const repo2 = await crate('trystmt', { 'src/lib.rs': stmt });
    const r2 = await runDebugBug({ repo: repo2, apply: true, sources: await loadPatternSources() });
    // (rustc's own suggestion, a `Result` return type, may still be chosen; the `?` is never just dropped.)
    expect(r2.rounds.flatMap((x) => x.tried.map((t) => t.id)).some((id) => id.includes('remove_try'))).toBe(false);
    expect(await readFile(path.join(repo2, 'src/lib.rs'), 'utf8')).toContain('write!(out, "{}", n)?;');
  });
});

describe('renameBindingCandidates (pure)', () => {
  const e0425 = (file: string, text: string, at: number, name: string): Diagnostic => {
    const byte = new TextEncoder().encode(text.slice(0, at)).length;
    const span = { file, byteStart: byte, byteEnd: byte + name.length, lineStart: 1, lineEnd: 1, columnStart: 1, columnEnd: 1, label: null, isPrimary: true };
    return { level: 'error', code: 'E0425', message: `cannot find value \`${name}\` in this scope`, primary: span, spans: [span], notes: [], suggestions: [], rendered: '', source: 'rustc', packageName: 'p' };
  };
  const errorsFor = (text: string, name: string): Diagnostic[] =>
    Array.from(text.matchAll(new RegExp(`(?<![\\w.])${name}(?![\\w])`, 'g')), (m) => e0425('src/lib.rs', text, m.index, name));

  it('renames the one unused binding whose scope holds every use; nothing when the binding is used, out of scope, or there are two', () => {
    const ok = 'fn f() -> u8 {\n    let v_old = 1; // note: "é"\n    v + v\n}\n';
    const c = renameBindingCandidates(errorsFor(ok, 'v'), 0, new Map([['src/lib.rs', ok]]));
    expect(c).toHaveLength(1);
    expect(c[0]?.targets).toEqual([0, 1]);
    expect(c[0]?.edits).toEqual([{ file: 'src/lib.rs', byteStart: ok.indexOf('v_old'), byteEnd: ok.indexOf('v_old') + 5, replacement: 'v' }]);
    // `let mut t`: the edit is the binding's name, not the `t` of `mut`.
    const mut = 'fn f() -> u8 {\n    let mut t = 1;\n    u += 1;\n    u\n}\n';
    expect(renameBindingCandidates(errorsFor(mut, 'u'), 0, new Map([['src/lib.rs', mut]]))[0]?.edits[0]?.byteStart).toBe(mut.indexOf('t = 1'));
    // The binding is used: renaming it would change what that use means.
    const used = 'fn f() -> u8 {\n    let w = 1;\n    w + v\n}\n';
    expect(renameBindingCandidates(errorsFor(used, 'v'), 0, new Map([['src/lib.rs', used]]))).toEqual([]);
    // The use lies outside the binding's block.
    const scoped = 'fn f() -> u8 {\n    {\n        let w = 1;\n    }\n    v\n}\n';
    expect(renameBindingCandidates(errorsFor(scoped, 'v'), 0, new Map([['src/lib.rs', scoped]]))).toEqual([]);
    // Two unused bindings: which one was renamed is a guess.
    const two = 'fn f() -> u8 {\n    let a = 1;\n    let b = 2;\n    v\n}\n';
    expect(renameBindingCandidates(errorsFor(two, 'v'), 0, new Map([['src/lib.rs', two]]))).toEqual([]);
  });
});

describe('a candidate that silences the error with a construct a fix must never introduce', () => {
  it('wrapping an unsafe call in `unsafe { }` (E0133) compiles, but a pattern or rustc candidate doing it is rated amber and not applied', async () => {
    const text = 'unsafe fn raw(v: &[u8]) -> u8 {\n    *v.as_ptr()\n}\n\npub fn first(v: &[u8]) -> u8 {\n    raw(v)\n}\n';
    const repo = await crate('silenced', { 'src/lib.rs': text });
    const at = Buffer.byteLength(text.slice(0, text.indexOf('raw(v)')));
    const wrap: CandidateSource = {
      name: 'scripted',
      propose: (i, ctx) => Promise.resolve(ctx.diagnostics[i]?.code === 'E0133'
        ? [{ id: 'scripted:unsafe', origin: 'pattern' as const, patternId: 'scripted_unsafe', description: 'wrap the call in unsafe', edits: [{ file: 'src/lib.rs', byteStart: at, byteEnd: at + 6, replacement: 'unsafe { raw(v) }' }], touchedKeys: [], targets: [i] }]
        : []),
    };
    const r = await runDebugBug({ repo, apply: true, sources: [wrap] });
    expect(r.status, JSON.stringify([r.rounds, r.candidate?.diff, r.amber_reasons])).not.toBe('fixed');
    expect(r.amber_reasons?.some((x) => x.startsWith('introduces unsafe_block in src/lib.rs:6'))).toBe(true);
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toBe(text);
  });
});
