/**
 * Safety-side anti-pattern text detectors: unsafe code and FFI, async/concurrency hazards, panics in library code,
 * process and environment, secrets and insecure defaults. Each is lexical (on RustText's masked copy: comments and
 * literals never match) and flags only a shape it can name precisely; subtle cases (memory orderings, lock ordering)
 * are left out on purpose. The first ten are also the constructs a fix must never introduce (`never_introduce`).
 */
import type { TextDetector, TextHit } from './detector-kit.js';
import { aliveTogether, awaited, docAbove, enclosingFn, hasSafetyNote, inTest, isLibraryPath, isTestPath, maskedMatches, onExecutor, stringLiterals } from './detector-kit.js';
import { inlineModules, splitTopLevel } from './items.js';
import type { RustText } from './rust-text.js';

/** Every match of `re` on the masked text (re must be global), as hits with `message(match)`. */
function scan(src: RustText, re: RegExp, message: (m: RegExpExecArray) => string | null, keep: (m: RegExpExecArray) => boolean = () => true): TextHit[] {
  const hits: TextHit[] = [];
  for (const m of maskedMatches(src, re)) {
    if (!keep(m)) continue;
    const msg = message(m);
    if (msg !== null) hits.push({ index: m.index, message: msg });
  }
  return hits;
}

/** Outside test code. */
const notTest = (src: RustText, filePath: string) => (m: RegExpExecArray): boolean => !isTestPath(filePath) && !inTest(src, m.index);

/** Index of the `(` at the end of a match that ends with an opening parenthesis. */
const parenOf = (m: RegExpExecArray): number => m.index + m[0].length - 1;

// ---- Never introduced by a fix (also reported in existing code) ----

