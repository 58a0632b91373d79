/**
 * Safety-side text anti-patterns (src/core/patterns/detectors-safety.ts): extra shapes each must flag (exact lines)
 * and near-misses it must leave alone, beyond the broken/expected fixture pair that test/patterns/fixtures.test.ts
 * checks; and every broken/ fixture of these patterns is real Rust (one `cargo check` over all of them).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import { detectAntiPatterns, introducedFindings } from '../../src/core/patterns/antipatterns.js';
import { SAFETY_DETECTORS } from '../../src/core/patterns/detectors-safety.js';
import { cargoCheck, FIXTURES } from './helpers.js';

const patterns = loadPatterns();
const safety = patterns.filter((p) => p.detector.text_detector !== undefined && p.detector.text_detector in SAFETY_DETECTORS);

function lines(id: string, text: string, file = 'src/lib.rs'): number[] {
  return detectAntiPatterns(text, file, patterns).filter((f) => f.patternId === id).map((f) => f.line);
}

/** [pattern id, case, source, file, flagged lines]. */
const CASES: [string, string, string, string, number[]][] = [
  ['unsafe_impl_send_sync', 'generic impl', 'unsafe impl<T> Send for Wrap<T> {}', 'src/lib.rs', [1]],
  ['unsafe_impl_send_sync', 'a Send bound on another trait', 'unsafe impl<T: Send> Zeroable for Wrap<T> {}', 'src/lib.rs', []],
  ['mem_transmute', 'turbofish', 'fn f(x: u32) -> f32 {\n    unsafe { core::mem::transmute::<u32, f32>(x) }\n}', 'src/lib.rs', [2]],
  ['mem_transmute', 'in a string', 'fn f() -> &\'static str {\n    "transmute(x)"\n}', 'src/lib.rs', []],
  ['unsafe_block', 'in a comment', '// unsafe { x }\nfn f() {}', 'src/lib.rs', []],
  ['unsafe_block', 'unsafe fn is not a block', 'pub unsafe fn f() {}', 'src/lib.rs', []],
  ['static_mut', "a `&'static mut` reference type", "fn f(s: &'static mut str) -> &'static mut str {\n    s\n}", 'src/lib.rs', []],
  ['static_mut', 'a static of a Mutex', 'static M: std::sync::Mutex<u8> = std::sync::Mutex::new(0);', 'src/lib.rs', []],
  ['lint_allow', 'inner attribute', '#![allow(clippy::all)]\nfn f() {}', 'src/lib.rs', [1]],
  ['lint_allow', 'deny is not an allow', '#![deny(missing_docs)]\nfn f() {}', 'src/lib.rs', []],
  ['placeholder_macro', 'in a doc comment', '/// Calls `todo!()` later.\nfn f() {}', 'src/lib.rs', []],
  ['mem_forget', 'ManuallyDrop is the explicit form', 'fn f(v: Vec<u8>) {\n    let _k = std::mem::ManuallyDrop::new(v);\n}', 'src/lib.rs', []],
  ['raw_pointer_cast', 'a raw-pointer type in a signature', 'extern "C" {\n    fn g(p: *const u8);\n}', 'src/lib.rs', []],
  ['unsafe_impl_undocumented', 'a SAFETY comment two lines up', '// SAFETY: all-zero is a valid Header.\n#[cfg(unix)]\nunsafe impl Zeroable for Header {}', 'src/lib.rs', []],
  ['unsafe_impl_undocumented', 'Send/Sync belong to unsafe_impl_send_sync', 'unsafe impl Sync for Header {}', 'src/lib.rs', []],
  ['unsafe_impl_undocumented', 'a Send bound does not make it a Send impl', 'unsafe impl<T: Send> Zeroable for Wrap<T> {}', 'src/lib.rs', [1]],
  ['unchecked_call_undocumented', 'set_len without a comment', 'pub fn f(v: &mut Vec<u8>) {\n    unsafe {\n        v.set_len(0);\n    }\n}', 'src/lib.rs', [3]],
  ['unchecked_call_undocumented', 'unsafe fn with a # Safety section', '/// # Safety\n/// `i` is in bounds.\npub unsafe fn at(v: &[u8], i: usize) -> u8 {\n    *v.get_unchecked(i)\n}', 'src/lib.rs', []],
  ['unchecked_call_undocumented', 'a safe constructor named new_unchecked', 'pub fn id(n: u32) -> Id {\n    Id::new_unchecked(n)\n}', 'src/lib.rs', []],
  ['from_raw_parts_capacity', 'Vec::from_raw_parts takes the capacity as its third argument', 'pub unsafe fn f(p: *mut u8, v: &Vec<u8>) -> Vec<u8> {\n    Vec::from_raw_parts(p, v.len(), v.capacity())\n}', 'src/lib.rs', []],
  ['no_mangle_rust_abi', 'edition 2024 spelling', '#[unsafe(no_mangle)]\npub fn f() {}', 'src/lib.rs', [1]],
  ['no_mangle_rust_abi', 'a static', '#[no_mangle]\npub static V: u32 = 1;', 'src/lib.rs', []],
  ['unsafe_fn_missing_safety_doc', 'crate-private unsafe fn', 'pub(crate) unsafe fn f() {}', 'src/lib.rs', []],
  ['unsafe_fn_missing_safety_doc', 'a binary', 'pub unsafe fn f() {}', 'src/main.rs', []],
  ['blocking_sleep_in_async', 'async block', 'fn f() -> impl std::future::Future<Output = ()> {\n    async move {\n        std::thread::sleep(D);\n    }\n}', 'src/lib.rs', [3]],
  ['blocking_sleep_in_async', 'inside spawn_blocking', 'async fn f() {\n    tokio::task::spawn_blocking(|| std::thread::sleep(D)).await;\n}', 'src/lib.rs', []],
  ['blocking_sleep_in_async', 'the runtime timer', 'use tokio::time::sleep;\nasync fn f() {\n    sleep(D).await;\n}', 'src/lib.rs', []],
  ['blocking_sleep_in_async', 'test code', '#[cfg(test)]\nmod tests {\n    async fn f() {\n        std::thread::sleep(D);\n    }\n}', 'src/lib.rs', []],
  ['blocking_fs_in_async', 'tokio::fs awaited', 'async fn f() {\n    tokio::fs::read("a").await.ok();\n}', 'src/lib.rs', []],
  ['blocking_fs_in_async', 'std File::open imported', 'use std::fs::File;\nasync fn f() {\n    let _f = File::open("a");\n}', 'src/lib.rs', [3]],
  ['blocking_fs_in_async', 'a closure handed to a blocking pool helper', 'async fn f() {\n    asyncify(move || std::fs::read("a")).await;\n}', 'src/lib.rs', []],
  ['block_on_in_async', 'a nested runtime handle', 'async fn f() {\n    handle.block_on(g());\n}', 'src/lib.rs', [2]],
  ['blocking_api_in_async', 'tokio blocking_lock', 'async fn f(m: &tokio::sync::Mutex<u8>) {\n    let _g = m.blocking_lock();\n}', 'src/lib.rs', [2]],
  ['blocking_api_in_async', 'async recv awaited', 'async fn f(rx: &mut R) {\n    rx.recv().await;\n}', 'src/lib.rs', []],
  ['blocking_api_in_async', 'recv inside select!', 'async fn f(rx: &mut R) {\n    tokio::select! {\n        _ = rx.recv() => {}\n    }\n}', 'src/lib.rs', []],
  ['blocking_api_in_async', 'a recv future stored for later', 'async fn f(rx: &mut R) {\n    let fut = rx.recv();\n    fut.await;\n}', 'src/lib.rs', []],
  ['relock_in_statement', 'one flat expression', 'fn f(m: &Mutex<u8>) {\n    *m.lock().unwrap() = *m.lock().unwrap() + 1;\n}', 'src/lib.rs', [2]],
  ['relock_in_statement', 'if let holds the scrutinee guard', 'fn f(m: &Mutex<Option<u8>>) {\n    if let Some(v) = *m.lock().unwrap() {\n        m.lock().unwrap().replace(v);\n    }\n}', 'src/lib.rs', [3]],
  ['relock_in_statement', 'two read guards', 'fn f(l: &RwLock<u8>) -> u8 {\n    *l.read().unwrap() + *l.read().unwrap()\n}', 'src/lib.rs', []],
  ['relock_in_statement', 'separate branches', 'fn f(m: &Mutex<u8>, c: bool) {\n    if c { *m.lock().unwrap() = 1; } else { *m.lock().unwrap() = 2; }\n}', 'src/lib.rs', []],
  ['relock_in_statement', 'two match arms', 'fn f(s: &mut S) {\n    match s {\n        S::A(w) => S::A(w.lock()),\n        S::B(w) => S::B(w.lock()),\n    };\n}', 'src/lib.rs', []],
  ['refcell_double_borrow', 'match on a borrow', 'fn f(c: &RefCell<Vec<u8>>) {\n    match c.borrow().first() {\n        Some(_) => c.borrow_mut().clear(),\n        None => {}\n    }\n}', 'src/lib.rs', [3]],
  ['refcell_double_borrow', 'two shared borrows', 'fn f(c: &RefCell<Vec<u8>>) -> usize {\n    c.borrow().len() + c.borrow().len()\n}', 'src/lib.rs', []],
  ['relock_in_statement', 'a guard bound by let, locked again in the block', 'fn f(m: &Mutex<u8>) {\n    let g = m.lock().unwrap();\n    let n = *m.lock().unwrap();\n    drop(g);\n}', 'src/lib.rs', [3]],
  ['relock_in_statement', 'the guard dropped first', 'fn f(m: &Mutex<u8>) {\n    let g = m.lock().unwrap();\n    drop(g);\n    let n = *m.lock().unwrap();\n}', 'src/lib.rs', []],
  ['relock_in_statement', 'a value read out of the guard, not the guard', 'fn f(m: &Mutex<u8>) {\n    let v = m.lock().unwrap().clone();\n    *m.lock().unwrap() = v + 1;\n}', 'src/lib.rs', []],
  ['refcell_double_borrow', 'a borrow_mut bound by let, borrowed again', 'fn f(c: &RefCell<Vec<u8>>) -> usize {\n    let mut v = c.borrow_mut();\n    v.push(1);\n    c.borrow().len()\n}', 'src/lib.rs', [4]],
  ['refcell_double_borrow', 'two shared borrows bound by let', 'fn f(c: &RefCell<Vec<u8>>) -> usize {\n    let a = c.borrow();\n    a.len() + c.borrow().len()\n}', 'src/lib.rs', []],
  ['refcell_borrow_across_await', 'a value copied out of the borrow', 'async fn f(c: &RefCell<u8>) {\n    let v = *c.borrow();\n    g(v).await;\n}', 'src/lib.rs', []],
  ['refcell_borrow_across_await', 'not async', 'fn f(c: &RefCell<u8>) {\n    let v = c.borrow();\n    block_on(g(*v));\n}', 'src/lib.rs', []],
  ['arc_of_non_sync', 'Arc<Cell<…>> in a signature', 'fn f(c: Arc<Cell<u8>>) {}', 'src/lib.rs', [1]],
  ['arc_of_non_sync', 'Arc<Mutex<RefCell<…>>> is Sync', 'fn f(c: Arc<Mutex<RefCell<u8>>>) {}', 'src/lib.rs', []],
  ['debug_derives_secret', 'a redacting wrapper type', '#[derive(Debug)]\npub struct Cfg {\n    pub api_key: SecretString,\n}', 'src/lib.rs', []],
  ['debug_derives_secret', 'no Debug derive', '#[derive(Clone)]\npub struct Cfg {\n    pub api_key: String,\n}', 'src/lib.rs', []],
  ['child_never_waited', 'let _ = …spawn()', 'fn f() {\n    let _ = Command::new("x").spawn();\n}', 'src/lib.rs', [2]],
  ['child_never_waited', 'the child kept', 'fn f() -> std::io::Result<()> {\n    let mut c = Command::new("x").spawn()?;\n    c.wait()?;\n    Ok(())\n}', 'src/lib.rs', []],
  ['block_on_in_async', 'a runtime built inside async code', 'async fn f() {\n    let rt = tokio::runtime::Runtime::new().unwrap();\n}', 'src/lib.rs', [2]],
  ['env_set_var_threaded', 'set_current_dir in a library', 'pub fn f() {\n    std::env::set_current_dir("/").ok();\n}', 'src/lib.rs', [2]],
  ['hardcoded_secret_token', 'a JWT', 'const T: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.Sfl1KxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";', 'src/lib.rs', [1]],
  ['predictable_temp_path', 'a literal /tmp path', 'fn f() {\n    std::fs::write("/tmp/app.log", "x").ok();\n}', 'src/lib.rs', [2]],
  ['predictable_temp_path', 'a /tmp path read, not created', 'fn f() {\n    std::fs::read("/tmp/app.log").ok();\n}', 'src/lib.rs', []],
  ['panic_in_drop', 'expect in drop', 'impl Drop for F {\n    fn drop(&mut self) {\n        self.f.sync_all().expect("sync");\n    }\n}', 'src/lib.rs', [3]],
  ['panic_in_drop', 'unwrap outside drop in the same impl file', 'impl Drop for F {\n    fn drop(&mut self) {}\n}\nfn g(x: Option<u8>) -> u8 {\n    x.unwrap()\n}', 'src/lib.rs', []],
  ['secret_logged', 'a field path, tracing macro', 'fn f(cfg: &Cfg) {\n    debug!("cfg {:?}", cfg.api_key);\n}', 'src/lib.rs', [2]],
  ['panic_in_drop', 'a drop bomb that checks thread::panicking()', 'impl Drop for Guard {\n    fn drop(&mut self) {\n        if !std::thread::panicking() && !self.done {\n            panic!("dropped without finish()");\n        }\n    }\n}', 'src/lib.rs', []],
  ['secret_logged', 'a member of the token, not the token', 'fn f(access_token: &Tok) {\n    debug!("expires at {}", access_token.expires_at);\n}', 'src/lib.rs', []],
  ['secret_logged', 'the value through as_str()', 'fn f(api_key: &String) {\n    info!("key {}", api_key.as_str());\n}', 'src/lib.rs', [2]],
  ['panic_in_drop', 'an invariant of the value being dropped', 'impl Drop for F {\n    fn drop(&mut self) {\n        let h = self.handle.take().unwrap();\n        h.join().ok();\n    }\n}', 'src/lib.rs', []],
  ['secret_logged', 'a secret named only in the format text', 'fn f() {\n    info!("password reset requested");\n}', 'src/lib.rs', []],
  ['secret_logged', 'a secret hash, not the secret', 'fn f(password_hash: &str) {\n    info!("hash {}", password_hash);\n}', 'src/lib.rs', []],
  ['empty_expect_message', 'test code', '#[test]\nfn t() {\n    Some(1).expect("");\n}', 'src/lib.rs', []],
  ['panic_in_pub_fn', 'docs that mention panicking in prose', '/// Returns the day; panics when `n > 1`.\npub fn day(n: u8) -> u8 {\n    if n > 1 { panic!("day") }\n    n\n}', 'src/lib.rs', []],
  ['panic_in_pub_fn', 'a binary', 'pub fn day(n: u8) -> u8 {\n    if n > 1 { panic!("day") }\n    n\n}', 'src/main.rs', []],
  ['panic_in_pub_fn', 'a module file (may be private)', 'pub fn day(n: u8) -> u8 {\n    if n > 1 { panic!("day") }\n    n\n}', 'src/days.rs', []],
  ['panic_in_pub_fn', 'a private inline module', 'mod imp {\n    pub fn day(n: u8) -> u8 {\n        if n > 1 { panic!("day") }\n        n\n    }\n}', 'src/lib.rs', []],
  ['panic_in_pub_fn', 'a pub inline module', 'pub mod days {\n    pub fn day(n: u8) -> u8 {\n        if n > 1 { panic!("day") }\n        n\n    }\n}', 'src/lib.rs', [3]],
  ['panic_in_pub_fn', 'pub(crate)', 'pub(crate) fn day(n: u8) -> u8 {\n    if n > 1 { panic!("day") }\n    n\n}', 'src/lib.rs', []],
  ['partial_cmp_unwrap', 'max_by comparator', 'fn f(v: &[f64]) -> Option<&f64> {\n    v.iter().max_by(|a, b| a.partial_cmp(b).unwrap())\n}', 'src/lib.rs', [2]],
  ['partial_cmp_unwrap', 'Ord::cmp over a total partial_cmp', 'impl Ord for K {\n    fn cmp(&self, o: &Self) -> Ordering {\n        self.partial_cmp(o).unwrap()\n    }\n}', 'src/lib.rs', []],
  ['env_set_var_threaded', 'a binary without threads', 'fn main() {\n    std::env::set_var("A", "1");\n}', 'src/main.rs', []],
  ['env_set_var_threaded', 'a binary with an async main', '#[tokio::main]\nasync fn main() {\n    std::env::set_var("A", "1");\n}', 'src/main.rs', [3]],
  ['shell_command_format', 'cmd /C', 'fn f(x: &str) {\n    Command::new("cmd").args(["/C", &format!("dir {x}")]).status().ok();\n}', 'src/lib.rs', [2]],
  ['shell_command_format', 'a program, not a shell', 'fn f(x: &str) {\n    Command::new("git").arg("-c").arg(format!("user.name={x}")).status().ok();\n}', 'src/lib.rs', []],
  ['hardcoded_secret_token', 'a PEM private key', 'const K: &str = "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow";', 'src/lib.rs', [1]],
  ['hardcoded_secret_token', 'an integration test', 'const K: &str = "AKIA4T7QX2LMN8PRW3VB";', 'tests/it.rs', []],
  ['hardcoded_secret_token', 'a test key by its name', 'pub(crate) const TEST_PRIVATE_KEY_PEM: &str = r#"\n-----BEGIN PRIVATE KEY-----\nMIIEvQ"#;', 'src/keys.rs', []],
  ['hardcoded_secret_token', 'a test key by its file name', 'pub const KEY: &str = "AKIA4T7QX2LMN8PRW3VB";', 'src/test_keys.rs', []],
  ['hardcoded_secret_token', 'in a comment', '// AKIA4T7QX2LMN8PRW3VB\nfn f() {}', 'src/lib.rs', []],
  ['hardcoded_credential', 'a constant', 'pub const API_KEY: &str = "k3y9f8s7d6a5";', 'src/lib.rs', [1]],
  ['hardcoded_credential', 'a placeholder', 'let password = "changeme123";', 'src/lib.rs', []],
  ['hardcoded_credential', 'a template', 'let password = "{{password}}1";', 'src/lib.rs', []],
  ['hardcoded_credential', 'a comparison', 'fn f(password: &str) -> bool {\n    password == "Tr0ub4dor3x"\n}', 'src/lib.rs', []],
  ['tls_verification_disabled', 'openssl', 'fn f(b: &mut SslConnectorBuilder) {\n    b.set_verify(SslVerifyMode::NONE);\n}', 'src/lib.rs', [2]],
  ['predictable_temp_path', 'test code', '#[cfg(test)]\nmod tests {\n    fn p() -> PathBuf { std::env::temp_dir().join("x") }\n}', 'src/lib.rs', []],
  ['world_writable_permissions', 'sticky-bit directory', 'fn f() { let _ = Permissions::from_mode(0o1777); }', 'src/lib.rs', []],
  ['world_writable_permissions', 'DirBuilder mode', 'fn f(b: &mut DirBuilder) { b.mode(0o777); }', 'src/lib.rs', [1]],
  ['sql_format_injection', 'INSERT', 'fn f(n: &str) -> String {\n    format!("INSERT INTO t (name) VALUES (\'{n}\')")\n}', 'src/lib.rs', [2]],
  ['derive_hash_manual_eq', 'PartialEq with another type', '#[derive(Hash, PartialEq)]\nstruct Span(u32);\nimpl PartialEq<u32> for Span {\n    fn eq(&self, o: &u32) -> bool { self.0 == *o }\n}', 'src/lib.rs', []],
  ['derive_hash_manual_eq', 'an eq that reads every field agrees with the derived Hash', '#[derive(Hash, Eq)]\nstruct Name<\'a> {\n    ns: &\'a str,\n    local: &\'a str,\n}\nimpl PartialEq for Name<\'_> {\n    fn eq(&self, o: &Self) -> bool { self.ns == o.ns && self.local == o.local }\n}', 'src/lib.rs', []],
  ['derive_hash_manual_eq', 'tuple struct whose eq skips .1', '#[derive(Hash, Eq)]\nstruct P(u8, u8);\nimpl PartialEq for P {\n    fn eq(&self, o: &Self) -> bool { self.0 == o.0 }\n}', 'src/lib.rs', [3]],
  ['derive_ord_manual_partial_ord', 'a crate\'s own Ord trait', '#[derive(PartialEq, Eq, PartialOrd)]\nstruct Greater;\nimpl Ord for Greater {\n    fn to_ordering() -> Ordering { Ordering::Greater }\n}', 'src/lib.rs', []],
  ['no_mangle_rust_abi', 'an unsafe fn hook for Rust-to-Rust linking', '#[no_mangle]\nunsafe fn __hook(p: *mut u8) {}', 'src/lib.rs', []],
  ['no_mangle_rust_abi', 'inside a macro template', 'macro_rules! register {\n    () => {\n        #[no_mangle]\n        pub fn hook() {}\n    };\n}', 'src/lib.rs', []],
  ['derive_ord_manual_partial_ord', 'derived Ord, hand-written PartialOrd', '#[derive(PartialEq, Eq, Ord)]\nstruct V(u8);\nimpl PartialOrd for V {\n    fn partial_cmp(&self, o: &Self) -> Option<Ordering> { o.0.partial_cmp(&self.0) }\n}', 'src/lib.rs', [3]],
  ['empty_spin_loop', 'spin lock on swap', 'fn lock(l: &AtomicBool) {\n    while l.swap(true, Ordering::Acquire) {}\n}', 'src/lib.rs', [2]],
  ['empty_spin_loop', 'compare_exchange_weak spin', 'fn lock(l: &AtomicBool) {\n    while l\n        .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)\n        .is_err()\n    {}\n}', 'src/lib.rs', [2]],
  ['empty_spin_loop', 'spin_loop hint in the body', 'fn f(r: &AtomicBool) {\n    while !r.load(Ordering::Acquire) {\n        std::hint::spin_loop();\n    }\n}', 'src/lib.rs', []],
  ['empty_spin_loop', 'work done in the condition', 'fn f(mut it: Chars) {\n    while it.next().is_some() {}\n}', 'src/lib.rs', []],
  ['empty_spin_loop', 'an empty loop {} (a value of type !)', 'fn f() -> u8 {\n    if false { loop {} }\n    0\n}', 'src/lib.rs', []],
  ['empty_spin_loop', 'in a test file', 'fn t(r: &AtomicBool) {\n    while !r.load(Ordering::Acquire) {}\n}', 'tests/it.rs', []],
];

