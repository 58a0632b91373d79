import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  RustText,
  inlineModules,
  itemScopes,
  matchAngle,
  matchDetector,
  scopesAt,
  splitTopLevel
} from "./chunk-I4KIIW5R.js";

// src/core/patterns/detector-kit.ts
function maskedMatches(src, re) {
  const out = [];
  re.lastIndex = 0;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    if (m[0].length === 0) re.lastIndex++;
    out.push(m);
  }
  return out;
}
function testRanges(src) {
  const cached = src.memo.get("testRanges");
  if (cached) return cached;
  const out = [];
  const re = /#\[(?:cfg\((?:test|all\([^\]]*?\btest\b[^\]]*)\)|test|tokio::test(?:\([^\]]*\))?)\]|\bmod\s+tests\s*\{/g;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (src.masked[m.index] !== m[0][0]) continue;
    if (/\bnot\s*\(\s*test\b/.test(m[0])) continue;
    const open = src.masked.indexOf("{", m.index);
    const close = open < 0 ? -1 : src.closeOf(open);
    if (close > 0) out.push([m.index, close]);
  }
  src.memo.set("testRanges", out);
  return out;
}
function inTest(src, i) {
  return testRanges(src).some(([a, b]) => a <= i && i <= b);
}
function isLibraryPath(filePath) {
  const p = filePath.replace(/\\/g, "/");
  return /(^|\/)src\//.test(p) && !/(^|\/)src\/(main\.rs|bin\/)/.test(p) && !/(^|\/)(tests|examples|benches)\//.test(p) && !p.endsWith("build.rs");
}
function isTestPath(filePath) {
  return /(^|\/)(tests|examples|benches)\//.test(filePath.replace(/\\/g, "/"));
}
function isTestLikeFile(filePath) {
  return isTestPath(filePath) || /(^|\/)build\.rs$/.test(filePath.replace(/\\/g, "/"));
}
function inAsync(src, i) {
  const fn = scopesAt(src, i).find((s) => s.keyword === "fn");
  if (fn && /\basync\s+(?:unsafe\s+)?$/.test(src.masked.slice(Math.max(0, fn.start - 20), fn.start))) return true;
  return src.enclosingBraces(i).some((b) => /\basync\s+(?:move\s+)?$/.test(src.masked.slice(Math.max(0, b.open - 12), b.open)));
}
var OFF_EXECUTOR = /\b(?:spawn_blocking|block_in_place|thread::spawn|thread::scope|spawn_blocking_with|Builder::new\(\)[^;]*\.spawn)\s*$/;
function onExecutor(src, i) {
  if (!inAsync(src, i)) return false;
  const fn = scopesAt(src, i).find((s) => s.keyword === "fn");
  for (const p of src.pairs()) {
    if (p.kind !== "(" || p.open >= i || i > p.close) continue;
    if (fn && p.open < fn.start) continue;
    if (OFF_EXECUTOR.test(src.masked.slice(Math.max(0, p.open - 60), p.open))) return false;
    if (/^\s*(?:move\s*)?\|/.test(src.masked.slice(p.open + 1, p.open + 12))) return false;
  }
  return true;
}
function awaited(src, open) {
  const close = src.closeOf(open);
  if (close < 0) return false;
  if (/^\s*\??\s*\.await\b/.test(src.masked.slice(close + 1, close + 24))) return true;
  return src.pairs().some((p) => p.open < open && close <= p.close && /\b(?:select|join|try_join|select_biased)!\s*$/.test(src.masked.slice(Math.max(0, p.open - 16), p.open)));
}
function docAbove(src, i) {
  const lines = src.text.slice(0, src.lineStart(i)).split("\n");
  lines.pop();
  const out = [];
  for (let k = lines.length - 1; k >= 0; k--) {
    const t = (lines[k] ?? "").trim();
    if (t.startsWith("///") || t.startsWith("#[") || t.startsWith("//!") || t.startsWith("*") || t.startsWith("/**") || t.startsWith("//")) out.unshift(t);
    else break;
  }
  return out.join("\n");
}
var SAFETY_NOTE = /(?:\/\/|\/\*|^\s*\*)[^\n]*\bsafety\b/im;
function hasSafetyNote(src, i, lookBack = 4) {
  const block = src.enclosingBraces(i).find((b) => /\bunsafe\s*$/.test(src.masked.slice(Math.max(0, b.open - 12), b.open)));
  const anchor = block ? Math.min(block.open, i) : i;
  let from = src.lineStart(anchor);
  for (let k = 0; k < lookBack && from > 0; k++) from = src.lineStart(from - 1);
  const lineEnd = src.text.indexOf("\n", i);
  return SAFETY_NOTE.test(src.text.slice(from, lineEnd < 0 ? src.text.length : lineEnd));
}
function stringLiterals(src) {
  const cached = src.memo.get("stringLiterals");
  if (cached) return cached;
  const out = [];
  let open = -1;
  for (let i = src.masked.indexOf('"'); i >= 0; i = src.masked.indexOf('"', i + 1)) {
    if (open < 0) open = i;
    else {
      out.push([open, i]);
      open = -1;
    }
  }
  src.memo.set("stringLiterals", out);
  return out;
}
function enclosingFn(src, i) {
  const fn = scopesAt(src, i).find((s) => s.keyword === "fn");
  if (!fn) return null;
  const lineHead = src.masked.slice(src.lineStart(fn.start), fn.start);
  return { ...fn, isPub: /\bpub\s+(?:(?:const|async|unsafe|extern\s*(?:"[^"]*")?)\s+)*$/.test(lineHead), doc: docAbove(src, fn.start), header: src.masked.slice(fn.start, fn.headerEnd) };
}
function aliveTogether(src, i, j) {
  const m = src.masked;
  const between = m.slice(i, j);
  const inner = src.enclosingBraces(i)[0];
  if (inner && inner.close < j) return false;
  if (!/[{};]/.test(between)) return !between.includes("=>");
  let s = i;
  while (s > 0 && !/[;{}]/.test(m[s - 1])) s--;
  const head = m.slice(s, i);
  if (!/^\s*(?:match\b|if\s+let\b|while\s+let\b|(?:let\s+[^=]*=\s*)?match\b)/.test(head) || head.includes("{")) return false;
  const body = m.indexOf("{", i);
  if (body < 0 || body > j) return false;
  const close = src.closeOf(body);
  return close > j && !m.slice(i, body).includes(";");
}

// src/core/patterns/detectors-safety.ts
function scan(src, re, message, keep = () => true) {
  const hits = [];
  for (const m of maskedMatches(src, re)) {
    if (!keep(m)) continue;
    const msg = message(m);
    if (msg !== null) hits.push({ index: m.index, message: msg });
  }
  return hits;
}
var notTest = (src, filePath) => (m) => !isTestPath(filePath) && !inTest(src, m.index);
var parenOf = (m) => m.index + m[0].length - 1;
var SEND_SYNC_IMPL = /\bunsafe\s+impl\s*(?:<[^{;]*?>\s*)?(?:(?:std|core)::marker::)?(Send|Sync)\s+for\b/g;
var unsafeImplSendSync = (src) => scan(src, SEND_SYNC_IMPL, (m) => `\`unsafe impl ${m[1] ?? "Send"}\` asserts thread safety the compiler could not prove; wrap the non-${m[1] ?? "Send"} field in a type that is (\`Arc\`, \`Mutex\`, an atomic) or document the invariant with \`// SAFETY:\` \u2014 a fix must never add one`);
var memTransmute = (src) => scan(src, /\btransmute(?:_copy)?\s*(?:::\s*<[^;]*?>\s*)?\(/g, () => "`transmute` reinterprets bits and bypasses the type system; use a safe conversion (`from_ne_bytes`, `as`, `From`, a pointer cast) \u2014 a fix must never add one");
var unsafeBlock = (src) => scan(src, /\bunsafe\s*\{/g, () => "`unsafe` block: rustc no longer checks memory safety inside; keep it minimal with a `// SAFETY:` comment \u2014 a fix must never add one to silence an error");
var staticMut = (src) => scan(src, /(?<!')\bstatic\s+mut\s+[A-Za-z_]/g, () => "`static mut` is unsynchronised global state (every access is `unsafe` and racy); use an atomic, `Mutex`/`OnceLock` in a plain `static`, or pass the state explicitly");
var lintAllow = (src) => scan(src, /#!?\[\s*allow\s*\(/g, () => "`#[allow(\u2026)]` silences a lint instead of fixing what it reports; fix the code, or keep the allow narrow with a comment saying why \u2014 a fix must never add one");
var placeholderMacro = (src) => scan(src, /\b(todo|unimplemented)!\s*[([{]/g, (m) => `\`${m[1] ?? "todo"}!\` compiles but panics when reached; implement the code path or return an error`);
var boxLeak = (src) => scan(src, /\bBox::leak\s*\(/g, () => "`Box::leak` turns a lifetime problem into a memory leak that grows with every call; own the value (or use `Arc`) instead");
var memForget = (src) => scan(src, /\bmem::forget\s*\(/g, () => "`mem::forget` skips the destructor (leaks memory, keeps locks and files open); let the value drop, or use `ManuallyDrop` where the leak is the point");
var unwrapUnchecked = (src) => scan(src, /\.unwrap_unchecked\s*\(/g, () => "`unwrap_unchecked` is undefined behaviour on `None`/`Err`; use `unwrap`/`expect` (a panic with a message) or handle the case");
var rawPointerCast = (src) => scan(src, /\bas\s+\*(const|mut)\b/g, (m) => `cast to \`*${m[1] ?? "const"}\`: a raw pointer escapes the borrow checker; keep references where possible and confine pointers to FFI \u2014 a fix must never add one to silence a borrow error`);
var unsafeImplUndocumented = (src) => scan(src, /\bunsafe\s+impl\b([^{;]*)[{;]/g, () => "`unsafe impl` without a `// SAFETY:` comment: state why the trait's safety contract holds for this type", (m) => !new RegExp(SEND_SYNC_IMPL.source).test(src.masked.slice(m.index, m.index + m[0].length + 1)) && !hasSafetyNote(src, m.index, 6) && !/\bsafety\b/i.test(docAbove(src, m.index)));
var uncheckedCallUndocumented = (src, filePath) => scan(src, /(?:\.|::)(get_unchecked(?:_mut)?|set_len|from_utf8_unchecked(?:_mut)?|new_unchecked)\s*\(/g, (m) => `\`${m[1] ?? "get_unchecked"}\` skips a check the caller must uphold, with no \`// SAFETY:\` comment saying why it holds here; add one, or use the checked form`, (m) => {
  if (hasSafetyNote(src, m.index) || !notTest(src, filePath)(m)) return false;
  const fn = enclosingFn(src, m.index);
  const inUnsafeFn = fn !== null && /\bunsafe\b/.test(src.masked.slice(src.lineStart(fn.start), fn.start));
  if (!inUnsafeFn && !src.enclosingBraces(m.index).some((b) => /\bunsafe\s*$/.test(src.masked.slice(Math.max(0, b.open - 12), b.open)))) return false;
  if (inUnsafeFn && /#\s*Safety/.test(fn.doc)) return false;
  return !/\bfn\s*$/.test(src.masked.slice(Math.max(0, m.index - 8), m.index + 1));
});
function argsOf(src, open) {
  const close = src.closeOf(open);
  if (close < 0) return [];
  return splitTopLevel(src.masked.slice(open + 1, close)).map(([, a]) => a.trim()).filter((a) => a !== "");
}
var fromRawPartsCapacity = (src) => scan(src, /\bfrom_raw_parts(?:_mut)?\s*\(/g, () => "`slice::from_raw_parts` with a capacity as its length exposes uninitialised memory; pass the number of initialised elements (`len()`)", (m) => {
  const args = argsOf(src, parenOf(m));
  return args.length === 2 && /\.capacity\s*\(\s*\)/.test(args[1] ?? "");
});
var noMangleRustAbi = (src, filePath) => isTestPath(filePath) ? [] : scan(src, /#\[\s*(?:unsafe\s*\(\s*)?no_mangle\s*\)?\s*\]/g, () => '`#[no_mangle]` on a function without `extern "C"`: it is exported with the unstable Rust ABI, so calls from C are undefined behaviour; declare it `extern "C" fn`', (m) => {
  const after = src.masked.slice(m.index + m[0].length, m.index + m[0].length + 300);
  const item = /\b(fn|static)\b/.exec(after);
  if (item === null || item[1] !== "fn" || /\bextern\b|\bunsafe\b/.test(after.slice(0, item.index)) || !/\bpub\s+$/.test(after.slice(0, item.index))) return false;
  return !src.pairs().some((p) => p.open < m.index && m.index < p.close && /(?:macro_rules!\s*\w+|quote!|quote_spanned!\([^)]*\))\s*$/.test(src.masked.slice(Math.max(0, p.open - 40), p.open)));
});
var unsafeFnMissingSafetyDoc = (src, filePath) => isLibraryPath(filePath) && !/@generated|automatically generated|generated by/i.test(src.text.slice(0, 600)) ? scan(src, /^[ \t]*pub\s+(?:const\s+)?unsafe\s+(?:extern\s*(?:"[^"]*"\s*)?)?fn\s+(\w+)/gm, (m) => `public \`unsafe fn ${m[1] ?? ""}\` has no \`# Safety\` section: callers cannot know what they must guarantee; document it`, (m) => !inTest(src, m.index) && !/#\s*Safety/.test(docAbove(src, m.index + (/\S/.exec(m[0])?.index ?? 0)))) : [];
var blockingSleepInAsync = (src, filePath) => {
  const bare = /\buse\s+std::thread::(?:sleep\b|\{[^}]*\bsleep\b)/.test(src.masked);
  return scan(src, bare ? /(?:\bthread::|(?<![\w:.]))sleep\s*\(/g : /\bthread::sleep\s*\(/g, () => "`std::thread::sleep` in async code blocks the executor thread (every task on it stalls); use the runtime's timer (`tokio::time::sleep(\u2026).await`)", (m) => notTest(src, filePath)(m) && onExecutor(src, m.index) && !awaited(src, parenOf(m)));
};
var FS_CALLS = "read|read_to_string|read_dir|write|create_dir|create_dir_all|remove_file|remove_dir|remove_dir_all|copy|rename|metadata|canonicalize|File::open|File::create|OpenOptions::new";
var blockingFsInAsync = (src, filePath) => {
  const stdFile = /\buse\s+std::fs::(?:File\b|\{[^}]*\bFile\b)/.test(src.masked);
  const re = new RegExp(String.raw`(?:\b(?:std::)?fs::(?:${FS_CALLS})${stdFile ? String.raw`|(?<![\w:])File::(?:open|create)` : ""})\s*\(`, "g");
  return scan(src, re, () => "blocking file I/O (`std::fs`) in async code stalls the executor thread; use the runtime's async fs (`tokio::fs`) or move it into `spawn_blocking`", (m) => {
    if (!notTest(src, filePath)(m) || !onExecutor(src, m.index) || awaited(src, parenOf(m))) return false;
    return !/\b(?:tokio|async_std|smol)::$/.test(src.masked.slice(Math.max(0, m.index - 12), m.index)) && !/\buse\s+(?:tokio|async_std|smol)::fs\s*;/.test(src.masked);
  });
};
var blockOnInAsync = (src, filePath) => [
  ...scan(src, /\b(?:Runtime::new|runtime::Builder::new_(?:current_thread|multi_thread))\s*\(/g, () => "a runtime created inside async code: Tokio panics when it is dropped (or blocks) on a runtime thread; use the current runtime (`Handle::current()`, `.await`)", (m) => notTest(src, filePath)(m) && onExecutor(src, m.index)),
  ...scan(src, /\bblock_on\s*\(/g, () => '`block_on` inside async code blocks the executor thread (Tokio panics: "Cannot start a runtime from within a runtime"); `.await` the future instead', (m) => notTest(src, filePath)(m) && !/\bfn\s+$/.test(src.masked.slice(Math.max(0, m.index - 6), m.index)) && onExecutor(src, m.index))
].sort((a, b) => a.index - b.index);
var blockingApiInAsync = (src, filePath) => scan(src, /\.(blocking_recv|blocking_send|blocking_lock|blocking_read|blocking_write|recv)\s*\(/g, (m) => m[1] === "recv" ? "`.recv()` without `.await` in async code is a blocking channel receive (std/crossbeam) that stalls the executor thread; use an async channel (`tokio::sync::mpsc`) and `.recv().await`" : `\`.${m[1] ?? "blocking_recv"}()\` in async code blocks the executor thread (Tokio panics when called on a runtime thread); use the async form with \`.await\``, (m) => {
  if (!notTest(src, filePath)(m) || !onExecutor(src, m.index) || awaited(src, parenOf(m))) return false;
  if (m[1] !== "recv") return true;
  const close = src.closeOf(parenOf(m));
  return argsOf(src, parenOf(m)).length === 0 && /^\s*(?:\?|\.(?:unwrap|expect|ok|is_ok|is_err|map|map_err|unwrap_or\w*)\b)/.test(src.masked.slice(close + 1, close + 24));
});
function guardCalls(src, methods) {
  const out = [];
  const re = new RegExp(String.raw`((?:self\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(${methods.source})\s*\(\s*\)`, "g");
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const recv = m[1] ?? "";
    if (src.masked[m.index - 1] === ")") continue;
    out.push({ recv, method: m[2] ?? "", index: m.index });
  }
  return out;
}
function conflicts(src, calls, clash, message) {
  const hits = [];
  for (let k = 0; k < calls.length; k++) {
    const a = calls[k];
    for (let l = k + 1; l < calls.length; l++) {
      const b = calls[l];
      if (b.index - a.index > 2e3) break;
      if (a.recv !== b.recv || !clash(a.method, b.method) || !aliveTogether(src, a.index, b.index)) continue;
      if (/\bdrop\s*\(/.test(src.masked.slice(a.index, b.index))) continue;
      hits.push({ index: b.index, message: message(a.recv, a.method, b.method) });
      break;
    }
  }
  return hits;
}
function heldGuardConflicts(src, methods, clash, message) {
  const hits = [];
  const re = new RegExp(String.raw`\blet\s+(?:mut\s+)?([a-z_]\w*)\s*(?::[^=;{}]+)?=\s*((?:self\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(${methods.source})\s*\(\s*\)\s*(?:\.unwrap\s*\(\s*\)|\.expect\s*\([^()]*\)|\.await\b|\?)*\s*;`, "g");
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const [, guard = "", recv = "", method = ""] = m;
    const block = src.enclosingBraces(m.index)[0];
    if (!block) continue;
    const from = m.index + m[0].length;
    const rest = src.masked.slice(from, block.close);
    const esc = recv.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const again = new RegExp(String.raw`(?<![\w.])${esc}\.(${methods.source})\s*\(\s*\)`, "g");
    const dropAt = rest.search(new RegExp(String.raw`\bdrop\s*\(\s*${guard}\s*\)|\b${guard}\s*=[^=]`));
    for (let n = again.exec(rest); n; n = again.exec(rest)) {
      if (dropAt >= 0 && dropAt < n.index) break;
      if (!clash(method, n[1] ?? "")) continue;
      hits.push({ index: from + n.index, message: message(guard, recv, method, n[1] ?? "") });
      break;
    }
  }
  return hits;
}
var REENTRANT = /\bRe[Ee]ntrant(?:Mutex|Lock)\b/;
var relockInStatement = (src, filePath) => isTestPath(filePath) || REENTRANT.test(src.masked) ? [] : [
  ...conflicts(src, guardCalls(src, /lock|read|write/), (a, b) => a !== "read" || b !== "read", (recv, a, b) => `\`${recv}.${b}()\` while the guard from \`${recv}.${a}()\` earlier in the same statement is still alive: a std lock is not re-entrant, so this deadlocks; bind the first result to a local and drop the guard before locking again`),
  ...heldGuardConflicts(src, /lock|read|write/, (a, b) => a !== "read" || b !== "read", (guard, recv, a, b) => `\`${recv}.${b}()\` while \`${guard}\` still holds \`${recv}.${a}()\`: the lock is not re-entrant, so this deadlocks; use \`${guard}\`, or \`drop(${guard})\` first`)
].filter((h) => !inTest(src, h.index)).sort((x, y) => x.index - y.index);
var refcellDoubleBorrow = (src, filePath) => isTestPath(filePath) ? [] : [
  ...conflicts(src, guardCalls(src, /borrow_mut|borrow/), (a, b) => a === "borrow_mut" || b === "borrow_mut", (recv, a, b) => `\`${recv}.${b}()\` while \`${recv}.${a}()\` from earlier in the same statement is still borrowed: this panics at run time (\`BorrowMutError\`); copy what you need out of the first borrow into a local first`),
  ...heldGuardConflicts(src, /borrow_mut|borrow/, (a, b) => a === "borrow_mut" || b === "borrow_mut", (guard, recv, a, b) => `\`${recv}.${b}()\` while \`${guard}\` still holds \`${recv}.${a}()\`: this panics at run time (\`BorrowError\`/\`BorrowMutError\`); use \`${guard}\`, or \`drop(${guard})\` first`)
].filter((h) => !inTest(src, h.index)).sort((x, y) => x.index - y.index);
var refcellBorrowAcrossAwait = (src, filePath) => scan(src, /\blet\s+(?:mut\s+)?([a-z_]\w*)\s*(?::[^=;{}]+)?=\s*(?:self\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.(borrow_mut|borrow)\s*\(\s*\)\s*;/g, (m) => `\`${m[1] ?? "r"}\` from \`.${m[2] ?? "borrow"}()\` is held across an \`.await\`: another task on the same executor that borrows the cell panics (\`BorrowMutError\`); copy what you need and drop the borrow before awaiting`, (m) => {
  if (!notTest(src, filePath)(m) || !onExecutor(src, m.index)) return false;
  const block = src.enclosingBraces(m.index)[0];
  if (!block) return false;
  const after = src.masked.slice(m.index + m[0].length, block.close);
  const awaitAt = after.indexOf(".await");
  if (awaitAt < 0) return false;
  const dropAt = after.search(new RegExp(String.raw`\bdrop\s*\(\s*${m[1] ?? ""}\s*\)`));
  return dropAt < 0 || dropAt > awaitAt;
});
var arcOfNonSync = (src) => scan(src, /\bArc\s*<\s*(?:(?:std|core)::cell::)?(RefCell|Cell|Rc)\s*</g, (m) => `\`Arc<${m[1] ?? "RefCell"}<\u2026>>\`: \`${m[1] ?? "RefCell"}\` is not \`Sync\`, so this \`Arc\` can never be sent to another thread and only pays for atomic counting; use \`Rc<${m[1] ?? "RefCell"}<\u2026>>\` for one thread, or \`Arc<Mutex<\u2026>>\`/an atomic to share across threads`);
var emptySpinLoop = (src, filePath) => scan(src, /\bwhile\b([^{};]*)\{\s*\}/g, () => "this `while` spins on an atomic with an empty body, burning a core while it waits; block on a `Condvar`, a channel or `thread::park`, or for a short wait call `std::hint::spin_loop()` in the body", (m) => notTest(src, filePath)(m) && /\.(?:load|compare_exchange(?:_weak)?|swap|fetch_\w+)\s*\(/.test(m[1] ?? "") && !/\blet\b/.test(m[1] ?? ""));
var emptyExpectMessage = (src, filePath) => scan(src, /\.expect\s*\(\s*""\s*\)/g, () => '`.expect("")` panics with an empty message; say which invariant failed (or use `?`)', notTest(src, filePath));
var isCrateRoot = (filePath) => /(^|\/)src\/lib\.rs$/.test(filePath.replace(/\\/g, "/"));
function inPrivateModule(src, i) {
  return inlineModules(src).some((md) => md.open < i && i < md.close && !/\bpub\s+mod\s+\w+\s*$/.test(src.masked.slice(Math.max(0, md.open - 80), md.open)));
}
var panicInPubFn = (src, filePath) => (
  // Procedural-macro code reports errors by panicking (they become compile errors).
  isCrateRoot(filePath) && !/\bproc_macro/.test(src.masked) ? scan(src, /\bpanic!\s*[([{]/g, (m) => {
    const fn = enclosingFn(src, m.index);
    return `\`panic!\` in public \`fn ${fn?.name ?? ""}\`, and its docs never say when it panics: callers cannot avoid it; return an error, or document when it panics`;
  }, (m) => {
    if (inTest(src, m.index)) return false;
    const fn = enclosingFn(src, m.index);
    return fn !== null && fn.isPub && !/\bpanic/i.test(fn.doc) && !/#\[doc\(hidden\)\]/.test(fn.doc) && !inPrivateModule(src, m.index);
  }) : []
);
var partialCmpUnwrap = (src, filePath) => scan(src, /\bpartial_cmp\s*\(/g, () => "`partial_cmp(\u2026).unwrap()` panics as soon as a NaN is compared; use `total_cmp` for floats (or handle `None`)", (m) => {
  const close = src.closeOf(parenOf(m));
  if (close < 0 || !/^\s*\.(?:unwrap\s*\(\s*\)|expect\s*\()/.test(src.masked.slice(close + 1, close + 20)) || !notTest(src, filePath)(m)) return false;
  return src.pairs().some((p) => p.kind === "(" && p.open < m.index && m.index < p.close && /\b(?:sort_by|sort_unstable_by|max_by|min_by|binary_search_by|select_nth_unstable_by|is_sorted_by)\s*$/.test(src.masked.slice(Math.max(0, p.open - 30), p.open)));
});
function dropBodies(src) {
  const out = [];
  const re = /\bimpl\s*(?:<[^{]*?>\s*)?(?:(?:std|core)::ops::)?Drop\s+for\b[^{]*\{/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const implOpen = m.index + m[0].length - 1;
    const implClose = src.closeOf(implOpen);
    const fn = /\bfn\s+drop\s*\(\s*&\s*mut\s+self\s*\)\s*\{/.exec(src.masked.slice(implOpen, implClose < 0 ? void 0 : implClose));
    if (!fn) continue;
    const open = implOpen + fn.index + fn[0].length - 1;
    const close = src.closeOf(open);
    if (close > 0 && !/\bpanicking\s*\(\s*\)/.test(src.masked.slice(open, close))) out.push([open, close]);
  }
  return out;
}
var panicInDrop = (src, filePath) => {
  if (isTestPath(filePath)) return [];
  const bodies = dropBodies(src);
  if (bodies.length === 0) return [];
  return scan(src, /\.(unwrap|expect)\s*\(|\b(panic|unreachable|todo|unimplemented)!\s*[([{]/g, (m) => `\`${m[1] ? `.${m[1]}()` : `${m[2] ?? "panic"}!`}\` in \`Drop::drop\`: a panic while the thread is already unwinding aborts the whole process, and a panicking destructor leaks the rest of the value; handle the error in place (log it, ignore a poisoned lock with \`unwrap_or_else(PoisonError::into_inner)\`)`, (m) => {
    if (inTest(src, m.index) || !bodies.some(([a, b]) => a < m.index && m.index < b)) return false;
    if (m[1] && /\.(?:take|as_ref|as_mut)\s*\(\s*\)\s*$/.test(src.masked.slice(Math.max(0, m.index - 20), m.index))) return false;
    return !(m[2] === "panic" && /^\s*\)/.test(src.masked.slice(m.index + m[0].length, m.index + m[0].length + 4)));
  });
};
var SECRET_NAME = String.raw`(?:password|passwd|passphrase|secret|client_secret|api_?key|apikey|access_?token|refresh_?token|auth_?token|bearer_?token|private_?key|secret_?key)`;
var secretLogged = (src, filePath) => scan(src, /\b(println|eprintln|print|eprint|info|debug|warn|error|trace|log)!\s*\(/g, (m) => `a secret is written to ${/print/.test(m[1] ?? "") ? "the terminal" : "the log"} (\`${m[1] ?? "info"}!\` of a value named like a credential): logs are kept, shipped and read by many; log that it is set (or a redacted form), never the value`, (m) => {
  if (isTestPath(filePath) || inTest(src, m.index)) return false;
  const open = m.index + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return false;
  const args = src.masked.slice(open + 1, close);
  const lit = stringLiterals(src).find(([a, b]) => a > open && b < close);
  const inline = lit ? src.text.slice(lit[0] + 1, lit[1]) : "";
  const named = new RegExp(String.raw`(?:^|[^\w.])(?:[A-Za-z_]\w*\.)*${SECRET_NAME}\b(?!\s*(?:\((?!\s*\))|!|\.(?!(?:as_str|as_ref|as_deref|as_bytes|to_string|to_owned|clone|expose_secret|unwrap|unwrap_or_default)\s*\()))`, "i");
  return named.test(args.replace(/"[^"]*"/g, '""')) || new RegExp(String.raw`\{${SECRET_NAME}(?::[^}]*)?\}`, "i").test(inline);
});
var envSetVarThreaded = (src, filePath) => {
  const threaded = isLibraryPath(filePath) || /\bthread::spawn\b|\basync\s+fn\b|#\[tokio::main|\brayon::/.test(src.masked);
  if (!threaded) return [];
  return scan(src, /\benv::(set_var|remove_var|set_current_dir)\s*\(/g, (m) => m[1] === "set_current_dir" ? `\`env::set_current_dir\` in ${isLibraryPath(filePath) ? "library" : "multi-threaded"} code changes the directory every thread resolves relative paths against, under their feet; pass absolute paths (or \`Command::current_dir\` for a child) instead` : `\`env::${m[1] ?? "set_var"}\` in ${isLibraryPath(filePath) ? "library" : "multi-threaded"} code races with any other thread reading the environment (undefined behaviour in libc; \`unsafe\` since edition 2024); pass configuration explicitly, or set it before any thread starts`, notTest(src, filePath));
};
var shellCommandFormat = (src, filePath) => scan(src, /\bCommand::new\s*\(\s*"/g, () => "a shell (`sh -c`/`cmd /C`) runs a `format!`-built command line: any interpolated value can inject commands; run the program directly with `.arg(\u2026)` per argument", (m) => {
  const open = m.index + m[0].length - 1;
  const lit = stringLiterals(src).find(([a]) => a === open);
  if (!lit || !/^(?:sh|bash|zsh|dash|cmd|cmd\.exe|powershell|pwsh)$/.test(src.text.slice(lit[0] + 1, lit[1]))) return false;
  const end = src.masked.indexOf(";", lit[1]);
  const chain = src.text.slice(lit[1], end < 0 ? src.text.length : end);
  return /\.args?\s*\(\s*(?:\[\s*)?"(?:-c|\/C|\/c|-Command)"/.test(chain) && /\bformat!\s*\(/.test(chain) && notTest(src, filePath)(m);
});
var TOKEN_FORMATS = [
  [/^(?:AKIA|ASIA)[0-9A-Z]{16}$/, "an AWS access key id"],
  [/^gh[pousr]_[A-Za-z0-9]{36}$/, "a GitHub token"],
  [/^github_pat_[A-Za-z0-9_]{60,}$/, "a GitHub token"],
  [/^xox[baprs]-[0-9A-Za-z-]{10,}$/, "a Slack token"],
  [/^[sr]k_live_[0-9A-Za-z]{20,}$/, "a Stripe live key"],
  [/^AIza[0-9A-Za-z_-]{35}$/, "a Google API key"],
  [/^glpat-[0-9A-Za-z_-]{20}$/, "a GitLab token"],
  [/-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/, "a private key"],
  [/^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}$/, "a signed JSON Web Token"]
];
var FAKE = /EXAMPLE|example|xxxx|XXXX|0000|1234|dummy|fake|placeholder|changeme|your[_-]/i;
var SAMPLE_NAME = /test|example|sample|fixture|mock|dummy|fake|demo/i;
var hardcodedSecretToken = (src, filePath) => {
  if (isTestPath(filePath) || SAMPLE_NAME.test(filePath.replace(/\\/g, "/").split("/").pop() ?? "")) return [];
  const hits = [];
  for (const [a, b] of stringLiterals(src)) {
    const body = src.text.slice(a + 1, b);
    if (body.length < 20 || inTest(src, a)) continue;
    const found = TOKEN_FORMATS.find(([re]) => re.test(body.trim()));
    if (!found || FAKE.test(body) || SAMPLE_NAME.test(src.masked.slice(src.lineStart(a), a))) continue;
    hits.push({ index: a, message: `string literal looks like ${found[1]}: a secret in source is leaked to everyone who can read the repository; load it from the environment or a secret store, and revoke this one` });
  }
  return hits;
};
var hardcodedCredential = (src, filePath) => {
  if (isTestPath(filePath) || SAMPLE_NAME.test(filePath.replace(/\\/g, "/").split("/").pop() ?? "")) return [];
  const lits = new Map(stringLiterals(src).map(([a, b]) => [a, b]));
  return scan(src, /\b(\w*(?:password|passwd|secret|api_?key|apikey|access_?token|auth_?token|private_?key|client_?secret)\w*)\s*(?::\s*&\s*(?:'static\s+)?str\s*)?[:=]\s*"/gi, (m) => `\`${m[1] ?? "secret"}\` is set from a string literal: a credential in source is leaked with the code; read it from the environment or a secret store`, (m) => {
    if (inTest(src, m.index)) return false;
    const open = m.index + m[0].length - 1;
    const close = lits.get(open);
    if (close === void 0) return false;
    const value = src.text.slice(open + 1, close);
    return value.length >= 8 && !/[\s{}$<>%]/.test(value) && /[A-Za-z]/.test(value) && /\d/.test(value) && !FAKE.test(value) && !/^(.)\1+$/.test(value);
  });
};
var tlsVerificationDisabled = (src, filePath) => scan(src, /\b(danger_accept_invalid_certs|danger_accept_invalid_hostnames)\s*\(\s*true\s*\)|\bSslVerifyMode::NONE\b|\bset_verify_hostname\s*\(\s*false\s*\)/g, () => "TLS certificate or hostname verification is switched off: anyone on the network path can impersonate the server; trust the specific certificate (a custom root) instead", notTest(src, filePath));
var predictableTempPath = (src, filePath) => {
  const message = "a fixed file name in the shared temp directory: another user can pre-create or symlink it, and parallel runs collide; create a unique file or directory (`tempfile`)";
  return [
    ...scan(src, /\btemp_dir\s*\(\s*\)\s*\.join\s*\(\s*"/g, () => message, notTest(src, filePath)),
    ...scan(src, /\b(?:File::create|fs::write|create_dir_all|create_dir|OpenOptions::new\(\)[^;]*?\.open)\s*\(\s*"/g, () => message, (m) => {
      const open = m.index + m[0].length - 1;
      const lit = stringLiterals(src).find(([a]) => a === open);
      return lit !== void 0 && /^\/tmp\/[^{}]+$/.test(src.text.slice(lit[0] + 1, lit[1])) && notTest(src, filePath)(m);
    })
  ].sort((a, b) => a.index - b.index);
};
var worldWritablePermissions = (src, filePath) => scan(src, /\b(?:from_mode|set_mode|mode)\s*\(\s*0o([0-7]{3,4})\s*\)/g, (m) => `mode \`0o${m[1] ?? ""}\` makes the file writable by every user; drop the write bit for others (e.g. \`0o644\`/\`0o755\`, or \`0o600\` for secrets)`, (m) => {
  const mode = m[1] ?? "";
  return /[2367]$/.test(mode) && !(mode.length === 4 && /^[1]/.test(mode)) && notTest(src, filePath)(m);
});
var sqlFormatInjection = (src, filePath) => scan(src, /\bformat!\s*\(\s*"/g, () => "an SQL statement built with `format!`: an interpolated value can inject SQL; use the driver's bound parameters (`?`/`$1`)", (m) => {
  const open = m.index + m[0].length - 1;
  const lit = stringLiterals(src).find(([a]) => a === open);
  if (!lit) return false;
  const body = src.text.slice(lit[0] + 1, lit[1]);
  return /^\s*(?:SELECT\s[\s\S]*\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s)/i.test(body) && /\{[^}]*\}/.test(body) && notTest(src, filePath)(m);
});
var SECRET_FIELD = /^(?:password|passphrase|secret|client_secret|api_?key|apikey|access_?token|refresh_?token|auth_?token|bearer_?token|private_?key|secret_?key)$/i;
var debugDerivesSecret = (src, filePath) => {
  if (isTestPath(filePath)) return [];
  const hits = [];
  for (const t of derivedWith(src, "Debug")) {
    const fields = fieldsOf(src, t);
    if (!fields) continue;
    const decl = new RegExp(String.raw`\bstruct\s+${t}\b`).exec(src.masked);
    if (!decl) continue;
    for (const f of fields) {
      if (!SECRET_FIELD.test(f)) continue;
      const fieldDecl = new RegExp(String.raw`\b${f}\s*:\s*([^,}]*)`).exec(src.masked.slice(decl.index));
      if (!fieldDecl || /Secret|Redact|Sensitive|Zeroiz|Masked|Protected/.test(fieldDecl[1] ?? "")) continue;
      hits.push({ index: decl.index + fieldDecl.index, message: `\`${t}\` derives \`Debug\`, so \`{:?}\` (logs, panics, error reports) prints its \`${f}\` in clear; implement \`Debug\` by hand and redact it, or wrap the value in a type that does` });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
};
var childNeverWaited = (src, filePath) => scan(src, /\bCommand::new\s*\(/g, () => "a spawned child is dropped without `wait()`: it stays a zombie until this process exits, and its exit status and failures are lost; keep the `Child` and `wait()` for it (or use `status()`/`output()`)", (m) => {
  if (!notTest(src, filePath)(m)) return false;
  const end = src.masked.indexOf(";", m.index);
  if (end < 0) return false;
  const chain = src.masked.slice(m.index, end);
  if (!/\.spawn\s*\(\s*\)\s*(?:\?|\.unwrap\s*\(\s*\)|\.expect\s*\([^()]*\))?\s*$/.test(chain) || /[{}]/.test(chain)) return false;
  const head = src.masked.slice(src.lineStart(m.index), m.index);
  return /^\s*(?:let\s+_\s*=\s*)?$/.test(head);
});
function derivedWith(src, name) {
  const out = /* @__PURE__ */ new Set();
  const re = /#\[\s*derive\s*\(([^)]*)\)\s*\]/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    if (!new RegExp(String.raw`(?:^|[\s,:])${name}\s*(?:,|$)`).test(m[1] ?? "")) continue;
    const item = /^(?:\s*#\[[^\]]*\]|\s*\/\/[^\n]*)*\s*(?:pub(?:\s*\([^)]*\))?\s+)?(?:struct|enum|union)\s+([A-Za-z_]\w*)/.exec(src.masked.slice(m.index + m[0].length, m.index + m[0].length + 400));
    if (item?.[1]) out.add(item[1]);
  }
  return out;
}
function manualImpls(src, trait) {
  const out = /* @__PURE__ */ new Map();
  const re = new RegExp(String.raw`\bimpl\s*(?:<[^{]*?>\s*)?(?:(?:std|core)::(?:cmp|hash)::)?${trait}\s*(?:<\s*([^{]*?)\s*>\s*)?for\s+([A-Za-z_]\w*)`, "g");
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    if (m[2] && m[1] !== void 0 && m[1] !== "Self" && m[1] !== m[2] && !m[1].startsWith(`${m[2]}<`)) continue;
    if (m[2]) out.set(m[2], m.index);
  }
  return out;
}
function implBody(src, index) {
  const open = src.masked.indexOf("{", index);
  const close = open < 0 ? -1 : src.closeOf(open);
  return close < 0 ? "" : src.masked.slice(open, close + 1);
}
function fieldsOf(src, name) {
  const m = new RegExp(String.raw`\bstruct\s+${name}\b\s*(?:<[^{;(]*>)?\s*(?:where[^{;(]*)?([{(;])`).exec(src.masked);
  if (!m) return null;
  const open = m.index + m[0].length - 1;
  if (m[1] === ";") return [];
  const close = src.closeOf(open);
  if (close < 0) return null;
  const parts = splitTopLevel(src.masked.slice(open + 1, close)).map(([, f]) => f.trim()).filter((f) => f !== "");
  if (m[1] === "(") return parts.map((_, i) => String(i));
  return parts.map((f) => /(?:^|\s)([A-Za-z_]\w*)\s*:/.exec(f.replace(/#\[[^\]]*\]/g, ""))?.[1] ?? "").filter((f) => f !== "");
}
var deriveHashManualEq = (src) => {
  if (/derived_hash_with_manual_eq/.test(src.masked)) return [];
  const hashed = derivedWith(src, "Hash");
  const hits = [];
  for (const [t, index] of manualImpls(src, "PartialEq")) {
    if (!hashed.has(t)) continue;
    const body = implBody(src, index);
    const fields = fieldsOf(src, t);
    const skipped = fields?.filter((f) => !new RegExp(String.raw`\.${f}\b|\b${f}\s*[:,}]`).test(body)) ?? [];
    if (!/\bfn\s+eq\b/.test(body) || skipped.length === 0) continue;
    hits.push({ index, message: `\`${t}\` derives \`Hash\` (every field) but its hand-written \`eq\` ignores \`${skipped.join("`, `")}\`: values equal by \`eq\` may hash differently, which breaks \`HashMap\`/\`HashSet\`; implement \`Hash\` over the fields \`eq\` compares (or derive both)` });
  }
  return hits;
};
var deriveOrdManualPartialOrd = (src) => {
  if (/derive_ord_xor_partial_ord/.test(src.masked)) return [];
  const ord = derivedWith(src, "Ord");
  const partial = derivedWith(src, "PartialOrd");
  const std = (method) => ([, index]) => new RegExp(String.raw`\bfn\s+${method}\b`).test(implBody(src, index));
  return [
    ...[...manualImpls(src, "PartialOrd")].filter(([t]) => ord.has(t)).filter(std("partial_cmp")).map(([t, index]) => ({ index, message: `\`${t}\` derives \`Ord\` but implements \`PartialOrd\` by hand: sorting and comparisons may disagree; write \`partial_cmp\` as \`Some(self.cmp(other))\` or derive both` })),
    ...[...manualImpls(src, "Ord")].filter(([t]) => partial.has(t)).filter(std("cmp")).map(([t, index]) => ({ index, message: `\`${t}\` implements \`Ord\` by hand but derives \`PartialOrd\` (field order): \`<\` and \`sort\` disagree; implement \`PartialOrd\` as \`Some(self.cmp(other))\`` }))
  ].sort((a, b) => a.index - b.index);
};
var SAFETY_DETECTORS = {
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
  empty_spin_loop: emptySpinLoop
};

// src/core/patterns/detectors-style.ts
function matches(src, re, filePath, skipTests) {
  if (skipTests && isTestLikeFile(filePath)) return [];
  const all = maskedMatches(src, re);
  return skipTests ? all.filter((m) => !inTest(src, m.index)) : all;
}
function regexDetector(re, message, opts = {}) {
  return (src, filePath) => {
    if (opts.libraryOnly === true && !isLibraryPath(filePath)) return [];
    const hits = [];
    for (const m of matches(src, re, filePath, opts.skipTests ?? true)) {
      const msg = message(m, src);
      if (msg !== null) hits.push({ index: m.index, message: msg });
    }
    return hits;
  };
}
function closeParen(src, open) {
  return src.masked[open] === "(" ? src.closeOf(open) : -1;
}
function argsAt(src, open) {
  const close = closeParen(src, open);
  if (close < 0) return null;
  return { masked: src.masked.slice(open + 1, close), text: src.text.slice(open + 1, close), close };
}
function blockAfter(src, from) {
  for (let j = from; j < src.masked.length; j++) {
    const ch = src.masked[j];
    if (ch === "(" || ch === "[") {
      const c = src.closeOf(j);
      if (c < 0) return null;
      j = c;
    } else if (ch === "{") {
      const close = src.closeOf(j);
      return close < 0 ? null : { open: j, close };
    } else if (ch === ";" || ch === "}") return null;
  }
  return null;
}
function inLoop(src, i) {
  const fn = scopesAt(src, i).find((s) => s.keyword === "fn");
  for (const b of src.enclosingBraces(i)) {
    if (fn && b.open <= fn.headerEnd) break;
    const head = src.masked.slice(Math.max(0, b.open - 400), b.open);
    const stmt = head.slice(Math.max(head.lastIndexOf(";"), head.lastIndexOf("{"), head.lastIndexOf("}")) + 1);
    if (/^\s*(?:'\w+\s*:\s*)?(?:for\b|while\b|loop\s*$)/.test(stmt)) return true;
  }
  return false;
}
function directlyInLoop(src, i) {
  const b = src.enclosingBraces(i)[0];
  if (!b) return false;
  const head = src.masked.slice(Math.max(0, b.open - 400), b.open);
  const stmt = head.slice(Math.max(head.lastIndexOf(";"), head.lastIndexOf("{"), head.lastIndexOf("}")) + 1);
  return /^\s*(?:'\w+\s*:\s*)?(?:for\b|while\b|loop\s*$)/.test(stmt) && !/^\s*while\s+let\b[^=]*=\s*$/.test(stmt);
}
function mentions(text, name) {
  return new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(text);
}
function fnSignatures(src) {
  const cached = src.memo.get("styleFnSigs");
  if (cached) return cached;
  const scopes = itemScopes(src);
  const out = [];
  for (const s of scopes) {
    if (s.keyword !== "fn") continue;
    const open = src.masked.indexOf("(", s.generics ? s.generics[1] : s.start);
    if (open < 0 || open > s.headerEnd) continue;
    const close = src.closeOf(open);
    if (close < 0 || close > s.headerEnd) continue;
    const tail = src.masked.slice(close + 1, s.headerEnd);
    const arrow = tail.indexOf("->");
    const ret = arrow < 0 ? "" : tail.slice(arrow + 2).split(/\bwhere\b/)[0]?.trim() ?? "";
    const lead = src.masked.slice(Math.max(0, s.start - 80), s.start);
    const isPub = /\bpub\s+(?:(?:const|async|unsafe|extern(?:\s+"\s*")?)\s+)*$/.test(lead);
    const impl = scopes.filter((o) => o.keyword === "impl" && o.start < s.start && s.end <= o.end).sort((a, b) => b.start - a.start)[0];
    const inTraitImpl = impl !== void 0 && /\bfor\b/.test(src.masked.slice(impl.start, impl.headerEnd));
    const inTrait = scopes.some((o) => o.keyword === "trait" && o.start < s.start && s.end <= o.end);
    out.push({ scope: s, params: [open, close], ret, isPub: isPub && !inTrait, inTraitImpl });
  }
  src.memo.set("styleFnSigs", out);
  return out;
}
function refOwnedParam(kind, advice) {
  const re = kind === "String" ? /&\s*(?:'\w+\s+)?String\b/g : new RegExp(`&\\s*(?:'\\w+\\s+)?${kind}\\s*<`, "g");
  return (src, filePath) => {
    if (isTestLikeFile(filePath)) return [];
    const hits = [];
    for (const sig of fnSignatures(src)) {
      if (sig.inTraitImpl || inTest(src, sig.scope.start)) continue;
      const [open, close] = sig.params;
      for (const [off, piece] of splitTopLevel(src.masked.slice(open + 1, close))) {
        const colon = piece.indexOf(":");
        if (colon < 0) continue;
        const ty = piece.slice(colon + 1);
        re.lastIndex = 0;
        const m = re.exec(ty);
        if (!m || ty.slice(0, m.index).trim() !== "") continue;
        if (kind !== "String") {
          const lt = ty.indexOf("<", m.index);
          const gt = matchAngle(ty, lt);
          if (gt < 0 || ty.slice(gt + 1).trim() !== "") continue;
        } else if (ty.slice(m.index + m[0].length).trim() !== "") continue;
        hits.push({ index: open + 1 + off + colon + 1 + m.index, message: advice });
      }
    }
    return hits;
  };
}
function resultError(ret) {
  const m = /^(?:(?:std|core)::result::)?Result\s*</.exec(ret);
  if (!m) return null;
  const lt = m[0].length - 1;
  const gt = matchAngle(ret, lt);
  if (gt < 0 || ret.slice(gt + 1).trim() !== "") return null;
  const parts = splitTopLevel(ret.slice(lt + 1, gt));
  return parts.length === 2 ? (parts[1]?.[1] ?? "").trim() : null;
}
function pubResultError(keep, message) {
  return (src, filePath) => {
    if (!isLibraryPath(filePath)) return [];
    const hits = [];
    for (const sig of fnSignatures(src)) {
      if (!sig.isPub || sig.inTraitImpl || inTest(src, sig.scope.start)) continue;
      const err = resultError(sig.ret);
      if (err !== null && keep(err)) hits.push({ index: sig.scope.start, message });
    }
    return hits;
  };
}
var implInto = regexDetector(/\bimpl\s*(?:<[^>{]*>\s*)?(?:(?:std|core)::convert::)?Into\s*<[^{]*?>\s+for\b/g, () => "implement `From<Source> for Target` instead of `Into`: `From` gives `Into` for free through the blanket impl, and `?` and `T::from` only see `From`", { skipTests: false });
var implToString = regexDetector(/\bimpl\s*(?:<[^>{]*>\s*)?(?:(?:std|alloc)::string::)?ToString\s+for\b/g, () => 'implement `fmt::Display` instead of `ToString`: `to_string()` then comes from the blanket impl, and the type also works with `format!("{}")` and `write!`', { skipTests: false });
var fallibleFrom = (src, filePath) => {
  if (isTestLikeFile(filePath)) return [];
  const hits = [];
  for (const s of itemScopes(src)) {
    if (s.keyword !== "impl" || src.masked[s.headerEnd] !== "{" || inTest(src, s.start)) continue;
    if (!/^impl\s*(?:<[^{]*?>\s*)?(?:(?:std|core)::convert::)?From\s*</.test(src.masked.slice(s.start, s.headerEnd))) continue;
    const body = src.masked.slice(s.headerEnd, s.end);
    if (/\bfn\s+from\s*\(\s*_\s*:/.test(body)) continue;
    const p = /\.unwrap\(\)|\.expect\(|\bpanic!\s*\(/.exec(body);
    if (p) hits.push({ index: s.start, message: "this `From` impl can panic; a conversion that can fail should be `TryFrom` (with an `Error` type), so callers get a `Result` instead of a crash" });
  }
  return hits;
};
var intoByRef = regexDetector(/\bfn\s+into_\w+\s*(?:<[^>(]*>)?\s*\(\s*&\s*(?:'\w+\s+)?(?:mut\s+)?self\b/g, () => "an `into_*` method takes `self` by value by convention (it consumes the receiver); name a borrowing conversion `to_*` or `as_*`", { skipTests: true });
var newWithoutDefault = (src, filePath) => {
  if (isTestLikeFile(filePath)) return [];
  const hits = [];
  for (const s of itemScopes(src)) {
    if (s.keyword !== "impl" || src.masked[s.headerEnd] !== "{" || inTest(src, s.start)) continue;
    const header = src.masked.slice(s.generics ? s.generics[1] + 1 : s.start + 4, s.headerEnd);
    if (/\bfor\b|\bwhere\b/.test(header)) continue;
    const name = /^\s*([A-Z]\w*)\s*(?:<[^{]*>)?\s*$/.exec(header)?.[1];
    if (name === void 0) continue;
    const body = src.masked.slice(s.headerEnd, s.end);
    const ctor = /\bpub\s+(?:const\s+)?fn\s+new\s*\(\s*\)\s*->\s*(?:Self|([A-Z]\w*))\b/.exec(body);
    if (!ctor || ctor[1] !== void 0 && ctor[1] !== name) continue;
    const impl = new RegExp(`\\bimpl\\s*(?:<[^>{]*>\\s*)?(?:[\\w:]*::)?Default\\s+for\\s+${name}\\b`).test(src.masked);
    const derived = new RegExp(`#\\[derive\\([^\\]]*\\bDefault\\b[^\\]]*\\)\\]\\s*(?:#\\[[^\\]]*\\]\\s*)*(?:pub(?:\\([^)]*\\))?\\s+)?(?:struct|enum)\\s+${name}\\b`).test(src.masked);
    if (impl || derived) continue;
    hits.push({ index: s.headerEnd + ctor.index, message: `\`${name}::new()\` takes no arguments but \`${name}\` has no \`Default\`; add \`impl Default for ${name}\` (calling \`new\`) or derive it, so generic code and \`..Default::default()\` can build one` });
  }
  return hits;
};
var cloneToIterate = regexDetector(/([a-z_][\w.]*)\.(clone|to_vec|to_owned)\(\)\s*\.iter\(\)/g, (m, src) => {
  const stmt = src.masked.slice(src.lineStart(m.index), m.index);
  if (/\bfor\b[^{;]*\bin\s+$/.test(stmt)) {
    const block = blockAfter(src, m.index);
    if (!block || mentions(src.masked.slice(block.open, block.close), m[1]?.split(".")[0] ?? "")) return null;
  }
  return `\`.${m[2] ?? "clone"}().iter()\` copies the whole collection only to borrow from the copy; call \`.iter()\` on the original`;
});
var collectThenCount = regexDetector(/\.collect\s*::\s*</g, (m, src) => {
  const lt = m.index + m[0].length - 1;
  const gt = matchAngle(src.masked, lt);
  if (gt < 0 || !/^\s*\(\s*\)/.test(src.masked.slice(gt + 1, gt + 8))) return null;
  if (!/^\s*(?:std::vec::)?Vec\s*</.test(src.masked.slice(lt + 1, gt))) return null;
  const after = src.masked.slice(src.masked.indexOf(")", gt) + 1, src.masked.indexOf(")", gt) + 30);
  const next = /^\s*\.(len|is_empty)\(\)/.exec(after)?.[1];
  if (next === void 0) return null;
  return next === "len" ? "collecting only to take `.len()` allocates a collection for a number; `.count()` on the iterator gives it directly" : "collecting only to ask `.is_empty()` allocates a collection; `.next().is_none()` (or `.any(|_| true)`) on the iterator answers without it";
});
var formatPushStr = regexDetector(/\.push_str\(\s*&\s*format!\s*\(/g, () => "`push_str(&format!(\u2026))` allocates a temporary `String`; `write!(s, \u2026)` (with `std::fmt::Write`) formats straight into the buffer");
var formatToString = regexDetector(/\bformat!\s*\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const parts = splitTopLevel(args.masked).filter(([, p]) => p.trim() !== "");
  const lit = /^\s*"(.*)"\s*$/s.exec(args.text.slice(0, parts[0]?.[1].length ?? 0));
  if (!lit) return null;
  if (parts.length === 2 && lit[1] === "{}") return '`format!("{}", x)` is `x.to_string()`: say what you mean, without the formatting machinery';
  if (parts.length === 1 && lit[1] !== void 0 && !/[{}]/.test(lit[1])) return '`format!` of a plain literal only copies it; write `"\u2026".to_string()` (or `String::from`)';
  return null;
});
var charsNthInLoop = regexDetector(/\.chars\(\)\s*\.nth\(/g, (m, src) => inLoop(src, m.index) ? "`.chars().nth(i)` inside a loop decodes the string from the start on every iteration (quadratic); iterate `chars()`/`char_indices()` once, or collect into a `Vec<char>` before the loop" : null);
var pushLoopCollect = regexDetector(/\blet\s+mut\s+([a-z_]\w*)\s*(?::\s*Vec\s*<[^;=]*>\s*)?=\s*Vec::new\(\)\s*;\s*for\b/g, (m, src) => {
  const name = m[1] ?? "";
  const block = blockAfter(src, m.index + m[0].length);
  if (!block) return null;
  const start = src.skipSpace(block.open + 1);
  if (!src.masked.startsWith(`${name}.push(`, start)) return null;
  const close = src.closeOf(start + name.length + ".push".length);
  if (close < 0) return null;
  const rest = src.masked.slice(close + 1, block.close).trim();
  if (rest !== "" && rest !== ";") return null;
  return `a loop whose only statement is \`${name}.push(\u2026)\` builds the vector one growth at a time; \`let ${name}: Vec<_> = iter.map(|\u2026| \u2026).collect();\` states it and allocates once when the length is known`;
});
var mapClone = regexDetector(/\.map\(\s*\|\s*(&?)\s*([a-z_]\w*)\s*\|\s*(\*?)\s*([a-z_]\w*)(\.clone\(\))?\s*\)/g, (m) => {
  const [, amp, a, star, b, clone] = m;
  if (a !== b) return null;
  if (clone !== void 0 && amp === "" && star === "") return "`.map(|x| x.clone())` is `.cloned()`";
  if (clone === void 0 && (amp === "&" && star === "" || amp === "" && star === "*")) return `\`.map(|${amp ?? ""}x| ${star ?? ""}x)\` is \`.copied()\``;
  return null;
});
var formatSelfAppend = regexDetector(/\b([a-z_]\w*)\s*=\s*format!\s*\(/g, (m, src) => {
  if (src.masked[m.index + m[0].indexOf("=") + 1] === "=" || /\blet\s+(?:mut\s+)?$/.test(src.masked.slice(Math.max(0, m.index - 12), m.index)) || !directlyInLoop(src, m.index)) return null;
  const name = m[1] ?? "";
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const parts = splitTopLevel(args.masked).map(([off, p]) => args.text.slice(off, off + p.length).trim());
  if (!parts.slice(1).some((p) => p === name || p === `&${name}`) && !new RegExp(`\\{${name}\\}`).test(parts[0] ?? "")) return null;
  return `\`${name} = format!(\u2026${name}\u2026)\` in a loop copies the whole string on every iteration (quadratic); append with \`${name}.push_str(\u2026)\` or \`write!(${name}, \u2026)\``;
});
var eagerAlloc = regexDetector(/\.(unwrap_or|ok_or|map_or)\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const first = (splitTopLevel(args.masked)[0]?.[1] ?? "").trim();
  if (!/^(?:format!\s*\(|vec!\s*\[\s*[^\]\s]|String::from\s*\(|(?:"[^"]*"|[\w.]+)\.to_(?:string|owned)\(\)$)/.test(first)) return null;
  return `\`.${m[1] ?? "unwrap_or"}(\u2026)\` builds its allocating argument even when it is not used; \`.${m[1] === "map_or" ? "map_or_else" : `${m[1] ?? "unwrap_or"}_else`}(|| \u2026)\` builds it only when needed`;
});
var expectFormat = regexDetector(/\.expect\(\s*&\s*format!\s*\(/g, () => '`.expect(&format!(\u2026))` formats the message even on success; `.unwrap_or_else(|e| panic!("\u2026: {e}"))` formats only on failure');
var containsKeyInsert = regexDetector(/\bif\s+!\s*([a-z_][\w.]*)\.contains_key\(/g, (m, src) => {
  const map = m[1] ?? "";
  if (!/(?:[;{}]|\belse)\s*$/.test(src.masked.slice(Math.max(0, m.index - 40), m.index))) return null;
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const block = blockAfter(src, args.close + 1);
  if (!block) return null;
  const key = args.masked.trim().replace(/^&\s*/, "");
  const body = src.masked.slice(block.open + 1, block.close);
  const ins = new RegExp(`^\\s*${map.replace(/\./g, "\\.")}\\.insert\\(\\s*(?:${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})\\s*(?:\\.clone\\(\\))?\\s*,`).exec(body);
  return ins ? `\`contains_key\` then \`insert\` hashes the key twice; \`${map}.entry(key).or_insert(\u2026)\` (or \`or_insert_with\`) does one lookup` : null;
});
var ITERATOR_SOURCE = /\.(?:iter|iter_mut|into_iter|chars|bytes|char_indices|lines|split\w*|keys|values|values_mut|drain|windows|chunks\w*|filter|map|filter_map|flat_map|skip|take|skip_while|take_while|rev|enumerate|zip|chain|copied|cloned|peekable)$/;
var searchIsSome = regexDetector(/\.(find|position|rposition)\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const end = src.skipSpaceBack(m.index);
  const callOpen = src.masked[end - 1] === ")" ? src.pairs().find((p) => p.close === end - 1 && p.kind === "(")?.open : void 0;
  const iterator = callOpen !== void 0 && ITERATOR_SOURCE.test(src.masked.slice(Math.max(0, callOpen - 30), callOpen).trimEnd());
  const strFind = m[1] === "find" && /^\s*["']/.test(args.masked);
  if (!iterator && !strFind) return null;
  const tail = /^\s*\.(is_some|is_none)\(\)/.exec(src.masked.slice(args.close + 1, args.close + 20));
  if (!tail) return null;
  return `\`.${m[1] ?? "find"}(\u2026).${tail[1] ?? "is_some"}()\` asks only whether a match exists; use \`${tail[1] === "is_none" ? "!" : ""}\u2026.any(\u2026)\` on an iterator (or \`${tail[1] === "is_none" ? "!" : ""}\u2026.contains(\u2026)\` on a string)`;
});
var filterNext = regexDetector(/\.filter\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  return /^\s*\.next\(\)/.test(src.masked.slice(args.close + 1, args.close + 12)) ? "`.filter(\u2026).next()` is `.find(\u2026)`" : null;
});
var forOverClone = regexDetector(/\bfor\s+([^{]+?)\s+in\s+([a-z_][\w.]*)\.(clone|to_vec)\(\)\s*\{/g, (m, src) => {
  const path = m[2] ?? "";
  const open = m.index + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return null;
  const root = path.split(".")[0] ?? path;
  if (mentions(src.masked.slice(open, close), root)) return null;
  return `the loop copies \`${path}\` only to iterate it and never touches \`${path}\` in its body; iterate \`&${path}\` (or \`${path}.iter()\`)`;
});
var boxCollection = regexDetector(/\bBox\s*<\s*(Vec|String|HashMap|BTreeMap|HashSet|VecDeque)\b/g, (m) => `\`Box<${m[1] ?? "Vec"}\u2026>\` is a pointer to a pointer: \`${m[1] ?? "Vec"}\` already keeps its contents on the heap, so drop the \`Box\` (or use \`Box<[T]>\`/\`Box<str>\` for a fixed buffer)`);
var rcOwnedBuffer = regexDetector(/\b(Arc|Rc)\s*<\s*(String|Vec)\b/g, (m) => `\`${m[1] ?? "Arc"}<${m[2] ?? "String"}\u2026>\` holds two indirections and unused capacity; when the contents never change, \`${m[1] ?? "Arc"}<${m[2] === "String" ? "str" : "[T]"}>\` stores them inline in one allocation`);
var mutexOfScalar = (src, filePath) => {
  if (/\bCondvar\b/.test(src.masked)) return [];
  return regexDetector(/\bMutex\s*<\s*(bool|u8|u16|u32|u64|usize|i8|i16|i32|i64|isize)\s*>/g, (m) => {
    const ty = m[1] ?? "usize";
    const atomic = ty === "bool" ? "AtomicBool" : `Atomic${ty[0]?.toUpperCase() ?? ""}${ty.slice(1)}`;
    return `\`Mutex<${ty}>\` locks to guard one scalar; \`std::sync::atomic::${atomic}\` does the same without blocking (keep the \`Mutex\` only when it also guards a critical section)`;
  })(src, filePath);
};
var removeFrontInLoop = regexDetector(/\.(remove\(\s*0\s*\)|insert\(\s*0\s*,)/g, (m, src) => inLoop(src, m.index) ? `\`.${m[1]?.startsWith("remove") === true ? "remove(0)" : "insert(0, \u2026)"}\` in a loop shifts every element each time (quadratic on a \`Vec\`); use a \`VecDeque\` (\`pop_front\`/\`push_front\`) or iterate/reverse once` : null);
var okUnwrap = regexDetector(/\.ok\(\)\s*\.(unwrap\(\)|expect\()/g, (m) => `\`.ok().${m[1] === "unwrap()" ? "unwrap()" : "expect(\u2026)"}\` throws the error away before panicking; \`.${m[1] === "unwrap()" ? "unwrap()" : "expect(\u2026)"}\` on the \`Result\` itself prints the error in the panic message`);
var mapErrDiscard = regexDetector(/\.map_err\(\s*\|\s*_\s*\|(?!\s*(?:std::)?fmt::Error\b)/g, () => "`.map_err(|_| \u2026)` drops the original error, so the report loses its cause; keep it (`|e| MyError::Io(e)`, a `source` field, or `.context(\u2026)`)", { libraryOnly: true });
var errTry = regexDetector(/\bErr\(/g, (m, src) => {
  if (/[\w:.]$/.test(src.masked.slice(0, m.index))) return null;
  const close = closeParen(src, m.index + m[0].length - 1);
  return close >= 0 && src.masked[close + 1] === "?" ? "`Err(e)?` returns through a conversion the reader has to notice; write `return Err(e.into())` (or `Err(e)?` only where the `From` conversion is the point)" : null;
});
var ignoredErr = regexDetector(/\bif\s+let\s+Err\s*\(\s*_\s*\)\s*=/g, (m, src) => {
  const block = blockAfter(src, m.index + m[0].length);
  if (!block || src.masked.slice(block.open + 1, block.close).trim() !== "") return null;
  return "`if let Err(_) = \u2026 {}` evaluates a fallible call and ignores its failure; handle it, propagate it with `?`, or write `let _ = \u2026;` with a comment saying why losing it is fine";
});
var letUnderscoreIo = regexDetector(/\blet\s+_\s*=\s*(?:(?:(?:std::)?fs::(write|copy|rename|create_dir|create_dir_all|set_permissions|hard_link)\s*\()|(?:[\w.():]+?\.(sync_all|sync_data)\s*\())/g, (m) => `\`let _ = \u2026${m[1] ?? m[2] ?? "write"}(\u2026)\` silently drops an I/O error: the data may not be where the program later assumes; propagate with \`?\` or log the failure`);
var INT = "(?:u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)";
var floatToIntCast = regexDetector(new RegExp(`\\bas\\s+(${INT})\\b`, "g"), (m, src) => {
  const end = src.skipSpaceBack(m.index);
  const before = src.masked.slice(Math.max(0, end - 200), end);
  let floaty = /(?<![\w.])\d+\.\d+(?:_?f(?:32|64))?$|\b\d+(?:_?f(?:32|64))$|\bas\s+f(?:32|64)$/.test(before);
  if (!floaty && before.endsWith(")")) {
    const close = end - 1;
    const open = src.pairs().find((p) => p.close === close && p.kind === "(")?.open;
    if (open === void 0) return null;
    const callee = /\.(round|floor|ceil|trunc|sqrt|powf|powi|ln|log10|log2|exp|mul_add|to_degrees|to_radians)\s*$/.test(src.masked.slice(Math.max(0, open - 20), open));
    const inner = src.masked.slice(open + 1, close);
    const group = /[\w!>]\s*$/.test(src.masked.slice(Math.max(0, open - 2), open)) ? false : /(?<![\w.])\d+\.\d+(?:_?f(?:32|64))?\b|\bas\s+f(?:32|64)\b|\bf(?:32|64)::/.test(inner);
    floaty = callee || group;
  }
  if (!floaty) return null;
  const expr = before.slice(Math.max(before.lastIndexOf(";"), before.lastIndexOf("{"), before.lastIndexOf("}"), before.search(/=[^=]*$/)) + 1);
  if (/\.(?:min|max|clamp)\(/.test(expr)) return null;
  if (!/\/\s*(?!\d[\d_.]*\b)[\w(]|\.(?:ln|log|log2|log10|acos|asin)\(/.test(expr)) return null;
  return `a float that can be NaN or infinite here (division by a variable, logarithm) converted with \`as ${m[1] ?? "i32"}\` saturates at the integer's bounds and turns NaN into 0 without an error; check \`is_finite()\` and the range (or the divisor) first`;
});
var floatEq = regexDetector(/(==|!=)\s*-?(\d+\.\d+)(?:_?f(?:32|64))?(?![\w.])|(?<![\w.])(\d+\.\d+)(?:_?f(?:32|64))?\s*(==|!=)\s*(-?[\w.]*)/g, (m, src) => {
  const lit = m[2] ?? m[3] ?? "";
  if (Number.isInteger(Number(lit) * 1024)) return null;
  if (m[3] !== void 0 && (/[-+*/%]\s*$/.test(src.masked.slice(Math.max(0, m.index - 10), m.index)) || /^-?0\.0+$/.test(m[5] ?? ""))) return null;
  return `\`${m[1] ?? m[4] ?? "=="}\` on a float compares bits after rounding; \`0.1 + 0.2 != 0.3\`. Compare with a tolerance (\`(a - b).abs() < eps\`) unless exact equality is the point`;
});
var memReplaceDefault = regexDetector(/\bmem::replace\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const parts = splitTopLevel(args.masked);
  if (parts.length !== 2 || !/^\s*&\s*mut\b/.test(parts[0]?.[1] ?? "")) return null;
  const v = (parts[1]?.[1] ?? "").trim();
  if (v === "None") return "`mem::replace(&mut x, None)` is `x.take()`";
  return /^(?:Default::default\(\)|[A-Z]\w*(?:::<[^>]*>)?::default\(\)|(?:String|Vec|VecDeque|HashMap|HashSet|BTreeMap|BTreeSet)::new\(\)|vec!\[\s*\])$/.test(v) ? "`mem::replace(&mut x, <empty value>)` is `mem::take(&mut x)`, which says the intent and uses the type's `Default`" : null;
});
var loopMatchBreak = regexDetector(/\bloop\s*\{\s*match\b/g, (m, src) => {
  const open = src.masked.indexOf("{", m.index);
  const close = src.closeOf(open);
  const block = blockAfter(src, m.index + m[0].length);
  if (close < 0 || !block || src.masked.slice(block.close + 1, close).trim().replace(/^;$/, "") !== "") return null;
  const body = src.masked.slice(block.open + 1, block.close);
  let depth = 0;
  let arms = 0;
  for (let j = 0; j < body.length; j++) {
    const ch = body[j];
    if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    else if (depth === 0 && ch === "=" && body[j + 1] === ">") arms++;
  }
  if (arms !== 2 || !/=>\s*(?:break\s*(?:,|$)|\{\s*break\s*;?\s*\})/.test(body)) return null;
  return "a `loop` around a `match` whose other arm is `break` is `while let Pattern = expr { \u2026 }`, which names the loop's condition";
});
var whileLetNext = regexDetector(/\bwhile\s+let\s+Some\s*\(([^=]*)\)\s*=\s*([a-z_]\w*)\.next\(\)\s*\{/g, (m, src) => {
  const it = m[2] ?? "";
  const open = m.index + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0 || mentions(src.masked.slice(open, close), it)) return null;
  return `\`while let Some(x) = ${it}.next()\` is \`for x in ${it}.by_ref()\` (or \`for x in ${it}\` when it is not used afterwards)`;
});
var rangeLoopIndex = regexDetector(/\bfor\s+([a-z_]\w*)\s+in\s+0\s*\.\.\s*([a-z_][\w.]*)\.len\(\)\s*\{/g, (m, src) => {
  const [, i, v] = m;
  if (i === void 0 || v === void 0) return null;
  const open = m.index + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return null;
  const body = src.masked.slice(open, close);
  const esc = v.replace(/\./g, "\\.");
  if (!new RegExp(`(?<![\\w.])${esc}\\[\\s*${i}\\s*\\]`).test(body)) return null;
  const rest = body.replace(new RegExp(`(?<![\\w.])${esc}\\[\\s*${i}\\s*\\]`, "g"), "");
  if (mentions(rest, v) || mentions(rest, i)) return null;
  return `\`for ${i} in 0..${v}.len()\` indexes \`${v}[${i}]\` with a bounds check each time; iterate \`${v}.iter()\` (or \`.iter().enumerate()\` when \`${i}\` is needed too)`;
});
var dbgMacro = regexDetector(/\bdbg!\s*\(/g, () => "`dbg!` is a debugging aid left in: it prints to stderr in release builds too; remove it or use `log`/`tracing`");
var checkThenUnwrap = regexDetector(/\bif\s+([a-z_]\w*)\.(is_some|is_ok)\(\)\s*\{/g, (m, src) => {
  const [, x, check] = m;
  if (x === void 0) return null;
  const open = m.index + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return null;
  const body = src.masked.slice(open, close);
  if (!new RegExp(`(?<![\\w.])${x.replace(/\./g, "\\.")}(?:\\.as_ref\\(\\)|\\.as_mut\\(\\))?\\.(unwrap\\(\\)|expect\\()`).test(body)) return null;
  return `\`if ${x}.${check ?? "is_some"}() { \u2026 ${x}.unwrap() \u2026 }\` checks and unwraps separately, and an edit can separate them; \`if let ${check === "is_ok" ? "Ok" : "Some"}(v) = ${x} { \u2026 }\` binds the value once`;
});
var stepByZero = regexDetector(/\.step_by\(\s*0(?:_?usize)?\s*\)/g, () => "`.step_by(0)` always panics (`Iterator::step_by` asserts a positive step); use a step of at least 1");
function loopAround(src, i) {
  const fn = scopesAt(src, i).find((s) => s.keyword === "fn");
  const stmtStart = (at) => {
    let s = at;
    while (s > 0 && !/[;{}]/.test(src.masked[s - 1])) s--;
    return s;
  };
  const own = stmtStart(i);
  if (/^\s*(?:'\w+\s*:\s*)?while\b/.test(src.masked.slice(own, i))) {
    const block = blockAfter(src, i);
    if (block) return { start: own, ...block };
  }
  for (const b of src.enclosingBraces(i)) {
    if (fn && b.open <= fn.headerEnd) break;
    const start = stmtStart(b.open);
    if (/^\s*(?:'\w+\s*:\s*)?(?:for\b|while\b|loop\s*$)/.test(src.masked.slice(start, b.open))) return { start, open: b.open, close: b.close };
  }
  return null;
}
var readLineNoClear = regexDetector(/\.(read_line|read_until)\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const parts = splitTopLevel(args.masked);
  const buf = /^\s*&\s*mut\s+([a-z_]\w*(?:\.[a-z_]\w*)?)\s*$/.exec(parts[parts.length - 1]?.[1] ?? "")?.[1];
  if (buf === void 0 || (m[1] === "read_line" ? parts.length !== 1 : parts.length !== 2)) return null;
  const loop = loopAround(src, m.index);
  if (!loop) return null;
  const b = buf.replace(/\./g, "\\.");
  const region = src.masked.slice(loop.start, loop.close);
  const reset = new RegExp(String.raw`(?<![\w.])${b}\s*\.\s*(?:clear|truncate|drain|split_off|split_to)\s*\(|(?<![\w.])${b}\s*=(?!=)|\blet\s+(?:mut\s+)?${b}\b|(?:take|replace|swap)\s*\(\s*&\s*mut\s+${b}\b`);
  if (reset.test(region)) return null;
  return `\`${m[1] ?? "read_line"}\` appends to \`${buf}\`, and this loop never empties it: each iteration also sees every earlier line, and the buffer grows without bound; call \`${buf}.clear()\` before each read (or iterate \`.lines()\`)`;
});
var withCapacityIndex = (src, filePath) => {
  const hits = [];
  for (const m of matches(src, /\blet\s+mut\s+([a-z_]\w*)\s*(?::[^=;]*)?=\s*(?:std::vec::)?Vec(?:::<[^;(]*>)?::with_capacity\(/g, filePath, true)) {
    const name = m[1] ?? "";
    const args = argsAt(src, m.index + m[0].length - 1);
    const block = src.enclosingBraces(m.index)[0];
    if (!args || !block) continue;
    const from = args.close + 1;
    const rest = src.masked.slice(from, block.close);
    const write = new RegExp(String.raw`(?<![\w.])${name}\s*\[[^\]]*\]\s*(?:=(?!=)|[-+*/%&|^]=)`).exec(rest);
    if (!write) continue;
    const grown = new RegExp(String.raw`(?<![\w.])${name}\s*\.\s*(?:push|resize|resize_with|extend|extend_from_slice|insert|append|set_len|spare_capacity_mut|as_mut_ptr)\b|(?<![\w.])${name}\s*=(?!=)|[(,]\s*(?:&\s*mut\s+)?${name}\s*[,)]`);
    const loop = loopAround(src, from + write.index);
    const upTo = loop && loop.start >= from ? loop.close - from : write.index;
    if (grown.test(rest.slice(0, upTo))) continue;
    hits.push({ index: from + write.index, message: `\`${name}\` was made by \`Vec::with_capacity\` and nothing has grown it: capacity is not length, so \`${name}[\u2026] = \u2026\` is out of bounds and panics; use \`vec![init; n]\` (or \`resize\`) to have elements, or \`push\`` });
  }
  return hits;
};
var systemTimeElapsed = (src, filePath) => {
  const hits = [];
  for (const m of matches(src, /\blet\s+(?:mut\s+)?([a-z_]\w*)\s*=\s*(?:(?:std::)?time::)?SystemTime::now\(\)\s*;/g, filePath, true)) {
    const name = m[1] ?? "";
    const block = src.enclosingBraces(m.index)[0];
    const rest = src.masked.slice(m.index + m[0].length, block ? block.close : src.masked.length);
    const shadow = new RegExp(String.raw`\blet\s+(?:mut\s+)?${name}\b`).exec(rest);
    const scope = shadow ? rest.slice(0, shadow.index) : rest;
    if (!new RegExp(String.raw`(?<![\w.])${name}\s*\.\s*elapsed\s*\(|SystemTime::now\(\)\s*\.\s*duration_since\(\s*${name}\s*\)`).test(scope)) continue;
    hits.push({ index: m.index, message: `\`${name}\` is wall-clock time (\`SystemTime\`) used to measure an interval: the clock can be adjusted or jump backwards, and \`elapsed()\` then errs or lies; use \`std::time::Instant::now()\` and \`${name}.elapsed()\`` });
  }
  return hits;
};
var displayRecursion = (src, filePath) => {
  if (isTestLikeFile(filePath)) return [];
  const hits = [];
  const ownToString = /\bfn\s+to_string\s*\(\s*&\s*self\b/.test(src.masked);
  for (const s of itemScopes(src)) {
    if (s.keyword !== "impl" || src.masked[s.headerEnd] !== "{" || inTest(src, s.start)) continue;
    if (!/^impl\s*(?:<[^{]*?>\s*)?(?:(?:std|core)::)?(?:fmt::)?Display\s+for\b/.test(src.masked.slice(s.start, s.headerEnd))) continue;
    const body = src.masked.slice(s.headerEnd, s.end);
    const call = ownToString ? null : /(?<![\w.])self\s*\.\s*to_string\s*\(\s*\)/.exec(body);
    if (call) {
      hits.push({ index: s.headerEnd + call.index, message: "`self.to_string()` inside `Display::fmt` calls `fmt` again (`to_string` is built on `Display`): infinite recursion and a stack overflow (unless the type has its own inherent `to_string`, defined elsewhere); write the fields with `write!(f, \u2026)`" });
      continue;
    }
    const re = /\b(?:write|format)!\s*\(/g;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const open = s.headerEnd + m.index + m[0].length - 1;
      const args = argsAt(src, open);
      if (!args) continue;
      const parts = splitTopLevel(args.masked).map(([off, p]) => args.text.slice(off, off + p.length).trim());
      const fmtIdx = m[0].startsWith("write") ? 1 : 0;
      const lit = /^"(.*)"$/s.exec(parts[fmtIdx] ?? "")?.[1];
      if (lit === void 0 || (lit.match(/\{[^{}]*\}/g) ?? []).length !== 1 || !lit.includes("{}") || parts.length !== fmtIdx + 2) continue;
      if (!/^(?:&\s*)?\*?\s*self$/.test(parts[fmtIdx + 1] ?? "")) continue;
      hits.push({ index: open, message: "formatting `self` with `{}` inside `Display::fmt` calls this same `fmt` again: infinite recursion and a stack overflow; write the fields instead" });
    }
  }
  return hits;
};
var STYLE_DETECTORS = {
  ref_string_param: refOwnedParam("String", "`&String` parameter: take `&str` instead; a `&String` argument still coerces, and callers with a literal or a slice no longer need to allocate"),
  ref_vec_param: refOwnedParam("Vec", "`&Vec<T>` parameter: take `&[T]` instead; a `&Vec` argument still coerces, and arrays and slices work too"),
  ref_box_param: refOwnedParam("Box", "`&Box<T>` parameter: take `&T` instead; the extra indirection buys nothing, and callers without a `Box` can call it"),
  ref_option_param: refOwnedParam("Option", "`&Option<T>` parameter: take `Option<&T>` instead (callers pass `x.as_ref()`); it is as cheap and accepts values that are not stored in an `Option`"),
  string_error_result: pubResultError((e) => /^(?:String|&\s*'static\s+str)$/.test(e), "a public function returning `Result<_, String>` gives callers an error they can only print; return an error type (an enum implementing `std::error::Error`) they can match on"),
  unit_error_result: pubResultError((e) => /^\(\s*\)$/.test(e), "a public function returning `Result<_, ()>` reports failure with no information; return `Option<_>` if absence is the only failure, or an error type that says what went wrong"),
  impl_into: implInto,
  impl_to_string: implToString,
  fallible_from: fallibleFrom,
  into_by_ref: intoByRef,
  new_without_default: newWithoutDefault,
  clone_to_iterate: cloneToIterate,
  collect_then_count: collectThenCount,
  format_push_str: formatPushStr,
  format_to_string: formatToString,
  chars_nth_in_loop: charsNthInLoop,
  push_loop_collect: pushLoopCollect,
  map_clone: mapClone,
  format_self_append: formatSelfAppend,
  eager_alloc_or: eagerAlloc,
  expect_format: expectFormat,
  contains_key_insert: containsKeyInsert,
  search_is_some: searchIsSome,
  filter_next: filterNext,
  for_over_clone: forOverClone,
  box_collection: boxCollection,
  rc_owned_buffer: rcOwnedBuffer,
  mutex_of_scalar: mutexOfScalar,
  remove_front_in_loop: removeFrontInLoop,
  ok_unwrap: okUnwrap,
  map_err_discard: mapErrDiscard,
  err_try: errTry,
  ignored_err: ignoredErr,
  let_underscore_io: letUnderscoreIo,
  float_to_int_cast: floatToIntCast,
  float_eq: floatEq,
  mem_replace_default: memReplaceDefault,
  loop_match_break: loopMatchBreak,
  while_let_next: whileLetNext,
  range_loop_index: rangeLoopIndex,
  dbg_macro: dbgMacro,
  check_then_unwrap: checkThenUnwrap,
  step_by_zero: stepByZero,
  read_line_no_clear: readLineNoClear,
  with_capacity_index: withCapacityIndex,
  system_time_elapsed: systemTimeElapsed,
  display_recursion: displayRecursion
};

// src/core/patterns/antipatterns.ts
var guardAcrossAwait = (src) => {
  const hits = [];
  const re = /\blet\s+(?:mut\s+)?([a-z_]\w*)\s*(?::[^=;{}]+)?=\s*([^;{}]*?)\.(lock|read|write)\(\)([^;{}]*);/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const [, name, , method, rest] = m;
    if (!name || `${m[2] ?? ""}${rest ?? ""}`.includes(".await")) continue;
    if (!inAsync(src, m.index)) continue;
    const block = src.enclosingBraces(m.index)[0];
    if (!block) continue;
    const after = src.masked.slice(m.index + m[0].length, block.close);
    const awaitAt = after.indexOf(".await");
    if (awaitAt < 0) continue;
    const dropAt = after.search(new RegExp(`\\bdrop\\(\\s*${name}\\s*\\)`));
    if (dropAt >= 0 && dropAt < awaitAt) continue;
    hits.push({ index: m.index, message: `guard \`${name}\` from \`.${method ?? "lock"}()\` is held across an \`.await\`; drop it (or end its scope) before awaiting` });
  }
  return hits;
};
var unwrapInLibrary = (src, filePath) => {
  if (!isLibraryPath(filePath)) return [];
  const tests = testRanges(src);
  const hits = [];
  const re = /\.unwrap\(\)/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const at = m.index;
    if (tests.some(([a, b]) => a <= at && at <= b)) continue;
    hits.push({ index: at, message: "`.unwrap()` in library code panics the caller; return a `Result` (with `?`) or use `expect` with the invariant" });
  }
  return hits;
};
var cfgFeatureScatter = (src) => {
  const byKey = /* @__PURE__ */ new Map();
  const re = /#\[cfg\(feature\s*=\s*"([^"]+)"\)\]/g;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (src.masked[m.index] !== "#") continue;
    const key = `${m[1] ?? ""}@${src.braceDepth(m.index)}`;
    byKey.set(key, [...byKey.get(key) ?? [], m.index]);
  }
  const hits = [];
  for (const [key, at] of byKey) {
    if (at.length < 3) continue;
    const feature = key.slice(0, key.lastIndexOf("@"));
    hits.push({ index: at[0], message: `feature "${feature}" gates ${at.length} items one by one; move them into one \`#[cfg(feature = "${feature}")] mod\`` });
  }
  return hits;
};
var rwlockWriteOnly = (src) => {
  const decl = /\bArc\s*<\s*(?:std::sync::)?RwLock\s*</.exec(src.masked);
  if (!decl) return [];
  if (!/\.write\(\)/.test(src.masked) || /\.read\(\)/.test(src.masked)) return [];
  return [{ index: decl.index, message: "`Arc<RwLock<\u2026>>` is only ever locked with `.write()`; `Arc<Mutex<\u2026>>` says the same with less overhead" }];
};
var lenCastTruncation = (src) => {
  const tests = testRanges(src);
  const hits = [];
  const re = /\.(len|count)\(\)\s*as\s+(u8|u16|u32|i8|i16|i32)\b/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const at = m.index;
    if (tests.some(([a, b]) => a <= at && at <= b)) continue;
    const [, what, ty] = m;
    hits.push({ index: at, message: `\`.${what ?? "len"}() as ${ty ?? "u32"}\` wraps silently once the ${what === "count" ? "count" : "length"} exceeds \`${ty ?? "u32"}::MAX\`; use \`${ty ?? "u32"}::try_from(\u2026)\` and handle the error, or keep \`usize\`` });
  }
  return hits;
};
var TEXT_DETECTORS = {
  guard_across_await: guardAcrossAwait,
  unwrap_in_library: unwrapInLibrary,
  cfg_feature_scatter: cfgFeatureScatter,
  rwlock_write_only: rwlockWriteOnly,
  len_cast_truncation: lenCastTruncation,
  ...SAFETY_DETECTORS,
  ...STYLE_DETECTORS
};
function detectAntiPatterns(fileText, filePath, patterns) {
  const src = new RustText(fileText);
  const starts = [0];
  for (let i = fileText.indexOf("\n"); i >= 0; i = fileText.indexOf("\n", i + 1)) starts.push(i + 1);
  const lineAt = (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out = [];
  for (const p of patterns) {
    if (p.kind !== "anti_pattern" || p.detector.text_detector === void 0) continue;
    const detector = TEXT_DETECTORS[p.detector.text_detector];
    if (!detector) continue;
    for (const hit of detector(src, filePath)) {
      out.push({ patternId: p.id, title: p.title, severity: p.severity ?? "warning", file: filePath, line: lineAt(hit.index), message: hit.message, rationale: p.rationale });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.patternId.localeCompare(b.patternId));
}
function reportedOnExistingCode(patterns) {
  return patterns.filter((p) => p.kind === "anti_pattern" && p.report_existing !== false);
}
function neverIntroduced(patterns) {
  return patterns.filter((p) => p.kind === "anti_pattern" && p.never_introduce === true && p.detector.text_detector !== void 0);
}
function introducedFindings(before, after, filePath, patterns) {
  const guarded = neverIntroduced(patterns);
  if (guarded.length === 0) return [];
  const was = detectAntiPatterns(before, filePath, guarded);
  const now = detectAntiPatterns(after, filePath, guarded);
  const beforeLines = before.split("\n");
  const afterLines = after.split("\n");
  const out = [];
  for (const p of guarded) {
    const a = was.filter((f) => f.patternId === p.id);
    const b = now.filter((f) => f.patternId === p.id);
    const added = b.length - a.length;
    if (added <= 0) continue;
    const old = /* @__PURE__ */ new Map();
    for (const f of a) {
      const t = (beforeLines[f.line - 1] ?? "").trim();
      old.set(t, (old.get(t) ?? 0) + 1);
    }
    const fresh = [];
    for (const f of b) {
      const t = (afterLines[f.line - 1] ?? "").trim();
      const n = old.get(t) ?? 0;
      if (n > 0) old.set(t, n - 1);
      else fresh.push(f);
    }
    out.push(...(fresh.length > 0 ? fresh : b.slice(a.length)).slice(0, added));
  }
  return out.sort((x, y) => x.line - y.line || x.patternId.localeCompare(y.patternId));
}
function guidanceFor(diagnostics, patterns) {
  const out = [];
  for (const d of diagnostics) {
    for (const p of patterns) {
      if (p.kind !== "anti_pattern" || p.detector.text_detector !== void 0) continue;
      if (matchDetector(p, d).length === 0) continue;
      if (out.some((f) => f.patternId === p.id && f.message === d.message && f.file === (d.primary?.file ?? ""))) continue;
      out.push({ patternId: p.id, title: p.title, severity: p.severity ?? "warning", file: d.primary?.file ?? "", line: d.primary?.lineStart ?? 0, message: d.message, rationale: p.rationale });
    }
  }
  return out;
}

export {
  TEXT_DETECTORS,
  detectAntiPatterns,
  reportedOnExistingCode,
  neverIntroduced,
  introducedFindings,
  guidanceFor
};