/** `unsafe impl<…> Send for …` (the trait itself, not a `Send` bound on another trait). */
const SEND_SYNC_IMPL = /\bunsafe\s+impl\s*(?:<[^{;]*?>\s*)?(?:(?:std|core)::marker::)?(Send|Sync)\s+for\b/g;


const unsafeImplSendSync: TextDetector = (src) =>
  scan(src, SEND_SYNC_IMPL, (m) => `\`unsafe impl ${m[1] ?? 'Send'}\` asserts thread safety the compiler could not prove; wrap the non-${m[1] ?? 'Send'} field in a type that is (\`Arc\`, \`Mutex\`, an atomic) or document the invariant with \`// SAFETY:\` — a fix must never add one`);

const memTransmute: TextDetector = (src) =>
  scan(src, /\btransmute(?:_copy)?\s*(?:::\s*<[^;]*?>\s*)?\(/g, () => '`transmute` reinterprets bits and bypasses the type system; use a safe conversion (`from_ne_bytes`, `as`, `From`, a pointer cast) — a fix must never add one');

const unsafeBlock: TextDetector = (src) =>
  scan(src, /\bunsafe\s*\{/g, () => '`unsafe` block: rustc no longer checks memory safety inside; keep it minimal with a `// SAFETY:` comment — a fix must never add one to silence an error');

const staticMut: TextDetector = (src) =>
  scan(src, /(?<!')\bstatic\s+mut\s+[A-Za-z_]/g, () => '`static mut` is unsynchronised global state (every access is `unsafe` and racy); use an atomic, `Mutex`/`OnceLock` in a plain `static`, or pass the state explicitly');

const lintAllow: TextDetector = (src) =>
  scan(src, /#!?\[\s*allow\s*\(/g, () => '`#[allow(…)]` silences a lint instead of fixing what it reports; fix the code, or keep the allow narrow with a comment saying why — a fix must never add one');

const placeholderMacro: TextDetector = (src) =>
  scan(src, /\b(todo|unimplemented)!\s*[([{]/g, (m) => `\`${m[1] ?? 'todo'}!\` compiles but panics when reached; implement the code path or return an error`);

const boxLeak: TextDetector = (src) =>
  scan(src, /\bBox::leak\s*\(/g, () => '`Box::leak` turns a lifetime problem into a memory leak that grows with every call; own the value (or use `Arc`) instead');

const memForget: TextDetector = (src) =>
  scan(src, /\bmem::forget\s*\(/g, () => '`mem::forget` skips the destructor (leaks memory, keeps locks and files open); let the value drop, or use `ManuallyDrop` where the leak is the point');

const unwrapUnchecked: TextDetector = (src) =>
  scan(src, /\.unwrap_unchecked\s*\(/g, () => '`unwrap_unchecked` is undefined behaviour on `None`/`Err`; use `unwrap`/`expect` (a panic with a message) or handle the case');

const rawPointerCast: TextDetector = (src) =>
  scan(src, /\bas\s+\*(const|mut)\b/g, (m) => `cast to \`*${m[1] ?? 'const'}\`: a raw pointer escapes the borrow checker; keep references where possible and confine pointers to FFI — a fix must never add one to silence a borrow error`);

// ---- Unsafe code and FFI ----

const unsafeImplUndocumented: TextDetector = (src) =>
  scan(src, /\bunsafe\s+impl\b([^{;]*)[{;]/g, () => '`unsafe impl` without a `// SAFETY:` comment: state why the trait\'s safety contract holds for this type', (m) => !new RegExp(SEND_SYNC_IMPL.source).test(src.masked.slice(m.index, m.index + m[0].length + 1)) && !hasSafetyNote(src, m.index, 6) && !/\bsafety\b/i.test(docAbove(src, m.index)));

const uncheckedCallUndocumented: TextDetector = (src, filePath) =>
  scan(src, /(?:\.|::)(get_unchecked(?:_mut)?|set_len|from_utf8_unchecked(?:_mut)?|new_unchecked)\s*\(/g, (m) => `\`${m[1] ?? 'get_unchecked'}\` skips a check the caller must uphold, with no \`// SAFETY:\` comment saying why it holds here; add one, or use the checked form`, (m) => {
    if (hasSafetyNote(src, m.index) || !notTest(src, filePath)(m)) return false;
    const fn = enclosingFn(src, m.index);
    // Only an unsafe operation: inside an `unsafe` block or `unsafe fn` (a safe `new_unchecked` constructor is not one).
    const inUnsafeFn = fn !== null && /\bunsafe\b/.test(src.masked.slice(src.lineStart(fn.start), fn.start));
    if (!inUnsafeFn && !src.enclosingBraces(m.index).some((b) => /\bunsafe\s*$/.test(src.masked.slice(Math.max(0, b.open - 12), b.open)))) return false;
    // An `unsafe fn` with a `# Safety` section hands the obligation to its callers, in writing.
    if (inUnsafeFn && /#\s*Safety/.test(fn.doc)) return false;
    // The definition itself (`fn get_unchecked(`) is not a call.
    return !/\bfn\s*$/.test(src.masked.slice(Math.max(0, m.index - 8), m.index + 1));
  });

/** The arguments of the call whose `(` is at `open`, split at top-level commas (masked text). */
function argsOf(src: RustText, open: number): string[] {
  const close = src.closeOf(open);
  if (close < 0) return [];
  return splitTopLevel(src.masked.slice(open + 1, close)).map(([, a]) => a.trim()).filter((a) => a !== '');
}

const fromRawPartsCapacity: TextDetector = (src) =>
  scan(src, /\bfrom_raw_parts(?:_mut)?\s*\(/g, () => '`slice::from_raw_parts` with a capacity as its length exposes uninitialised memory; pass the number of initialised elements (`len()`)', (m) => {
    const args = argsOf(src, parenOf(m));
    return args.length === 2 && /\.capacity\s*\(\s*\)/.test(args[1] ?? '');
  });

const noMangleRustAbi: TextDetector = (src, filePath) =>
  isTestPath(filePath)
    ? []
    : scan(src, /#\[\s*(?:unsafe\s*\(\s*)?no_mangle\s*\)?\s*\]/g, () => '`#[no_mangle]` on a function without `extern "C"`: it is exported with the unstable Rust ABI, so calls from C are undefined behaviour; declare it `extern "C" fn`', (m) => {
    const after = src.masked.slice(m.index + m[0].length, m.index + m[0].length + 300);
    const item = /\b(fn|static)\b/.exec(after);
    // A crate-private or `unsafe fn` with a fixed symbol is usually Rust-to-Rust linking (a hook another crate
    // declares), and code templates (`macro_rules!`, `quote!`) are not items yet: only a plain `pub fn` is flagged.
    if (item === null || item[1] !== 'fn' || /\bextern\b|\bunsafe\b/.test(after.slice(0, item.index)) || !/\bpub\s+$/.test(after.slice(0, item.index))) return false;
    return !src.pairs().some((p) => p.open < m.index && m.index < p.close && /(?:macro_rules!\s*\w+|quote!|quote_spanned!\([^)]*\))\s*$/.test(src.masked.slice(Math.max(0, p.open - 40), p.open)));
  });

const unsafeFnMissingSafetyDoc: TextDetector = (src, filePath) =>
  isLibraryPath(filePath) && !/@generated|automatically generated|generated by/i.test(src.text.slice(0, 600))
    ? scan(src, /^[ \t]*pub\s+(?:const\s+)?unsafe\s+(?:extern\s*(?:"[^"]*"\s*)?)?fn\s+(\w+)/gm, (m) => `public \`unsafe fn ${m[1] ?? ''}\` has no \`# Safety\` section: callers cannot know what they must guarantee; document it`, (m) => !inTest(src, m.index) && !/#\s*Safety/.test(docAbove(src, m.index + (/\S/.exec(m[0])?.index ?? 0))))
    : [];

// ---- Async and concurrency ----

const blockingSleepInAsync: TextDetector = (src, filePath) => {
  const bare = /\buse\s+std::thread::(?:sleep\b|\{[^}]*\bsleep\b)/.test(src.masked);
  return scan(src, bare ? /(?:\bthread::|(?<![\w:.]))sleep\s*\(/g : /\bthread::sleep\s*\(/g, () => '`std::thread::sleep` in async code blocks the executor thread (every task on it stalls); use the runtime\'s timer (`tokio::time::sleep(…).await`)', (m) => notTest(src, filePath)(m) && onExecutor(src, m.index) && !awaited(src, parenOf(m)));
};

const FS_CALLS = 'read|read_to_string|read_dir|write|create_dir|create_dir_all|remove_file|remove_dir|remove_dir_all|copy|rename|metadata|canonicalize|File::open|File::create|OpenOptions::new';

const blockingFsInAsync: TextDetector = (src, filePath) => {
  const stdFile = /\buse\s+std::fs::(?:File\b|\{[^}]*\bFile\b)/.test(src.masked);
  const re = new RegExp(String.raw`(?:\b(?:std::)?fs::(?:${FS_CALLS})${stdFile ? String.raw`|(?<![\w:])File::(?:open|create)` : ''})\s*\(`, 'g');
  return scan(src, re, () => 'blocking file I/O (`std::fs`) in async code stalls the executor thread; use the runtime\'s async fs (`tokio::fs`) or move it into `spawn_blocking`', (m) => {
    if (!notTest(src, filePath)(m) || !onExecutor(src, m.index) || awaited(src, parenOf(m))) return false;
    // tokio::fs::…(…).await, or a future bound and awaited later: the path names the async module.
    return !/\b(?:tokio|async_std|smol)::$/.test(src.masked.slice(Math.max(0, m.index - 12), m.index)) && !/\buse\s+(?:tokio|async_std|smol)::fs\s*;/.test(src.masked);
  });
};

const blockOnInAsync: TextDetector = (src, filePath) => [
  ...scan(src, /\b(?:Runtime::new|runtime::Builder::new_(?:current_thread|multi_thread))\s*\(/g, () => 'a runtime created inside async code: Tokio panics when it is dropped (or blocks) on a runtime thread; use the current runtime (`Handle::current()`, `.await`)', (m) => notTest(src, filePath)(m) && onExecutor(src, m.index)),
  ...scan(src, /\bblock_on\s*\(/g, () => '`block_on` inside async code blocks the executor thread (Tokio panics: "Cannot start a runtime from within a runtime"); `.await` the future instead', (m) => notTest(src, filePath)(m) && !/\bfn\s+$/.test(src.masked.slice(Math.max(0, m.index - 6), m.index)) && onExecutor(src, m.index)),
].sort((a, b) => a.index - b.index);

const blockingApiInAsync: TextDetector = (src, filePath) =>
  scan(src, /\.(blocking_recv|blocking_send|blocking_lock|blocking_read|blocking_write|recv)\s*\(/g, (m) =>
    m[1] === 'recv'
      ? '`.recv()` without `.await` in async code is a blocking channel receive (std/crossbeam) that stalls the executor thread; use an async channel (`tokio::sync::mpsc`) and `.recv().await`'
      : `\`.${m[1] ?? 'blocking_recv'}()\` in async code blocks the executor thread (Tokio panics when called on a runtime thread); use the async form with \`.await\``, (m) => {
      if (!notTest(src, filePath)(m) || !onExecutor(src, m.index) || awaited(src, parenOf(m))) return false;
      if (m[1] !== 'recv') return true;
      // A std receive returns a `Result` that is used at once; a bare `rx.recv()` is a future stored for later.
      const close = src.closeOf(parenOf(m));
      return argsOf(src, parenOf(m)).length === 0 && /^\s*(?:\?|\.(?:unwrap|expect|ok|is_ok|is_err|map|map_err|unwrap_or\w*)\b)/.test(src.masked.slice(close + 1, close + 24));
    });

/** Receiver and method of every lock-like or RefCell-borrow call in the file. */
function guardCalls(src: RustText, methods: RegExp): { recv: string; method: string; index: number }[] {
  const out: { recv: string; method: string; index: number }[] = [];
  const re = new RegExp(String.raw`((?:self\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(${methods.source})\s*\(\s*\)`, 'g');
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const recv = m[1] ?? '';
    // Skip receivers that end in a call result (`f().lock()`): two calls may return two different locks.
    if (src.masked[m.index - 1] === ')') continue;
    out.push({ recv, method: m[2] ?? '', index: m.index });
  }
  return out;
}

/** Pairs of calls on the same receiver whose temporaries are alive together, reported at the second call. */
function conflicts(src: RustText, calls: { recv: string; method: string; index: number }[], clash: (a: string, b: string) => boolean, message: (recv: string, a: string, b: string) => string): TextHit[] {
  const hits: TextHit[] = [];
  for (let k = 0; k < calls.length; k++) {
    const a = calls[k]!;
    for (let l = k + 1; l < calls.length; l++) {
      const b = calls[l]!;
      if (b.index - a.index > 2000) break;
      if (a.recv !== b.recv || !clash(a.method, b.method) || !aliveTogether(src, a.index, b.index)) continue;
      // A statement that drops the first guard explicitly (`drop(…)`) in between is not a conflict.
      if (/\bdrop\s*\(/.test(src.masked.slice(a.index, b.index))) continue;
      hits.push({ index: b.index, message: message(a.recv, a.method, b.method) });
      break;
    }
  }
  return hits;
}

/**
 * A guard bound by `let g = recv.lock().unwrap();` (the binding holds the guard itself, nothing read out of it) and a
 * later call on the same receiver in the same block while `g` is alive (no `drop(g)` in between); reported there.
 */
function heldGuardConflicts(src: RustText, methods: RegExp, clash: (a: string, b: string) => boolean, message: (guard: string, recv: string, a: string, b: string) => string): TextHit[] {
  const hits: TextHit[] = [];
  const re = new RegExp(String.raw`\blet\s+(?:mut\s+)?([a-z_]\w*)\s*(?::[^=;{}]+)?=\s*((?:self\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(${methods.source})\s*\(\s*\)\s*(?:\.unwrap\s*\(\s*\)|\.expect\s*\([^()]*\)|\.await\b|\?)*\s*;`, 'g');
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const [, guard = '', recv = '', method = ''] = m;
    const block = src.enclosingBraces(m.index)[0];
    if (!block) continue;
    const from = m.index + m[0].length;
    const rest = src.masked.slice(from, block.close);
    const esc = recv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const again = new RegExp(String.raw`(?<![\w.])${esc}\.(${methods.source})\s*\(\s*\)`, 'g');
    const dropAt = rest.search(new RegExp(String.raw`\bdrop\s*\(\s*${guard}\s*\)|\b${guard}\s*=[^=]`));
    for (let n = again.exec(rest); n; n = again.exec(rest)) {
      if (dropAt >= 0 && dropAt < n.index) break;
      if (!clash(method, n[1] ?? '')) continue;
      hits.push({ index: from + n.index, message: message(guard, recv, method, n[1] ?? '') });
      break;
    }
  }
  return hits;
}

/** Re-entrant locks may be taken again by the thread that holds them. */
const REENTRANT = /\bRe[Ee]ntrant(?:Mutex|Lock)\b/;

const relockInStatement: TextDetector = (src, filePath) =>
  isTestPath(filePath) || REENTRANT.test(src.masked)
    ? []
    : [
    ...conflicts(src, guardCalls(src, /lock|read|write/), (a, b) => a !== 'read' || b !== 'read', (recv, a, b) => `\`${recv}.${b}()\` while the guard from \`${recv}.${a}()\` earlier in the same statement is still alive: a std lock is not re-entrant, so this deadlocks; bind the first result to a local and drop the guard before locking again`),
    ...heldGuardConflicts(src, /lock|read|write/, (a, b) => a !== 'read' || b !== 'read', (guard, recv, a, b) => `\`${recv}.${b}()\` while \`${guard}\` still holds \`${recv}.${a}()\`: the lock is not re-entrant, so this deadlocks; use \`${guard}\`, or \`drop(${guard})\` first`),
  ].filter((h) => !inTest(src, h.index)).sort((x, y) => x.index - y.index);

const refcellDoubleBorrow: TextDetector = (src, filePath) =>
  isTestPath(filePath)
    ? []
    : [
    ...conflicts(src, guardCalls(src, /borrow_mut|borrow/), (a, b) => a === 'borrow_mut' || b === 'borrow_mut', (recv, a, b) => `\`${recv}.${b}()\` while \`${recv}.${a}()\` from earlier in the same statement is still borrowed: this panics at run time (\`BorrowMutError\`); copy what you need out of the first borrow into a local first`),
    ...heldGuardConflicts(src, /borrow_mut|borrow/, (a, b) => a === 'borrow_mut' || b === 'borrow_mut', (guard, recv, a, b) => `\`${recv}.${b}()\` while \`${guard}\` still holds \`${recv}.${a}()\`: this panics at run time (\`BorrowError\`/\`BorrowMutError\`); use \`${guard}\`, or \`drop(${guard})\` first`),
  ].filter((h) => !inTest(src, h.index)).sort((x, y) => x.index - y.index);

const refcellBorrowAcrossAwait: TextDetector = (src, filePath) =>
  scan(src, /\blet\s+(?:mut\s+)?([a-z_]\w*)\s*(?::[^=;{}]+)?=\s*(?:self\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.(borrow_mut|borrow)\s*\(\s*\)\s*;/g, (m) => `\`${m[1] ?? 'r'}\` from \`.${m[2] ?? 'borrow'}()\` is held across an \`.await\`: another task on the same executor that borrows the cell panics (\`BorrowMutError\`); copy what you need and drop the borrow before awaiting`, (m) => {
    if (!notTest(src, filePath)(m) || !onExecutor(src, m.index)) return false;
    const block = src.enclosingBraces(m.index)[0];
    if (!block) return false;
    const after = src.masked.slice(m.index + m[0].length, block.close);
    const awaitAt = after.indexOf('.await');
    if (awaitAt < 0) return false;
    const dropAt = after.search(new RegExp(String.raw`\bdrop\s*\(\s*${m[1] ?? ''}\s*\)`));
    return dropAt < 0 || dropAt > awaitAt;
  });

const arcOfNonSync: TextDetector = (src) =>
  scan(src, /\bArc\s*<\s*(?:(?:std|core)::cell::)?(RefCell|Cell|Rc)\s*</g, (m) => `\`Arc<${m[1] ?? 'RefCell'}<…>>\`: \`${m[1] ?? 'RefCell'}\` is not \`Sync\`, so this \`Arc\` can never be sent to another thread and only pays for atomic counting; use \`Rc<${m[1] ?? 'RefCell'}<…>>\` for one thread, or \`Arc<Mutex<…>>\`/an atomic to share across threads`);

// ---- Panics in library code ----

/**
 * A `while` that spins on an atomic with an empty body (`while !ready.load(…) {}`, a `compare_exchange` lock): it
 * burns a core while it waits and starves the thread that should set the flag. An empty `loop {}` is left alone: in
 * real code it is mostly a value of type `!` in code that never runs (const assertions, macro output).
 */
const emptySpinLoop: TextDetector = (src, filePath) =>
  scan(src, /\bwhile\b([^{};]*)\{\s*\}/g, () => 'this `while` spins on an atomic with an empty body, burning a core while it waits; block on a `Condvar`, a channel or `thread::park`, or for a short wait call `std::hint::spin_loop()` in the body', (m) => notTest(src, filePath)(m) && /\.(?:load|compare_exchange(?:_weak)?|swap|fetch_\w+)\s*\(/.test(m[1] ?? '') && !/\blet\b/.test(m[1] ?? ''));

const emptyExpectMessage: TextDetector = (src, filePath) =>
  scan(src, /\.expect\s*\(\s*""\s*\)/g, () => '`.expect("")` panics with an empty message; say which invariant failed (or use `?`)', notTest(src, filePath));

/** True for a crate root (`src/lib.rs`), where a plain `pub fn` outside inline modules is public API for sure. */
const isCrateRoot = (filePath: string): boolean => /(^|\/)src\/lib\.rs$/.test(filePath.replace(/\\/g, '/'));

/** True when `i` is inside an inline `mod` that is not plain `pub` (its `pub fn`s are not public API). */
function inPrivateModule(src: RustText, i: number): boolean {
  return inlineModules(src).some((md) => md.open < i && i < md.close && !/\bpub\s+mod\s+\w+\s*$/.test(src.masked.slice(Math.max(0, md.open - 80), md.open)));
}

const panicInPubFn: TextDetector = (src, filePath) =>
  // Procedural-macro code reports errors by panicking (they become compile errors).
  isCrateRoot(filePath) && !/\bproc_macro/.test(src.masked)
    ? scan(src, /\bpanic!\s*[([{]/g, (m) => {
        const fn = enclosingFn(src, m.index);
        return `\`panic!\` in public \`fn ${fn?.name ?? ''}\`, and its docs never say when it panics: callers cannot avoid it; return an error, or document when it panics`;
      }, (m) => {
        if (inTest(src, m.index)) return false;
        const fn = enclosingFn(src, m.index);
        return fn !== null && fn.isPub && !/\bpanic/i.test(fn.doc) && !/#\[doc\(hidden\)\]/.test(fn.doc) && !inPrivateModule(src, m.index);
      })
    : [];

const partialCmpUnwrap: TextDetector = (src, filePath) =>
  scan(src, /\bpartial_cmp\s*\(/g, () => '`partial_cmp(…).unwrap()` panics as soon as a NaN is compared; use `total_cmp` for floats (or handle `None`)', (m) => {
    const close = src.closeOf(parenOf(m));
    if (close < 0 || !/^\s*\.(?:unwrap\s*\(\s*\)|expect\s*\()/.test(src.masked.slice(close + 1, close + 20)) || !notTest(src, filePath)(m)) return false;
    // Only as a comparator (sorting, min/max, binary search), where NaN-bearing floats are the usual input; inside an
    // `Ord::cmp` over a type whose `partial_cmp` is total it is fine.
    return src.pairs().some((p) => p.kind === '(' && p.open < m.index && m.index < p.close && /\b(?:sort_by|sort_unstable_by|max_by|min_by|binary_search_by|select_nth_unstable_by|is_sorted_by)\s*$/.test(src.masked.slice(Math.max(0, p.open - 30), p.open)));
  });

/** `fn drop(&mut self)` bodies of `impl Drop for …` blocks, as [open, close] brace indexes. */
function dropBodies(src: RustText): [number, number][] {
  const out: [number, number][] = [];
  const re = /\bimpl\s*(?:<[^{]*?>\s*)?(?:(?:std|core)::ops::)?Drop\s+for\b[^{]*\{/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const implOpen = m.index + m[0].length - 1;
    const implClose = src.closeOf(implOpen);
    const fn = /\bfn\s+drop\s*\(\s*&\s*mut\s+self\s*\)\s*\{/.exec(src.masked.slice(implOpen, implClose < 0 ? undefined : implClose));
    if (!fn) continue;
    const open = implOpen + fn.index + fn[0].length - 1;
    const close = src.closeOf(open);
    // A drop that checks `thread::panicking()` is a deliberate "drop bomb" that never panics while unwinding.
    if (close > 0 && !/\bpanicking\s*\(\s*\)/.test(src.masked.slice(open, close))) out.push([open, close]);
  }
  return out;
}

const panicInDrop: TextDetector = (src, filePath) => {
  if (isTestPath(filePath)) return [];
  const bodies = dropBodies(src);
  if (bodies.length === 0) return [];
  return scan(src, /\.(unwrap|expect)\s*\(|\b(panic|unreachable|todo|unimplemented)!\s*[([{]/g, (m) => `\`${m[1] ? `.${m[1]}()` : `${m[2] ?? 'panic'}!`}\` in \`Drop::drop\`: a panic while the thread is already unwinding aborts the whole process, and a panicking destructor leaks the rest of the value; handle the error in place (log it, ignore a poisoned lock with \`unwrap_or_else(PoisonError::into_inner)\`)`, (m) => {
    if (inTest(src, m.index) || !bodies.some(([a, b]) => a < m.index && m.index < b)) return false;
    // `opt.take().unwrap()` and friends state an invariant of the value being dropped; a bare `panic!()` in a
    // destructor is the deliberate abort idiom. Failures from outside (locks, channels, I/O) are what is flagged.
    if (m[1] && /\.(?:take|as_ref|as_mut)\s*\(\s*\)\s*$/.test(src.masked.slice(Math.max(0, m.index - 20), m.index))) return false;
    return !(m[2] === 'panic' && /^\s*\)/.test(src.masked.slice(m.index + m[0].length, m.index + m[0].length + 4)));
  });
};

/** Names that hold a secret (bare `token` is left out: parsers are full of tokens). */
const SECRET_NAME = String.raw`(?:password|passwd|passphrase|secret|client_secret|api_?key|apikey|access_?token|refresh_?token|auth_?token|bearer_?token|private_?key|secret_?key)`;

const secretLogged: TextDetector = (src, filePath) =>
  scan(src, /\b(println|eprintln|print|eprint|info|debug|warn|error|trace|log)!\s*\(/g, (m) => `a secret is written to ${/print/.test(m[1] ?? '') ? 'the terminal' : 'the log'} (\`${m[1] ?? 'info'}!\` of a value named like a credential): logs are kept, shipped and read by many; log that it is set (or a redacted form), never the value`, (m) => {
    if (isTestPath(filePath) || inTest(src, m.index)) return false;
    const open = m.index + m[0].length - 1;
    const close = src.closeOf(open);
    if (close < 0) return false;
    // Arguments outside the format string (masked), or `{name}` captured inside it.
    const args = src.masked.slice(open + 1, close);
    const lit = stringLiterals(src).find(([a, b]) => a > open && b < close);
    const inline = lit ? src.text.slice(lit[0] + 1, lit[1]) : '';
    // The value itself (or a plain view of it); a member of it (`token.expires_at`, `key.len()`) is not the secret.
    const named = new RegExp(String.raw`(?:^|[^\w.])(?:[A-Za-z_]\w*\.)*${SECRET_NAME}\b(?!\s*(?:\((?!\s*\))|!|\.(?!(?:as_str|as_ref|as_deref|as_bytes|to_string|to_owned|clone|expose_secret|unwrap|unwrap_or_default)\s*\()))`, 'i');
    return named.test(args.replace(/"[^"]*"/g, '""')) || new RegExp(String.raw`\{${SECRET_NAME}(?::[^}]*)?\}`, 'i').test(inline);
  });

// ---- Process and environment ----

const envSetVarThreaded: TextDetector = (src, filePath) => {
  const threaded = isLibraryPath(filePath) || /\bthread::spawn\b|\basync\s+fn\b|#\[tokio::main|\brayon::/.test(src.masked);
  if (!threaded) return [];
  return scan(src, /\benv::(set_var|remove_var|set_current_dir)\s*\(/g, (m) =>
    m[1] === 'set_current_dir'
      ? `\`env::set_current_dir\` in ${isLibraryPath(filePath) ? 'library' : 'multi-threaded'} code changes the directory every thread resolves relative paths against, under their feet; pass absolute paths (or \`Command::current_dir\` for a child) instead`
      : `\`env::${m[1] ?? 'set_var'}\` in ${isLibraryPath(filePath) ? 'library' : 'multi-threaded'} code races with any other thread reading the environment (undefined behaviour in libc; \`unsafe\` since edition 2024); pass configuration explicitly, or set it before any thread starts`, notTest(src, filePath));
};

const shellCommandFormat: TextDetector = (src, filePath) =>
  scan(src, /\bCommand::new\s*\(\s*"/g, () => 'a shell (`sh -c`/`cmd /C`) runs a `format!`-built command line: any interpolated value can inject commands; run the program directly with `.arg(…)` per argument', (m) => {
    const open = m.index + m[0].length - 1;
    const lit = stringLiterals(src).find(([a]) => a === open);
    if (!lit || !/^(?:sh|bash|zsh|dash|cmd|cmd\.exe|powershell|pwsh)$/.test(src.text.slice(lit[0] + 1, lit[1]))) return false;
    const end = src.masked.indexOf(';', lit[1]);
    const chain = src.text.slice(lit[1], end < 0 ? src.text.length : end);
    return /\.args?\s*\(\s*(?:\[\s*)?"(?:-c|\/C|\/c|-Command)"/.test(chain) && /\bformat!\s*\(/.test(chain) && notTest(src, filePath)(m);
  });

// ---- Secrets and insecure defaults ----

/** Known credential formats (provider prefixes with their fixed lengths) and private key blocks. */
const TOKEN_FORMATS: [RegExp, string][] = [
  [/^(?:AKIA|ASIA)[0-9A-Z]{16}$/, 'an AWS access key id'],
  [/^gh[pousr]_[A-Za-z0-9]{36}$/, 'a GitHub token'],
  [/^github_pat_[A-Za-z0-9_]{60,}$/, 'a GitHub token'],
  [/^xox[baprs]-[0-9A-Za-z-]{10,}$/, 'a Slack token'],
  [/^[sr]k_live_[0-9A-Za-z]{20,}$/, 'a Stripe live key'],
  [/^AIza[0-9A-Za-z_-]{35}$/, 'a Google API key'],
  [/^glpat-[0-9A-Za-z_-]{20}$/, 'a GitLab token'],
  [/-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/, 'a private key'],
  [/^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}$/, 'a signed JSON Web Token'],
];

/** Placeholder-looking values (documentation examples, repeated characters). */
const FAKE = /EXAMPLE|example|xxxx|XXXX|0000|1234|dummy|fake|placeholder|changeme|your[_-]/i;

/** Test or sample material by its file name or by the name declared on the line (`TEST_PRIVATE_KEY`, `example_token`). */
const SAMPLE_NAME = /test|example|sample|fixture|mock|dummy|fake|demo/i;

const hardcodedSecretToken: TextDetector = (src, filePath) => {
  if (isTestPath(filePath) || SAMPLE_NAME.test(filePath.replace(/\\/g, '/').split('/').pop() ?? '')) return [];
  const hits: TextHit[] = [];
  for (const [a, b] of stringLiterals(src)) {
    const body = src.text.slice(a + 1, b);
    if (body.length < 20 || inTest(src, a)) continue;
    const found = TOKEN_FORMATS.find(([re]) => re.test(body.trim()));
    if (!found || FAKE.test(body) || SAMPLE_NAME.test(src.masked.slice(src.lineStart(a), a))) continue;
    hits.push({ index: a, message: `string literal looks like ${found[1]}: a secret in source is leaked to everyone who can read the repository; load it from the environment or a secret store, and revoke this one` });
  }
  return hits;
};

const hardcodedCredential: TextDetector = (src, filePath) => {
  if (isTestPath(filePath) || SAMPLE_NAME.test(filePath.replace(/\\/g, '/').split('/').pop() ?? '')) return [];
  const lits = new Map(stringLiterals(src).map(([a, b]) => [a, b]));
  return scan(src, /\b(\w*(?:password|passwd|secret|api_?key|apikey|access_?token|auth_?token|private_?key|client_?secret)\w*)\s*(?::\s*&\s*(?:'static\s+)?str\s*)?[:=]\s*"/gi, (m) => `\`${m[1] ?? 'secret'}\` is set from a string literal: a credential in source is leaked with the code; read it from the environment or a secret store`, (m) => {
    if (inTest(src, m.index)) return false;
    const open = m.index + m[0].length - 1;
    const close = lits.get(open);
    if (close === undefined) return false;
    const value = src.text.slice(open + 1, close);
    return value.length >= 8 && !/[\s{}$<>%]/.test(value) && /[A-Za-z]/.test(value) && /\d/.test(value) && !FAKE.test(value) && !/^(.)\1+$/.test(value);
  });
};

const tlsVerificationDisabled: TextDetector = (src, filePath) =>
  scan(src, /\b(danger_accept_invalid_certs|danger_accept_invalid_hostnames)\s*\(\s*true\s*\)|\bSslVerifyMode::NONE\b|\bset_verify_hostname\s*\(\s*false\s*\)/g, () => 'TLS certificate or hostname verification is switched off: anyone on the network path can impersonate the server; trust the specific certificate (a custom root) instead', notTest(src, filePath));

const predictableTempPath: TextDetector = (src, filePath) => {
  const message = 'a fixed file name in the shared temp directory: another user can pre-create or symlink it, and parallel runs collide; create a unique file or directory (`tempfile`)';
  return [
    ...scan(src, /\btemp_dir\s*\(\s*\)\s*\.join\s*\(\s*"/g, () => message, notTest(src, filePath)),
    ...scan(src, /\b(?:File::create|fs::write|create_dir_all|create_dir|OpenOptions::new\(\)[^;]*?\.open)\s*\(\s*"/g, () => message, (m) => {
      const open = m.index + m[0].length - 1;
      const lit = stringLiterals(src).find(([a]) => a === open);
      return lit !== undefined && /^\/tmp\/[^{}]+$/.test(src.text.slice(lit[0] + 1, lit[1])) && notTest(src, filePath)(m);
    }),
  ].sort((a, b) => a.index - b.index);
};

const worldWritablePermissions: TextDetector = (src, filePath) =>
  scan(src, /\b(?:from_mode|set_mode|mode)\s*\(\s*0o([0-7]{3,4})\s*\)/g, (m) => `mode \`0o${m[1] ?? ''}\` makes the file writable by every user; drop the write bit for others (e.g. \`0o644\`/\`0o755\`, or \`0o600\` for secrets)`, (m) => {
    const mode = m[1] ?? '';
    return /[2367]$/.test(mode) && !(mode.length === 4 && /^[1]/.test(mode)) && notTest(src, filePath)(m);
  });

const sqlFormatInjection: TextDetector = (src, filePath) =>
  scan(src, /\bformat!\s*\(\s*"/g, () => 'an SQL statement built with `format!`: an interpolated value can inject SQL; use the driver\'s bound parameters (`?`/`$1`)', (m) => {
    const open = m.index + m[0].length - 1;
    const lit = stringLiterals(src).find(([a]) => a === open);
    if (!lit) return false;
    const body = src.text.slice(lit[0] + 1, lit[1]);
    return /^\s*(?:SELECT\s[\s\S]*\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s)/i.test(body) && /\{[^}]*\}/.test(body) && notTest(src, filePath)(m);
  });

const SECRET_FIELD = /^(?:password|passphrase|secret|client_secret|api_?key|apikey|access_?token|refresh_?token|auth_?token|bearer_?token|private_?key|secret_?key)$/i;

const debugDerivesSecret: TextDetector = (src, filePath) => {
  if (isTestPath(filePath)) return [];
  const hits: TextHit[] = [];
  for (const t of derivedWith(src, 'Debug')) {
    const fields = fieldsOf(src, t);
    if (!fields) continue;
    const decl = new RegExp(String.raw`\bstruct\s+${t}\b`).exec(src.masked);
    if (!decl) continue;
    for (const f of fields) {
      if (!SECRET_FIELD.test(f)) continue;
      // A wrapper type that redacts itself (`Secret<…>`, `SecretString`, `Zeroizing<…>`, `Redacted<…>`) is fine.
      const fieldDecl = new RegExp(String.raw`\b${f}\s*:\s*([^,}]*)`).exec(src.masked.slice(decl.index));
      if (!fieldDecl || /Secret|Redact|Sensitive|Zeroiz|Masked|Protected/.test(fieldDecl[1] ?? '')) continue;
      hits.push({ index: decl.index + fieldDecl.index, message: `\`${t}\` derives \`Debug\`, so \`{:?}\` (logs, panics, error reports) prints its \`${f}\` in clear; implement \`Debug\` by hand and redact it, or wrap the value in a type that does` });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
};

const childNeverWaited: TextDetector = (src, filePath) =>
  scan(src, /\bCommand::new\s*\(/g, () => 'a spawned child is dropped without `wait()`: it stays a zombie until this process exits, and its exit status and failures are lost; keep the `Child` and `wait()` for it (or use `status()`/`output()`)', (m) => {
    if (!notTest(src, filePath)(m)) return false;
    // The statement: from the start of `Command::new` to its `;`, as one chain ending in `.spawn()`.
    const end = src.masked.indexOf(';', m.index);
    if (end < 0) return false;
    const chain = src.masked.slice(m.index, end);
    if (!/\.spawn\s*\(\s*\)\s*(?:\?|\.unwrap\s*\(\s*\)|\.expect\s*\([^()]*\))?\s*$/.test(chain) || /[{}]/.test(chain)) return false;
    const head = src.masked.slice(src.lineStart(m.index), m.index);
    return /^\s*(?:let\s+_\s*=\s*)?$/.test(head);
  });

// ---- Trait consistency ----

/** Type names whose `#[derive(…)]` list includes `name`. */
function derivedWith(src: RustText, name: string): Set<string> {
  const out = new Set<string>();
  const re = /#\[\s*derive\s*\(([^)]*)\)\s*\]/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    if (!new RegExp(String.raw`(?:^|[\s,:])${name}\s*(?:,|$)`).test(m[1] ?? '')) continue;
    const item = /^(?:\s*#\[[^\]]*\]|\s*\/\/[^\n]*)*\s*(?:pub(?:\s*\([^)]*\))?\s+)?(?:struct|enum|union)\s+([A-Za-z_]\w*)/.exec(src.masked.slice(m.index + m[0].length, m.index + m[0].length + 400));
    if (item?.[1]) out.add(item[1]);
  }
  return out;
}

/** Hand-written `impl <trait> for <Type>` blocks: type name → index. */
function manualImpls(src: RustText, trait: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = new RegExp(String.raw`\bimpl\s*(?:<[^{]*?>\s*)?(?:(?:std|core)::(?:cmp|hash)::)?${trait}\s*(?:<\s*([^{]*?)\s*>\s*)?for\s+([A-Za-z_]\w*)`, 'g');
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    // `PartialEq<Other> for T` compares with another type; only the self comparison must agree with the derive.
    if (m[2] && m[1] !== undefined && m[1] !== 'Self' && m[1] !== m[2] && !m[1].startsWith(`${m[2]}<`)) continue;
    if (m[2]) out.set(m[2], m.index);
  }
  return out;
}

/** The body `{…}` of the impl block starting at `index` (masked text), or ''. */
function implBody(src: RustText, index: number): string {
  const open = src.masked.indexOf('{', index);
  const close = open < 0 ? -1 : src.closeOf(open);
  return close < 0 ? '' : src.masked.slice(open, close + 1);
}

/** Field names of `struct <name>` (`0`, `1`… for a tuple struct; [] for a unit struct), or null (enum, not found). */
function fieldsOf(src: RustText, name: string): string[] | null {
  const m = new RegExp(String.raw`\bstruct\s+${name}\b\s*(?:<[^{;(]*>)?\s*(?:where[^{;(]*)?([{(;])`).exec(src.masked);
  if (!m) return null;
  const open = m.index + m[0].length - 1;
  if (m[1] === ';') return [];
  const close = src.closeOf(open);
  if (close < 0) return null;
  const parts = splitTopLevel(src.masked.slice(open + 1, close)).map(([, f]) => f.trim()).filter((f) => f !== '');
  if (m[1] === '(') return parts.map((_, i) => String(i));
  return parts.map((f) => /(?:^|\s)([A-Za-z_]\w*)\s*:/.exec(f.replace(/#\[[^\]]*\]/g, ''))?.[1] ?? '').filter((f) => f !== '');
}

const deriveHashManualEq: TextDetector = (src) => {
  if (/derived_hash_with_manual_eq/.test(src.masked)) return [];
  const hashed = derivedWith(src, 'Hash');
  const hits: TextHit[] = [];
  for (const [t, index] of manualImpls(src, 'PartialEq')) {
    if (!hashed.has(t)) continue;
    const body = implBody(src, index);
    const fields = fieldsOf(src, t);
    // An `eq` that reads every field agrees with the derived hash; one that skips a field does not.
    const skipped = fields?.filter((f) => !new RegExp(String.raw`\.${f}\b|\b${f}\s*[:,}]`).test(body)) ?? [];
    if (!/\bfn\s+eq\b/.test(body) || skipped.length === 0) continue;
    hits.push({ index, message: `\`${t}\` derives \`Hash\` (every field) but its hand-written \`eq\` ignores \`${skipped.join('`, `')}\`: values equal by \`eq\` may hash differently, which breaks \`HashMap\`/\`HashSet\`; implement \`Hash\` over the fields \`eq\` compares (or derive both)` });
  }
  return hits;
};

const deriveOrdManualPartialOrd: TextDetector = (src) => {
  if (/derive_ord_xor_partial_ord/.test(src.masked)) return [];
  const ord = derivedWith(src, 'Ord');
  const partial = derivedWith(src, 'PartialOrd');
  // The std traits (a crate's own `Ord` trait has other methods).
  const std = (method: string) => ([, index]: [string, number]): boolean => new RegExp(String.raw`\bfn\s+${method}\b`).test(implBody(src, index));
  return [
    ...[...manualImpls(src, 'PartialOrd')].filter(([t]) => ord.has(t)).filter(std('partial_cmp')).map(([t, index]) => ({ index, message: `\`${t}\` derives \`Ord\` but implements \`PartialOrd\` by hand: sorting and comparisons may disagree; write \`partial_cmp\` as \`Some(self.cmp(other))\` or derive both` })),
    ...[...manualImpls(src, 'Ord')].filter(([t]) => partial.has(t)).filter(std('cmp')).map(([t, index]) => ({ index, message: `\`${t}\` implements \`Ord\` by hand but derives \`PartialOrd\` (field order): \`<\` and \`sort\` disagree; implement \`PartialOrd\` as \`Some(self.cmp(other))\`` })),
  ].sort((a, b) => a.index - b.index);
};

/** The safety-side text detectors by name (merged into `TEXT_DETECTORS`). */
export const SAFETY_DETECTORS: Readonly<Record<string, TextDetector>> = {
  unsafe_impl_send_sync: unsafeImplSendSync,
  mem_transmute: memTransmute,
  unsafe_block: unsafeBlock,
  static_mut: staticMut,
  lint_allow: lintAllow,
  placeholder_macro: placeholderMacro,
  box_leak: boxLeak,
  mem_forget: memForget,
  unwrap_unchecked: unwrapUnchecked,
  raw_pointer_cast: rawPointerCast,
  unsafe_impl_undocumented: unsafeImplUndocumented,
  unchecked_call_undocumented: uncheckedCallUndocumented,
  from_raw_parts_capacity: fromRawPartsCapacity,
  no_mangle_rust_abi: noMangleRustAbi,
  unsafe_fn_missing_safety_doc: unsafeFnMissingSafetyDoc,
  blocking_sleep_in_async: blockingSleepInAsync,
  blocking_fs_in_async: blockingFsInAsync,
  block_on_in_async: blockOnInAsync,
  blocking_api_in_async: blockingApiInAsync,
  relock_in_statement: relockInStatement,
  refcell_double_borrow: refcellDoubleBorrow,
  empty_expect_message: emptyExpectMessage,
  panic_in_pub_fn: panicInPubFn,
  partial_cmp_unwrap: partialCmpUnwrap,
  env_set_var_threaded: envSetVarThreaded,
  shell_command_format: shellCommandFormat,
  hardcoded_secret_token: hardcodedSecretToken,
  hardcoded_credential: hardcodedCredential,
  tls_verification_disabled: tlsVerificationDisabled,
  predictable_temp_path: predictableTempPath,
  world_writable_permissions: worldWritablePermissions,
  sql_format_injection: sqlFormatInjection,
  derive_hash_manual_eq: deriveHashManualEq,
  derive_ord_manual_partial_ord: deriveOrdManualPartialOrd,
  refcell_borrow_across_await: refcellBorrowAcrossAwait,
  arc_of_non_sync: arcOfNonSync,
  debug_derives_secret: debugDerivesSecret,
  child_never_waited: childNeverWaited,
  panic_in_drop: panicInDrop,
  secret_logged: secretLogged,
  empty_spin_loop: emptySpinLoop,
};