describe('safety anti-patterns: more shapes and near-misses', () => {
  it.each(CASES)('%s: %s', (id, _name, text, file, want) => {
    expect(lines(id, text, file)).toEqual(want);
  });

  it('every safety pattern has at least one extra case here', () => {
    const covered = new Set(CASES.map(([id]) => id));
    expect(safety.map((p) => p.id).filter((id) => !covered.has(id) && !['box_leak', 'unwrap_unchecked'].includes(id))).toEqual([]);
  });

  it('each message says what is wrong and what to do (a `;` or a verb after the problem)', () => {
    for (const p of safety) {
      const broken = readFileSync(path.join(FIXTURES, p.id, 'broken/src/lib.rs'), 'utf8');
      const [f] = detectAntiPatterns(broken, 'src/lib.rs', [p]);
      expect(f?.message, p.id).toMatch(/;|: /);
    }
  });
});

describe('never_introduce: what an edit adds', () => {
  it('reports a construct the new text adds, not one it already had or one moved by the edit', () => {
    const before = 'pub fn f(v: &[u8]) -> u8 {\n    unsafe { *v.as_ptr() }\n}\n';
    expect(introducedFindings(before, before.replace('pub fn', 'fn'), 'src/lib.rs', patterns)).toEqual([]);
    const added = introducedFindings(before, `${before}pub fn g() {\n    unsafe { h() }\n}\n`, 'src/lib.rs', patterns);
    expect(added.map((f) => [f.patternId, f.line])).toEqual([['unsafe_block', 5]]);
  });

  it('only never_introduce patterns count (a new unwrap is the panic review\'s business)', () => {
    const before = 'pub fn f(s: &str) -> u8 {\n    s.parse().unwrap_or(0)\n}\n';
    expect(introducedFindings(before, before.replace('unwrap_or(0)', 'unwrap()'), 'src/lib.rs', patterns)).toEqual([]);
    expect(patterns.filter((p) => p.never_introduce).map((p) => p.id).sort()).toEqual(
      ['box_leak', 'lint_allow', 'mem_forget', 'mem_transmute', 'placeholder_macro', 'raw_pointer_cast', 'static_mut', 'unsafe_block', 'unsafe_impl_send_sync', 'unwrap_unchecked'],
    );
  });

  it('a string or comment that spells a construct is not introducing it', () => {
    const before = 'pub fn f() -> &\'static str {\n    "ok"\n}\n';
    expect(introducedFindings(before, before.replace('"ok"', '"unsafe { transmute(x) } todo!()" // #[allow(x)]'), 'src/lib.rs', patterns)).toEqual([]);
  });
});

describe('safety fixtures are real Rust', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });

  it('every broken/ crate of a safety pattern compiles (one cargo check over a workspace of them)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'rg-safety-fixtures-'));
    temps.push(root);
    const members: string[] = [];
    for (const p of safety) {
      const dir = `${p.id}_broken`;
      cpSync(path.join(FIXTURES, p.id, 'broken'), path.join(root, dir), { recursive: true });
      const toml = path.join(root, dir, 'Cargo.toml');
      writeFileSync(toml, readFileSync(toml, 'utf8').replace(/^name = "([^"]+)"/m, 'name = "$1_broken"'));
      members.push(dir);
    }
    writeFileSync(path.join(root, 'Cargo.toml'), `[workspace]\nresolver = "2"\nmembers = [${members.map((m) => JSON.stringify(m)).join(', ')}]\n`);
    const r = await cargoCheck(root);
    expect(r.diagnostics.filter((d) => d.level === 'error').map((d) => `${d.primary?.file}:${d.message}`)).toEqual([]);
    expect(r.ok).toBe(true);
  }, 600_000);
});
