/**
 * Every pattern against its fixture, with real cargo: a fix pattern must propose a candidate on broken/ that
 * compiles cleanly and equals expected/; an anti-pattern must flag broken/ (at the given line) and not expected/.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import { applyEditsToFiles } from '../../src/core/fix/apply.js';
import { detectAntiPatterns, guidanceFor } from '../../src/core/patterns/antipatterns.js';
import { createPatternSource } from '../../src/core/patterns/source.js';
import { GRAPH_ACTIONS } from '../../src/core/patterns/graph-actions.js';
import { cargoCheck, copyCrate, FIXTURES, graphContext, normalise, readFiles, rustFiles } from './helpers.js';

const patterns = loadPatterns();
const library = createPatternSource(patterns);
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('pattern fixtures exist', () => {
  it('every pattern names its own fixture with broken/ and expected/ crates', () => {
    for (const p of patterns) {
      expect(p.fixture.replace(/\/$/, '')).toBe(`test/fixtures/patterns/${p.id}`);
      expect(existsSync(path.join(FIXTURES, p.id, 'broken', 'Cargo.toml'))).toBe(true);
      expect(existsSync(path.join(FIXTURES, p.id, 'expected', 'Cargo.toml'))).toBe(true);
    }
  });
});

describe('fix patterns on their fixtures (real cargo)', () => {
  const fixes = patterns.filter((p) => p.kind === 'fix');
  it.each(fixes.map((p) => [p.id]))('%s: a candidate compiles and equals expected/', async (id) => {
    const root = copyCrate(path.join(FIXTURES, id, 'broken'));
    temps.push(root);
    const files = rustFiles(root);
    const original = readFiles(root, files);
    const expected = readFiles(path.join(FIXTURES, id, 'expected'), files);
    const before = await cargoCheck(root);
    expect(before.ok).toBe(false);
    const errors = before.diagnostics.map((d, i) => [d, i] as const).filter(([d]) => d.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const outcomes: string[] = [];
    let matched = false;
    const pattern = patterns.find((p) => p.id === id);
    const usesGraph = pattern?.template !== undefined && pattern.template.action in GRAPH_ACTIONS;
    // Graph patterns get the fixture's real ISG (as the app gives them the store) and see only the error's file.
    const ctxBase = usesGraph ? { ...(await graphContext(root, original)), files: new Map<string, string>() } : { files: original };
    for (const [d, i] of errors) {
      // The pattern alone: in the full library an identical edit may be claimed by a higher-confidence pattern.
      const alone = createPatternSource(patterns.filter((p) => p.id === id));
      const ctxFiles = usesGraph && d.primary ? new Map([[d.primary.file, original.get(d.primary.file) ?? '']]) : ctxBase.files;
      const ctx = { ...ctxBase, diagnostics: before.diagnostics, files: ctxFiles };
      const cands = await alone.propose(i, ctx);
      for (const c of cands) {
        expect(c.origin).toBe('pattern');
        expect(c.targets).toEqual([i]);
        expect(c.touchedKeys).toEqual([]);
        // A candidate touches only the file its diagnostic points at, unless its action follows the graph.
        if (!usesGraph) expect(new Set(c.edits.map((e) => e.file))).toEqual(new Set([d.primary?.file]));
        else for (const e of c.edits) expect(files).toContain(e.file);
        const applied = applyEditsToFiles(original, c.edits);
        expect(applied.ok).toBe(true);
        if (!applied.ok) continue;
        for (const [f, text] of applied.files) writeFileSync(path.join(root, f), text);
        const after = await cargoCheck(root);
        const equal = files.every((f) => normalise(applied.files.get(f) ?? '') === normalise(expected.get(f) ?? ''));
        outcomes.push(`${c.description}: ${after.ok ? 'compiles' : 'fails'}${equal ? ', equals expected' : ''}`);
        if (after.ok && equal) {
          matched = true;
          // The whole library proposes the same edit too (possibly under a higher-confidence pattern's id).
          const all = await library.propose(i, ctx);
          expect(all.some((a) => JSON.stringify(a.edits) === JSON.stringify(c.edits))).toBe(true);
        }
        for (const [f, text] of original) writeFileSync(path.join(root, f), text);
      }
    }
    expect(matched, outcomes.join('\n') || 'no candidate from this pattern').toBe(true);
  });
});

/** Anti-patterns with a text detector: the line each must report in broken/src/lib.rs. */
const TEXT_FINDINGS: Record<string, number[]> = {
  guard_across_await: [6],
  unwrap_in_library: [2],
  cfg_feature_consolidation: [1],
  arc_rwlock_to_mutex: [3],
  len_as_narrow_int: [2],
  // Style-side detectors (src/core/patterns/detectors-style.ts).
  ref_string_param: [1],
  ref_vec_param: [1],
  ref_box_param: [5],
  ref_option_param: [1],
  string_error_result: [1],
  unit_error_result: [1],
  impl_into: [4],
  impl_to_string: [3],
  fallible_from: [3],
  into_by_ref: [4],
  new_without_default: [6],
  clone_to_iterate: [2],
  collect_then_count: [2],
  format_push_str: [4],
  format_to_string: [2],
  chars_nth_in_loop: [4],
  push_loop_collect: [2],
  map_clone: [2],
  format_self_append: [4],
  eager_alloc_or: [2],
  expect_format: [2],
  contains_key_insert: [4],
  search_is_some: [2],
  filter_next: [2],
  for_over_clone: [3],
  box_collection: [2],
  rc_owned_buffer: [4],
  mutex_of_scalar: [3],
  remove_front_in_loop: [4],
  ok_unwrap: [2],
  map_err_discard: [7],
  err_try: [3],
  ignored_err: [4],
  let_underscore_io: [4],
  float_to_int_cast: [2],
  float_eq: [2],
  mem_replace_default: [9],
  loop_match_break: [4],
  while_let_next: [4],
  range_loop_index: [3],
  partial_cmp_unwrap: [2],
  dbg_macro: [2],
  check_then_unwrap: [2],
  // Safety-side detectors (detectors-safety.ts); the first ten are never_introduce.
  unsafe_impl_send_sync: [7],
  mem_transmute: [2],
  unsafe_block: [2],
  static_mut: [1],
  lint_allow: [1],
  placeholder_macro: [3],
  box_leak: [2],
  mem_forget: [2],
  unwrap_unchecked: [2],
  raw_pointer_cast: [2],
  unsafe_impl_undocumented: [8],
  unchecked_call_undocumented: [3],
  from_raw_parts_capacity: [2],
  no_mangle_rust_abi: [1],
  unsafe_fn_missing_safety_doc: [2],
  blocking_sleep_in_async: [4],
  blocking_fs_in_async: [4],
  block_on_in_async: [12],
  blocking_api_in_async: [4],
  relock_in_statement: [5],
  refcell_double_borrow: [4],
  empty_expect_message: [2],
  panic_in_pub_fn: [5],
  env_set_var_threaded: [2],
  shell_command_format: [4],
  hardcoded_secret_token: [2],
  hardcoded_credential: [7],
  tls_verification_disabled: [10],
  predictable_temp_path: [4],
  world_writable_permissions: [2],
  sql_format_injection: [2],
  derive_hash_manual_eq: [7],
  derive_ord_manual_partial_ord: [6],
  refcell_borrow_across_await: [6],
  arc_of_non_sync: [5],
  debug_derives_secret: [4],
  child_never_waited: [4],
  panic_in_drop: [10],
  secret_logged: [2],
  step_by_zero: [2],
  read_line_no_clear: [6],
  with_capacity_index: [4],
  system_time_elapsed: [4],
  empty_spin_loop: [4],
  display_recursion: [7],
};

