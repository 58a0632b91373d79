// The fix validation's extra configurations: a package that declares features or is `no_std` is also checked with
// `--no-default-features` (and the feature sets of `fix.validate_features`), as progress per configuration against
// the tree before the candidate. Real cargo, git and the real search over scripted candidates.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareValidationTree } from '../../src/app/fix-validate.js';
import { searchFix } from '../../src/core/fix/search.js';
import type { Candidate, CandidateSource } from '../../src/core/fix/types.js';
import { repoWithFiles } from './helpers.js';

/** A temp git repo with one crate `bits` made of these files, committed. */
async function crate(files: Record<string, string>): Promise<string> {
  return repoWithFiles('rustgate-features-', files);
}

const WITH_STD = `[package]\nname = "bits"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\ndefault = ["std"]\nstd = []\n\n[dependencies]\n`;
const PLAIN = `[package]\nname = "bits"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n`;

/** A `no_std`-capable library whose `quad` calls a function that does not exist (E0425, nothing similar to suggest). */
function lib(extra = ''): string {
  return [
    '#![cfg_attr(not(feature = "std"), no_std)]',
    '',
    'pub fn double(x: u32) -> u32 {',
    '    x * 2',
    '}',
    '',
    '#[cfg(feature = "std")]',
    'pub fn describe(x: u32) -> std::string::String {',
    '    std::format!("{}", double(x))',
    '}',
    '',
    'pub fn quad(x: u32) -> u32 {',
    '    frobnicate(x)',
    '}',
    extra,
  ].join('\n');
}

const BROKEN_CALL = 'frobnicate(x)';
/** Compiles with default features only: `describe` is gated behind the default feature `std`. */
const STD_ONLY = 'describe(x).len() as u32';
/** Compiles in both configurations. */
const PORTABLE = 'double(double(x))';

/** A candidate source that proposes these replacements of the broken call in src/lib.rs, in order. */
function scripted(replacements: string[], file = 'src/lib.rs'): CandidateSource {
  return {
    name: 'scripted',
    propose: (i, ctx) => {
      const text = ctx.files.get(file) ?? '';
      const at = text.indexOf(BROKEN_CALL);
      if (at < 0) return Promise.resolve([]);
      return Promise.resolve(
        replacements.map(
          (r, n): Candidate => ({
            id: `scripted:${n}`,
            origin: 'pattern',
            patternId: null,
            description: `call ${r}`,
            edits: [{ file, byteStart: at, byteEnd: at + BROKEN_CALL.length, replacement: r }],
            touchedKeys: [],
            targets: [i],
          }),
        ),
      );
    },
  };
}

async function search(repo: string, replacements: string[], featureSets?: string[][], file = 'src/lib.rs') {
  const tree = await prepareValidationTree({ repoRoot: repo, ...(featureSets ? { featureSets } : {}) });
  const initial = await tree.validate(new Map());
  const text = (await tree.readWorktree(file)) ?? '';
  const result = await searchFix({ files: new Map([[file, text]]), initial, sources: [scripted(replacements, file)], validate: tree.validate, maxRounds: 1 });
  return { tree, initial, result };
}

