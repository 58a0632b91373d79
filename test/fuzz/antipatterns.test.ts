/** Fuzz: every text anti-pattern detector on Rust-like text returns findings, never throws (nor hangs). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import { detectAntiPatterns, introducedFindings, TEXT_DETECTORS } from '../../src/core/patterns/antipatterns.js';
import { FUZZ, textFrom } from './common.js';

const VOCAB = [
  'unsafe {', 'unsafe impl Send for T {}', 'async fn f() {', 'async move {', '}', '{', '(', ')', '[', ']', ';', '"', "'", '"\\"', 'r#"', '"#', '//', '/*', '*/',
  '#[cfg(test)]', '#[test]', 'mod tests {', '#[derive(Hash, Ord)]', 'impl PartialEq for T {', 'impl Ord for T {', 'struct T;', 'pub fn f(&self) -> &mut u8 {',
  '.lock().unwrap()', 'm.lock()', 'c.borrow_mut()', 'c.borrow()', 'match ', 'if let Some(x) = ', '=>', 'std::thread::sleep(d)', 'std::fs::read(p)', '.await',
  'block_on(f)', 'rx.recv().unwrap()', 'spawn_blocking(|| ', 'select! {', '.get_unchecked(i)', '// SAFETY: ok', '/// # Safety', 'pub unsafe fn g()',
  'from_raw_parts(p, v.capacity())', '#[no_mangle]', 'pub extern "C" fn', 'panic!("x")', '.expect("")', 'a.partial_cmp(b).unwrap()', 'v.sort_by(|a, b| ',
  'env::set_var("A", "1")', 'Command::new("sh").arg("-c").arg(format!("{x}"))', '"AKIA4T7QX2LMN8PRW3VB"', 'password: "Tr0ub4dor3x"',
  '.danger_accept_invalid_certs(true)', 'temp_dir().join("x")', 'from_mode(0o777)', 'format!("SELECT a FROM t WHERE b = {x}")', 'transmute::<u32, f32>(x)',
  'static mut X: u8 = 0;', '#[allow(dead_code)]', 'todo!()', 'Box::leak(b)', 'mem::forget(x)', 'x.unwrap_unchecked()', 'p as *const u8',
  'while !r.load(Ordering::Acquire) {}', 'loop {}', 'r.read_line(&mut buf)', 'buf.clear()',
];

const patterns = loadPatterns();

describe('fuzz: anti-pattern text detectors', () => {
  it('each detector returns hits with in-range indexes for any text and path', () => {
    fc.assert(
      fc.property(textFrom(VOCAB, 30), fc.constantFrom('src/lib.rs', 'src/main.rs', 'tests/it.rs', 'crates/a/src/x.rs', ''), (text, file) => {
        for (const p of patterns) {
          if (p.kind !== 'anti_pattern' || p.detector.text_detector === undefined) continue;
          const found = detectAntiPatterns(text, file, [p]);
          for (const f of found) expect(f.line >= 1 && f.line <= text.split('\n').length).toBe(true);
        }
        return true;
      }),
      FUZZ,
    );
  });

  it('introducedFindings never throws and reports nothing when the text is unchanged', () => {
    fc.assert(
      fc.property(textFrom(VOCAB, 20), textFrom(VOCAB, 20), (a, b) => {
        expect(introducedFindings(a, a, 'src/lib.rs', patterns)).toEqual([]);
        introducedFindings(a, b, 'src/lib.rs', patterns);
        return true;
      }),
      { ...FUZZ, numRuns: Math.min(FUZZ.numRuns, 150) },
    );
  });

  it('every built-in detector is used by a pattern of the library', () => {
    const used = new Set(patterns.map((p) => p.detector.text_detector).filter((d) => d !== undefined));
    expect(Object.keys(TEXT_DETECTORS).filter((d) => !used.has(d))).toEqual([]);
  });
});