/** Anti-patterns matched on diagnostics: the code and line of the diagnostic they explain. */
const GUIDANCE: Record<string, { code: string; line: number }> = {
  dyn_trait_object_safety: { code: 'E0038', line: 6 },
  result_error_unification: { code: 'E0277', line: 7 },
  mut_borrow_across_iterations: { code: 'E0499', line: 4 },
  moved_in_previous_iteration: { code: 'E0382', line: 4 },
  rc_across_threads: { code: 'E0277', line: 6 },
  refcell_across_threads: { code: 'E0277', line: 7 },
  move_out_of_mut_ref: { code: 'E0507', line: 6 },
  borrow_must_be_static: { code: 'E0521', line: 4 },
};

describe('anti-patterns on their fixtures', () => {
  const anti = patterns.filter((p) => p.kind === 'anti_pattern');
  it('every anti-pattern has an expectation in this table', () => {
    expect(anti.map((p) => p.id).sort()).toEqual([...Object.keys(TEXT_FINDINGS), ...Object.keys(GUIDANCE)].sort());
  });

  it.each(Object.entries(TEXT_FINDINGS))('%s flags broken/ at the expected lines and not expected/, which compiles', async (id, lines) => {
    const broken = readFileSync(path.join(FIXTURES, id, 'broken/src/lib.rs'), 'utf8');
    const fixed = readFileSync(path.join(FIXTURES, id, 'expected/src/lib.rs'), 'utf8');
    const found = detectAntiPatterns(broken, 'src/lib.rs', patterns).filter((f) => f.patternId === id);
    expect(found.map((f) => f.line)).toEqual(lines);
    expect(found[0]?.severity).toBe(patterns.find((p) => p.id === id)?.severity);
    expect(detectAntiPatterns(fixed, 'src/lib.rs', patterns).filter((f) => f.patternId === id)).toEqual([]);
    const root = copyCrate(path.join(FIXTURES, id, 'expected'));
    temps.push(root);
    expect((await cargoCheck(root)).ok).toBe(true);
  });

  it.each(Object.entries(GUIDANCE))('%s explains the broken/ diagnostic; expected/ compiles', async (id, want) => {
    const broken = copyCrate(path.join(FIXTURES, id, 'broken'));
    const fixed = copyCrate(path.join(FIXTURES, id, 'expected'));
    temps.push(broken, fixed);
    const b = await cargoCheck(broken);
    expect(b.ok).toBe(false);
    const findings = guidanceFor(b.diagnostics, patterns).filter((f) => f.patternId === id);
    expect(findings.map((f) => [f.file, f.line])).toEqual([['src/lib.rs', want.line]]);
    expect(b.diagnostics.some((d) => d.code === want.code)).toBe(true);
    const f = await cargoCheck(fixed);
    expect(f.ok).toBe(true);
    expect(guidanceFor(f.diagnostics, patterns)).toEqual([]);
  });
});