describe('validation with --no-default-features (progress per configuration)', () => {
  it('rejects a fix that compiles with default features but not without them; accepts one that works in both', async () => {
    const repo = await crate({ 'Cargo.toml': WITH_STD, 'src/lib.rs': lib() });
    const only = await search(repo, [STD_ONLY]);
    expect(only.initial.errors.map((d) => d.code)).toEqual(['E0425']);
    // The default check is clean, `--no-default-features` has an error the tree before did not have: no progress.
    expect(only.result.outcome).toBe('no_progress');
    expect(only.result.rounds[0]?.tried).toEqual([expect.objectContaining({ id: 'scripted:0', newErrors: 1, status: 'Failed' })]);
    const check = only.tree.log.at(-1);
    expect(check?.args).not.toContain('--no-default-features');
    expect(check?.configs.map((c) => [c.args.slice(-3), c.added])).toEqual([[['-p', 'bits', '--no-default-features'], 1]]);
    // The tree before the candidate was checked once in that configuration, for this selection.
    expect(check?.configs[0]?.baselineMs).not.toBeNull();

    // With the portable alternative among the candidates, that one is accepted.
    const both = await search(repo, [STD_ONLY, PORTABLE]);
    expect(both.result.outcome).toBe('fixed');
    expect(both.result.files.get('src/lib.rs')).toContain(PORTABLE);
    expect(both.result.rounds[0]?.accepted).toBe('scripted:1');
    // The second candidate reused the configuration's baseline.
    expect(both.tree.log.at(-1)?.configs.map((c) => [c.baselineMs, c.added])).toEqual([[null, 0]]);

    // A candidate the default check already rejects (a new error there) is not checked again without features.
    const bad = await search(repo, ['frobnicat(x)']);
    expect(bad.result.rounds[0]?.tried).toEqual([expect.objectContaining({ newErrors: 1, status: 'Failed' })]);
    expect(bad.tree.log.at(-1)?.configs).toEqual([]);

    // `fix.validate_features: []` turns the extra configurations off: the std-only fix is accepted (the control).
    const off = await search(repo, [STD_ONLY], []);
    expect(off.result.outcome).toBe('fixed');
    expect(off.tree.log.at(-1)?.configs).toEqual([]);
  });

  it('checks the feature sets rustgate.yaml lists, each with --no-default-features --features SET', async () => {
    const repo = await crate({ 'Cargo.toml': WITH_STD, 'src/lib.rs': lib() });
    // With `std` enabled the std-only fix compiles; the empty set still rejects it.
    const r = await search(repo, [STD_ONLY], [['std'], []]);
    expect(r.result.outcome).toBe('no_progress');
    expect(r.tree.log.at(-1)?.configs.map((c) => [c.args.slice(c.args.indexOf('-p')), c.added])).toEqual([
      [['-p', 'bits', '--no-default-features', '--features', 'std'], 0],
      [['-p', 'bits', '--no-default-features'], 1],
    ]);
  });

  it('a package without features pays for no extra cargo run (plain, or #![no_std], where --no-default-features changes nothing)', async () => {
    const plain = await crate({ 'Cargo.toml': PLAIN, 'src/lib.rs': lib().replace(/^#!\[cfg_attr.*$/m, '').replace('#[cfg(feature = "std")]\n', '') });
    const noStd = await crate({ 'Cargo.toml': PLAIN, 'src/lib.rs': lib().replace(/^#!\[cfg_attr.*$/m, '#![no_std]').replace(/#\[cfg\(feature = "std"\)\]\npub fn describe[\s\S]*?\n}\n/, '') });
    for (const repo of [plain, noStd]) {
      const r = await search(repo, [PORTABLE]);
      expect(r.result.outcome).toBe('fixed');
      const checks = r.tree.log;
      expect(checks.map((c) => c.configs.length)).toEqual([0, 0]);
      expect(checks.flatMap((c) => c.args)).not.toContain('--no-default-features');
    }
  });

  it('a configuration that was broken before the candidate does not block it; a new error there still does', async () => {
    // `String` is not in scope under no_std: --no-default-features fails before any candidate.
    const repo = await crate({ 'Cargo.toml': WITH_STD, 'src/lib.rs': lib('pub fn label() -> String {\n    String::new()\n}\n') });
    const fixed = await search(repo, [PORTABLE]);
    expect(fixed.result.outcome).toBe('fixed');
    const configs = fixed.tree.log.at(-1)?.configs ?? [];
    // Before: the E0425 of `quad` and the two unresolved `String`s; after: the two `String`s alone.
    expect(configs.map((c) => [c.errors, c.added])).toEqual([[2, 0]]);
    // Still broken in that configuration, exactly as before: not the candidate's error.
    expect(fixed.result.final.errors).toEqual([]);

    const worse = await search(repo, [STD_ONLY]);
    expect(worse.result.outcome).toBe('no_progress');
    expect(worse.tree.log.at(-1)?.configs.map((c) => [c.errors, c.added])).toEqual([[3, 1]]);
  });

  it('debug-bug reads fix.validate_features: the std-only fix ends no_safe_fix by default, proposed with the checks off', async () => {
    const { runDebugBug } = await import('../../src/app/debug-bug.js');
    const repo = await crate({ 'Cargo.toml': WITH_STD, 'src/lib.rs': lib() });
    const strict = await runDebugBug({ repo, sources: [scripted([STD_ONLY])] });
    expect(strict.status).toBe('no_safe_fix');
    expect(strict.rounds[0]?.tried.map((t) => [t.id, t.status])).toEqual([['scripted:0', 'Failed']]);
    const both = await runDebugBug({ repo, sources: [scripted([STD_ONLY, PORTABLE])] });
    expect(both.status).toBe('proposed');
    expect(both.candidate?.diff).toContain(`+    ${PORTABLE}`);
    await writeFile(path.join(repo, 'rustgate.yaml'), 'fix:\n  validate_features: []\n');
    const off = await runDebugBug({ repo, sources: [scripted([STD_ONLY])] });
    expect(off.status).toBe('proposed');
    expect(off.candidate?.diff).toContain(`+    ${STD_ONLY}`);
  });

  it('in a workspace, a library is checked without its default features even when a selected dependent enables them', async () => {
    // `app` depends on `bitcore` with its default features: in one `-p app -p bitcore --no-default-features` run cargo
    // would unify `std` back on for `bitcore`, so packages one of which depends on the other are checked apart.
    const repo = await crate({
      'Cargo.toml': '[workspace]\nmembers = ["crates/core", "crates/app"]\nresolver = "2"\n',
      'crates/core/Cargo.toml': WITH_STD.replace('name = "bits"', 'name = "bitcore"'),
      'crates/core/src/lib.rs': lib(),
      'crates/app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nfancy = []\n\n[dependencies]\nbitcore = { path = "../core" }\n',
      'crates/app/src/lib.rs': 'pub fn go() -> u32 {\n    bitcore::double(2)\n}\n',
    });
    const r = await search(repo, [STD_ONLY], undefined, 'crates/core/src/lib.rs');
    expect(r.result.outcome).toBe('no_progress');
    const check = r.tree.log.at(-1);
    // Both members are selected (the library and its dependent): the default check covers the workspace.
    expect(check?.args).toContain('--workspace');
    expect(check?.configs.map((c) => [c.args.slice(c.args.indexOf('-p')), c.added])).toEqual([
      [['-p', 'app', '--no-default-features'], 0],
      [['-p', 'bitcore', '--no-default-features'], 1],
    ]);
  });

  it('a candidate that breaks the manifest is an error of the candidate, not a crash of the extra configurations', async () => {
    const repo = await crate({ 'Cargo.toml': WITH_STD, 'src/lib.rs': lib() });
    const tree = await prepareValidationTree({ repoRoot: repo });
    await tree.validate(new Map());
    const v = await tree.validate(new Map([['Cargo.toml', `${WITH_STD}\n[features\n`]]));
    expect(v.status).toBe('Failed');
    expect(v.errors.map((d) => d.message)).toEqual(['cargo check failed (exit 101)']);
    expect(tree.log.at(-1)?.configs).toEqual([]);
  });
});
