/** Text anti-pattern detectors: what they flag (exact lines) and the look-alikes they must leave alone. */
import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import { detectAntiPatterns } from '../../src/core/patterns/antipatterns.js';

const patterns = loadPatterns();

function lines(id: string, text: string, file = 'src/lib.rs'): number[] {
  return detectAntiPatterns(text, file, patterns).filter((f) => f.patternId === id).map((f) => f.line);
}

describe('guard_across_await', () => {
  it.each([
    ['held across await', 'async fn f(m: &Mutex<u8>) {\n    let g = m.lock().unwrap();\n    t().await;\n    drop(g);\n}', [2]],
    ['read guard held', 'async fn f(m: &RwLock<u8>) {\n    let g = m.read().unwrap();\n    t().await;\n}', [2]],
    ['async block', 'fn f() -> impl Future {\n    async move {\n        let g = M.lock().unwrap();\n        t().await;\n    }\n}', [3]],
    ['dropped before await', 'async fn f(m: &Mutex<u8>) {\n    let g = m.lock().unwrap();\n    drop(g);\n    t().await;\n}', []],
    ['async lock is awaited itself', 'async fn f(m: &tokio::sync::Mutex<u8>) {\n    let g = m.lock().await;\n    t().await;\n}', []],
    ['guard scoped in a block', 'async fn f(m: &Mutex<u8>) {\n    let v = {\n        let g = m.lock().unwrap();\n        *g\n    };\n    t().await;\n}', []],
    ['not async', 'fn f(m: &Mutex<u8>) {\n    let g = m.lock().unwrap();\n    block_on(t());\n}', []],
    ['in a comment', 'async fn f() {\n    // let g = m.lock().unwrap();\n    t().await;\n}', []],
  ] as const)('%s', (_name, text, want) => {
    expect(lines('guard_across_await', text)).toEqual(want);
  });
});

describe('unwrap_in_library', () => {
  const body = 'pub fn f(s: &str) -> u8 {\n    s.parse().unwrap()\n}\n#[cfg(test)]\nmod tests {\n    fn t() { "1".parse::<u8>().unwrap(); }\n}\n';
  it.each([
    ['library file', 'src/lib.rs', [2]],
    ['nested library module', 'crates/core/src/store/mod.rs', [2]],
    ['binary', 'src/main.rs', []],
    ['bin target', 'src/bin/tool.rs', []],
    ['integration test', 'tests/it.rs', []],
    ['example', 'examples/demo.rs', []],
    ['build script', 'build.rs', []],
  ] as const)('%s', (_name, file, want) => {
    expect(lines('unwrap_in_library', body, file)).toEqual(want);
  });
  it('leaves unwrap_or and friends alone', () => {
    expect(lines('unwrap_in_library', 'pub fn f(x: Option<u8>) -> u8 { x.unwrap_or(0) + x.unwrap_or_default() }')).toEqual([]);
  });
});

describe('cfg_feature_consolidation and arc_rwlock_to_mutex', () => {
  const gate = (n: number, feature = 'json'): string => Array.from({ length: n }, (_, i) => `#[cfg(feature = "${feature}")]\npub fn f${i}() {}\n`).join('');
  it('flags three sibling gates of one feature, once, at the first', () => {
    expect(lines('cfg_feature_consolidation', gate(3))).toEqual([1]);
    expect(lines('cfg_feature_consolidation', gate(2))).toEqual([]);
    expect(lines('cfg_feature_consolidation', gate(2) + gate(2, 'xml'))).toEqual([]);
  });
  it('flags an Arc<RwLock> that is only written, not one that is read', () => {
    const w = 'use std::sync::{Arc, RwLock};\nfn f(c: Arc<RwLock<u8>>) { *c.write().unwrap() += 1; }\n';
    expect(lines('arc_rwlock_to_mutex', w)).toEqual([2]);
    expect(lines('arc_rwlock_to_mutex', `${w}fn g(c: Arc<RwLock<u8>>) -> u8 { *c.read().unwrap() }\n`)).toEqual([]);
  });
});

describe('len_as_narrow_int', () => {
  it.each([
    ['len as u32', 'pub fn f(v: &[u8]) -> u32 {\n    v.len() as u32\n}', [2]],
    ['count as i32', 'pub fn f(s: &str) -> i32 {\n    s.chars().count() as i32\n}', [2]],
    ['widening to u64 is fine', 'pub fn f(v: &[u8]) -> u64 {\n    v.len() as u64\n}', []],
    ['try_from is fine', 'pub fn f(v: &[u8]) -> Option<u32> {\n    u32::try_from(v.len()).ok()\n}', []],
    ['a field named len is not a call', 'pub fn f(h: &H) -> u32 {\n    h.len as u32\n}', []],
    ['test code is exempt', '#[cfg(test)]\nmod tests {\n    fn t(v: &[u8]) -> u32 { v.len() as u32 }\n}', []],
    ['in a string', 'pub fn f() -> &\'static str {\n    "v.len() as u32"\n}', []],
  ] as const)('%s', (_name, text, want) => {
    expect(lines('len_as_narrow_int', text)).toEqual(want);
  });
});
