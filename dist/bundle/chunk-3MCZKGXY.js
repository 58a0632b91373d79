import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  applyEdits,
  applyEditsToFiles,
  byteLength,
  changedLineCount,
  checkCandidateScope,
  editsBetween,
  isWorkspaceFile
} from "./chunk-HYWXBECW.js";
import {
  addedDiagnostics,
  prepareValidationTree,
  sha256,
  unitOf,
  unitProgress
} from "./chunk-CHNXP65S.js";
import {
  diffLines,
  structuredPatch
} from "./chunk-RTTDQT2Z.js";
import "./chunk-7MLGWDUL.js";
import {
  loadPatterns
} from "./chunk-WV7XI54U.js";
import {
  introducedFindings
} from "./chunk-FNBINZXZ.js";
import "./chunk-H2WUFI7S.js";
import {
  RustText
} from "./chunk-I4KIIW5R.js";
import "./chunk-Q3WIQE64.js";
import "./chunk-5XHP4R5W.js";
import "./chunk-C2TXHI23.js";
import {
  RESOURCE_MODES
} from "./chunk-FCGSBGFK.js";
import {
  acquireLock,
  clearJournal,
  deferSignalExit,
  describeLeft,
  indexEntry,
  replaceFile,
  restoreOwnBytes,
  sha256Hex,
  stageCommitted,
  writeJournal
} from "./chunk-T6PCK566.js";
import "./chunk-CS55E7MD.js";
import "./chunk-LK6EHPNO.js";
import {
  ensureWorkDir
} from "./chunk-2PKMAFAA.js";
import "./chunk-MR43FRMH.js";
import "./chunk-YRYO5B6H.js";
import "./chunk-LDGAVYRV.js";
import "./chunk-2GN7T756.js";
import "./chunk-AGTEUQPZ.js";
import "./chunk-PYF7NPU6.js";
import {
  git
} from "./chunk-YS7A56PW.js";
import {
  RustgateError,
  isRustgateError
} from "./chunk-LM6P7DGY.js";
import "./chunk-KRZSXWDX.js";
import "./chunk-AMJD2YOB.js";

// src/app/debug-bug.ts
import os from "node:os";

// src/app/fix/apply.ts
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
async function gitOrThrow(repo, args, input, env) {
  const r = await git(repo, args, input, env ? { env } : {});
  if (r.exitCode !== 0) {
    const why = r.stderr.trim() || r.stdout.trim();
    if (args[0] === "commit-tree" && /identity|user\.(name|email)|empty ident/i.test(why)) {
      throw new RustgateError("BAD_CONFIG", `git cannot make the fix commit: ${why}`, 'Set your identity: git config user.name "\u2026" && git config user.email "\u2026".');
    }
    throw new Error(`git ${args[0] ?? ""} failed (exit ${r.exitCode}): ${why}`);
  }
  return r.stdout.trim();
}
async function testPause(isInterrupted) {
  const pause = Number(process.env.RUSTGATE_TEST_PAUSE_AFTER_WRITE_MS ?? 0);
  if (!(pause > 0)) return;
  const marker = process.env.RUSTGATE_TEST_WRITE_MARKER;
  if (marker) await writeFile(marker, `${process.pid}
`);
  for (let waited = 0; waited < pause && !isInterrupted(); waited += 50) await new Promise((r) => setTimeout(r, 50));
}
async function checkStaged(repo, file, beforeBlob) {
  const entry = await indexEntry(repo, file);
  if (entry === null) {
    throw new RustgateError("WORKTREE_CHANGED", `${file} is not in the index, so the fix commit would carry its unstaged content`, `Stage it first (git add -- ${file}) or run without --apply and apply the proposed diff yourself.`);
  }
  if (entry.blob !== beforeBlob) {
    throw new RustgateError(
      "WORKTREE_CHANGED",
      `${file} has unstaged changes; --apply commits exactly the validated bytes and will not commit your unstaged lines`,
      `Stage the file (git add -- ${file}) to commit your change with the fix, or commit/stash it first; or run without --apply to see the proposed diff.`
    );
  }
  return entry;
}
async function applyValidatedFix(req) {
  const { repo, before, after, hashes, message } = req;
  const files = Array.from(after.keys()).filter((f) => before.get(f) !== after.get(f)).sort();
  if (files.length === 0) throw new Error("applyValidatedFix: the fix changes no file");
  const previous = /* @__PURE__ */ new Map();
  for (const f of files) {
    const bytes = await readFile(path.join(repo, f));
    if (sha256Hex(bytes) !== hashes.get(f)) {
      throw new RustgateError("WORKTREE_CHANGED", `${f} changed since it was checked`, "Run `rustgate debug-bug` again on the current working tree.");
    }
    previous.set(f, bytes);
  }
  const journalFiles = [];
  for (const f of files) {
    const prev = previous.get(f) ?? Buffer.alloc(0);
    const text = after.get(f) ?? "";
    const beforeBlob = await gitOrThrow(repo, ["hash-object", "-w", "--stdin", `--path=${f}`], prev.toString("utf8"));
    const entry = await checkStaged(repo, f, beforeBlob);
    const afterBlob = await gitOrThrow(repo, ["hash-object", "-w", "--stdin", `--path=${f}`], text);
    journalFiles.push({ path: f, mode: entry.mode, before: prev.toString("base64"), beforeSha256: sha256Hex(prev), afterSha256: sha256Hex(Buffer.from(text, "utf8")), afterBlob, indexBlob: entry.blob });
  }
  const headRun = await git(repo, ["rev-parse", "-q", "--verify", "HEAD^{commit}"]);
  const oldHead = headRun.exitCode === 0 ? headRun.stdout.trim() : null;
  const privateIndex = path.join(ensureWorkDir(repo), `apply-index.${process.pid}`);
  let commit;
  try {
    const env = { GIT_INDEX_FILE: privateIndex };
    await gitOrThrow(repo, oldHead ? ["read-tree", oldHead] : ["read-tree", "--empty"], void 0, env);
    await gitOrThrow(repo, ["update-index", "-z", "--index-info"], journalFiles.map((j) => `${j.mode} ${j.afterBlob}	${j.path}\0`).join(""), env);
    const tree = await gitOrThrow(repo, ["write-tree"], void 0, env);
    commit = await gitOrThrow(repo, ["commit-tree", tree, ...oldHead ? ["-p", oldHead] : []], message.endsWith("\n") ? message : `${message}
`);
  } finally {
    await rm(privateIndex, { force: true });
  }
  const journal = { version: 1, repo, pid: process.pid, createdAt: (/* @__PURE__ */ new Date()).toISOString(), oldHead, commit, files: journalFiles };
  let interrupted = null;
  const onSignal = (sig) => {
    interrupted ??= sig;
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const sig of signals) process.on(sig, onSignal);
  const undefer = deferSignalExit();
  let committed = false;
  try {
    writeJournal(repo, journal);
    try {
      for (const f of files) await replaceFile(path.join(repo, f), after.get(f) ?? "");
      await testPause(() => interrupted !== null);
      if (interrupted) throw new RustgateError("INTERRUPTED", `interrupted (${String(interrupted)}) while applying the fix`, "Nothing was committed; run the command again.");
      if (process.env.RUSTGATE_TEST_FAIL_AFTER_WRITE === "1") throw new Error("injected failure after write (RUSTGATE_TEST_FAIL_AFTER_WRITE=1)");
      const onDisk = /* @__PURE__ */ new Map();
      for (const f of files) onDisk.set(f, (await readFile(path.join(repo, f))).toString("utf8"));
      const changed = files.filter((f) => onDisk.get(f) !== after.get(f));
      if (changed.length > 0) throw new RustgateError("WORKTREE_CHANGED", `${changed.join(", ")} changed while the fix was being applied`, "Nothing was committed; run `rustgate debug-bug` again on the current working tree.");
      const recheck = await req.validate(onDisk);
      if (recheck.errors.length > 0 || recheck.status === "Failed") throw new Error(`re-check of the written files failed: ${recheck.errors[0]?.message ?? recheck.status}`);
      if (interrupted) throw new RustgateError("INTERRUPTED", `interrupted (${String(interrupted)}) while applying the fix`, "Nothing was committed; run the command again.");
      for (const f of files) {
        if ((await readFile(path.join(repo, f))).toString("utf8") !== after.get(f)) {
          throw new RustgateError("WORKTREE_CHANGED", `${f} changed while the fix was being applied`, "Nothing was committed; run `rustgate debug-bug` again on the current working tree.");
        }
      }
      const moved = await git(repo, ["update-ref", "-m", "rustgate: debug-bug --apply", "HEAD", commit, oldHead ?? ""]);
      if (moved.exitCode !== 0) throw new RustgateError("WORKTREE_CHANGED", `HEAD moved while the fix was being applied: ${moved.stderr.trim()}`, "Nothing was committed; run `rustgate debug-bug` again.");
      committed = true;
    } catch (e) {
      const { restored, left } = await restoreOwnBytes(repo, journalFiles);
      clearJournal(repo);
      throw withRestoreNote(e, restored, left);
    }
    await stageCommitted(repo, journalFiles);
    clearJournal(repo);
    return { commit };
  } finally {
    undefer();
    for (const sig of signals) process.off(sig, onSignal);
    if (!committed) await rm(privateIndex, { force: true });
  }
}
function withRestoreNote(e, restored, left) {
  const note = `${restored.length > 0 ? `; restored ${restored.join(", ")}` : ""}${describeLeft(left)}`;
  if (isRustgateError(e)) {
    const hint = left.length > 0 ? `${e.hint} Check the files named above: rustgate did not overwrite them.` : e.hint;
    return new RustgateError(e.code, `${e.message}${note}`, hint, { cause: e.cause, exitCode: e.exitCode });
  }
  if (e instanceof Error) {
    e.message = `${e.message}${note}`;
    return e;
  }
  return e;
}

// src/core/fix/rust-text.ts
var last = null;
function view(text) {
  if (last === null || last.text !== text) last = new RustText(text);
  return last;
}
function codeMask(text) {
  const { masked } = view(text);
  return Array.from(masked, (c, i) => c !== " " || text[i] === " ");
}
function bracePairs(text) {
  return new Map(view(text).pairs().filter((p) => p.kind === "{").map((p) => [p.open, p.close]));
}
function byteToIndex(text, byte) {
  return view(text).indexOf(byte);
}
function indexToByte(text, index) {
  return view(text).byteOf(index);
}
function occurrences(text, name, from, to) {
  const out = [];
  const re = new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`, "g");
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) out.push(m.index);
  return out;
}
function fnBodyAround(text, mask, pairs, first, last2) {
  let body = null;
  for (const [open, close] of pairs) {
    if (open >= first || close <= last2) continue;
    if (body && open < body[0]) continue;
    let k = open - 1;
    while (k >= 0 && !(mask[k] && (text[k] === ";" || text[k] === "{" || text[k] === "}"))) k--;
    if (/\bfn\s+[A-Za-z_]/.test(text.slice(k + 1, open))) body = [open, close];
  }
  return body;
}

// src/core/fix/binding-type.ts
var INT = "(?:u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)";
var LABEL = new RegExp(`^expected \`(${INT})\`, found \`(${INT})\`$`);
function bindingTypeCandidates(diagnostics, index, files) {
  const d = diagnostics[index];
  if (!d || d.level !== "error" || d.code !== "E0308" || !d.primary) return [];
  const types = LABEL.exec(d.primary.label ?? "");
  const binding = d.spans.find((s) => !s.isPrimary && s.label === "expected due to the type of this binding" && s.file === d.primary?.file);
  if (!types) return [];
  const [, expected, found] = types;
  const file = d.primary.file;
  const text = files.get(file);
  if (text === void 0) return [];
  if (!binding) return returnTypeCandidates(d, index, text, expected, found);
  const place = /^([a-z_]\w*)(?:\s*\[[^\]]*\])*$/.exec(text.slice(byteToIndex(text, binding.byteStart), byteToIndex(text, binding.byteEnd)).trim());
  if (!place) return [];
  const name = place[1];
  const mask = codeMask(text);
  const at = byteToIndex(text, binding.byteStart);
  const body = fnBodyAround(text, mask, bracePairs(text), at, at);
  if (!body) return [];
  const lets = [...text.slice(body[0], at).matchAll(new RegExp(`\\blet\\s+(?:mut\\s+)?${name}\\s*:([^=;]+)=`, "g"))].filter((m2) => mask[body[0] + m2.index]);
  const sameName = [...text.slice(body[0], body[1]).matchAll(new RegExp(`\\blet\\s+(?:mut\\s+)?${name}\\b`, "g"))];
  if (lets.length !== 1 || sameName.length !== 1) return [];
  const m = lets[0];
  const annStart = body[0] + m.index + m[0].indexOf(":") + 1;
  const ann = m[1];
  const hits = [...ann.matchAll(new RegExp(`(?<![\\w:])${expected}(?!\\w)`, "g"))];
  if (hits.length !== 1) return [];
  const start = annStart + (hits[0]?.index ?? 0);
  const end = start + expected.length;
  return [
    {
      id: `binding_type:${index}`,
      origin: "pattern",
      patternId: "binding_type_from_values",
      description: `declare \`${name}\` with \`${found}\` (the type of the values stored into it) instead of \`${expected}\``,
      edits: [{ file, byteStart: indexToByte(text, start), byteEnd: indexToByte(text, end), replacement: found }],
      touchedKeys: [],
      targets: [index],
      applicability: "MaybeIncorrect"
    }
  ];
}
function returnTypeCandidates(d, index, text, expected, found) {
  const ret = d.spans.find((s) => !s.isPrimary && s.file === d.primary?.file && /^expected `[^`]+` because of return type$/.test(s.label ?? ""));
  if (!ret) return [];
  const from = byteToIndex(text, ret.byteStart);
  const written = text.slice(from, byteToIndex(text, ret.byteEnd));
  const hits = [...written.matchAll(new RegExp(`(?<![\\w:])${expected}(?!\\w)`, "g"))];
  if (hits.length !== 1 || !codeMask(text)[from]) return [];
  const header = text.slice(Math.max(0, text.lastIndexOf("\n", text.lastIndexOf("fn ", from)) + 1), from);
  if (/(^|\s)pub\s+(?:(?:const|async|unsafe|extern\s+"[^"]*")\s+)*fn\s/.test(header)) return [];
  const start = from + (hits[0]?.index ?? 0);
  return [
    {
      id: `binding_type:ret:${index}`,
      origin: "pattern",
      patternId: "return_type_from_values",
      description: `return \`${found}\` (the type of the returned value) instead of \`${expected}\``,
      edits: [{ file: d.primary?.file ?? "", byteStart: indexToByte(text, start), byteEnd: indexToByte(text, start + expected.length), replacement: found }],
      touchedKeys: [],
      targets: [index],
      applicability: "MaybeIncorrect"
    }
  ];
}
function bindingTypeSource() {
  return {
    name: "binding-type",
    propose: (i, ctx) => Promise.resolve(bindingTypeCandidates(ctx.diagnostics, i, ctx.files))
  };
}

// src/core/fix/collect-annotation.ts
var MESSAGE = /^a value of type `([A-Za-z_][\w:]*)<([^<>`]+)>` cannot be built from an iterator over elements of type `([^`]+)`$/;
function collectAnnotationCandidates(diagnostics, index, files) {
  const d = diagnostics[index];
  const m = d && d.level === "error" && d.code === "E0277" ? MESSAGE.exec(d.message) : null;
  if (!d || !d.primary || !m) return [];
  const [, container, element, item] = m;
  if (!/^[A-Za-z_][\w:]*(<[\w:, ]+>)?$/.test(item)) return [];
  const file = d.primary.file;
  const text = files.get(file);
  if (text === void 0) return [];
  const at = byteToIndex(text, d.primary.byteStart);
  const mask = codeMask(text);
  let k = at - 1;
  while (k >= 0 && !(mask[k] && (text[k] === ";" || text[k] === "{" || text[k] === "}"))) k--;
  const head = text.slice(k + 1, at);
  const short2 = container.split("::").pop();
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const ann = new RegExp(`^\\s*let\\s+(?:mut\\s+)?[A-Za-z_]\\w*\\s*:\\s*((?:[\\w]+::)*${esc(short2)}\\s*<\\s*)${esc(element.trim())}\\s*>\\s*=`).exec(head);
  if (!ann) return [];
  const start = k + 1 + ann.index + ann[0].indexOf(ann[1]) + ann[1].length;
  const end = start + element.trim().length;
  if (text.slice(start, end) !== element.trim()) return [];
  return [
    {
      id: `collect_annotation:${index}`,
      origin: "pattern",
      patternId: "collect_annotation_element",
      description: `annotate the collected ${short2}<${item}> (the iterator's element type) instead of ${short2}<${element}>`,
      edits: [{ file, byteStart: indexToByte(text, start), byteEnd: indexToByte(text, end), replacement: item }],
      touchedKeys: [],
      targets: [index],
      applicability: "MaybeIncorrect"
    }
  ];
}
function collectAnnotationSource() {
  return {
    name: "collect-annotation",
    propose: (i, ctx) => Promise.resolve(collectAnnotationCandidates(ctx.diagnostics, i, ctx.files))
  };
}

// src/core/fix/missing-field.ts
function parseMessage(message) {
  const m = /^missing fields? (.+) in initializer of `([^`]+)`$/.exec(message);
  if (!m || /other field/.test(m[1] ?? "")) return null;
  const fields = Array.from((m[1] ?? "").matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g), (x) => x[1]);
  const struct = (m[2] ?? "").replace(/<.*$/, "").split("::").pop() ?? "";
  return fields.length > 0 && /^[A-Za-z_]\w*$/.test(struct) ? { fields, struct } : null;
}
function structFields(text, mask, pairs, name) {
  const re = new RegExp(`\\bstruct\\s+${name}\\b[^{;]*\\{`, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!mask[m.index]) continue;
    const open = m.index + m[0].length - 1;
    const close = pairs.get(open);
    if (close === void 0) return null;
    const out = /* @__PURE__ */ new Map();
    let depth = 0;
    let from = open + 1;
    const parts = [];
    for (let i = open + 1; i < close; i++) {
      if (!mask[i]) continue;
      const ch = text[i];
      if (ch === "<" || ch === "(" || ch === "[" || ch === "{") depth++;
      else if (ch === ">" && text[i - 1] !== "-") depth--;
      else if (ch === ")" || ch === "]" || ch === "}") depth--;
      else if (ch === "," && depth === 0) {
        parts.push(text.slice(from, i));
        from = i + 1;
      }
    }
    parts.push(text.slice(from, close));
    for (const raw of parts) {
      const p = raw.replace(/\/\/[^\n]*/g, "").replace(/#\[[^\]]*\]/g, "").trim();
      const f = /^(?:pub(?:\s*\([^)]*\))?\s+)?([A-Za-z_]\w*)\s*:\s*([\s\S]+)$/.exec(p);
      if (f) out.set(f[1], f[2].trim());
    }
    return out;
  }
  return null;
}
function valueFor(field, type, text, body, literalAt) {
  const phantom = /^((?:(?:::)?(?:core|std)::marker::)?PhantomData)\s*(?:<[\s\S]*>)?$/.exec(type);
  if (phantom) return `${field}: ${phantom[1]}`;
  if (!body) return null;
  const decls = Array.from(text.slice(body[0], literalAt).matchAll(new RegExp(`\\blet\\s+(?:mut\\s+)?${field}\\s*[:=]`, "g")));
  if (decls.length !== 1) return null;
  return occurrences(text, field, body[0], body[1]).length === 1 ? field : null;
}
function missingFieldCandidates(diagnostics, index, files) {
  const d = diagnostics[index];
  const parsed = d && d.level === "error" && d.code === "E0063" ? parseMessage(d.message) : null;
  if (!d || !d.primary || !parsed) return [];
  const file = d.primary.file;
  const text = files.get(file);
  if (text === void 0) return [];
  const mask = codeMask(text);
  const pairs = bracePairs(text);
  const fields = structFields(text, mask, pairs, parsed.struct);
  if (!fields) return [];
  let open = byteToIndex(text, d.primary.byteEnd);
  while (open < text.length && !(mask[open] && text[open] === "{")) open++;
  const close = pairs.get(open);
  if (close === void 0) return [];
  const body = fnBodyAround(text, mask, pairs, open, close);
  const values = [];
  for (const f of parsed.fields) {
    const type = fields.get(f);
    const v = type === void 0 ? null : valueFor(f, type, text, body, open);
    if (v === null) return [];
    values.push(v);
  }
  let last2 = close - 1;
  while (last2 > open && /\s/.test(text[last2])) last2--;
  const multiline = text.slice(open, close).includes("\n");
  const lineStart = text.lastIndexOf("\n", last2) + 1;
  const indent = /^\s*/.exec(text.slice(lineStart, last2 + 1))?.[0] ?? "";
  const sep = last2 === open || text[last2] === "," ? "" : ",";
  const insert = multiline && last2 !== open ? `${sep}
${values.map((v) => `${indent}${v},`).join("\n")}` : `${sep} ${values.join(", ")}${last2 === open ? " " : ""}`;
  const at = indexToByte(text, last2 + 1);
  return [
    {
      id: `missing_field:${index}`,
      origin: "pattern",
      patternId: "missing_field_determined",
      description: `fill the missing field${values.length === 1 ? "" : "s"} with ${values.map((v) => `\`${v}\``).join(", ")}`,
      edits: [{ file, byteStart: at, byteEnd: at, replacement: insert }],
      touchedKeys: [],
      targets: [index],
      applicability: "MaybeIncorrect"
    }
  ];
}
function missingFieldSource() {
  return {
    name: "missing-field",
    propose: (i, ctx) => Promise.resolve(missingFieldCandidates(ctx.diagnostics, i, ctx.files))
  };
}

// src/core/fix/rename-binding.ts
var MISSING_VALUE = /^cannot find value `([A-Za-z_][A-Za-z0-9_]*)` in this scope/;
function notAValue(text, at, name) {
  const before = text.slice(Math.max(0, at - 3), at).replace(/\s+$/, "");
  const after = text.slice(at + name.length, at + name.length + 2);
  return before.endsWith(".") || before.endsWith("::") || after.startsWith("::") || after.startsWith("!");
}
function renameBindingCandidates(diagnostics, index, files) {
  const d = diagnostics[index];
  const name = d && d.level === "error" && d.code === "E0425" ? MISSING_VALUE.exec(d.message)?.[1] : void 0;
  if (!d || !d.primary || name === void 0) return [];
  const file = d.primary.file;
  const text = files.get(file);
  if (text === void 0) return [];
  const targets = [];
  const sites = [];
  diagnostics.forEach((o, i) => {
    if (o.level !== "error" || o.code !== "E0425" || o.primary?.file !== file || MISSING_VALUE.exec(o.message)?.[1] !== name) return;
    targets.push(i);
    sites.push(byteToIndex(text, o.primary.byteStart));
  });
  const unique = Array.from(new Set(sites));
  const first = Math.min(...unique);
  const last2 = Math.max(...sites);
  const mask = codeMask(text);
  const pairs = bracePairs(text);
  const body = fnBodyAround(text, mask, pairs, first, last2);
  if (!body) return [];
  const [bodyStart, bodyEnd] = body;
  const found = [];
  const lets = /\blet\s+(?:mut\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?=[:=;])/g;
  lets.lastIndex = bodyStart;
  for (let m = lets.exec(text); m && m.index < first; m = lets.exec(text)) {
    if (!mask[m.index]) continue;
    const binding2 = m[1];
    const at2 = m.index + m[0].lastIndexOf(binding2);
    if (binding2 === name || binding2.startsWith("_")) continue;
    let scopeEnd = bodyEnd;
    for (const [open, close] of pairs) if (open > bodyStart && open < at2 && close > at2 && close < scopeEnd) scopeEnd = close;
    if (last2 >= scopeEnd) continue;
    if (occurrences(text, binding2, bodyStart, bodyEnd).length !== 1) continue;
    const uses = occurrences(text, name, at2, scopeEnd).filter((u) => !notAValue(text, u, name));
    if (uses.length !== unique.length || uses.some((u) => !unique.includes(u))) continue;
    found.push({ at: at2, binding: binding2 });
  }
  if (found.length !== 1) return [];
  const { at, binding } = found[0];
  const byteStart = indexToByte(text, at);
  return [
    {
      id: `rename_binding:${index}`,
      origin: "pattern",
      patternId: "rename_unused_binding",
      description: `rename the unused binding \`${binding}\` to \`${name}\`, the name its ${unique.length} use${unique.length === 1 ? "" : "s"} expect`,
      edits: [{ file, byteStart, byteEnd: byteStart + new TextEncoder().encode(binding).length, replacement: name }],
      touchedKeys: [],
      targets,
      applicability: "MaybeIncorrect"
    }
  ];
}
function renameBindingSource() {
  return {
    name: "rename-binding",
    propose: (i, ctx) => Promise.resolve(renameBindingCandidates(ctx.diagnostics, i, ctx.files))
  };
}

// src/core/fix/rustc-candidates.ts
var APPLICABILITY_RANK = {
  MachineApplicable: 0,
  MaybeIncorrect: 1,
  Unspecified: 2,
  HasPlaceholders: 3
};
var PLACEHOLDER = /\/\*\s*[^*]{0,40}?\s*\*\/|^\s*(\.\.\.|…)\s*$|…/;
function hasPlaceholder(replacement) {
  return PLACEHOLDER.test(replacement);
}
function insertsStub(edits) {
  return edits.some((e) => /\b(todo|unimplemented)!\s*\(/.test(e.replacement));
}
function editsOf(s) {
  return s.edits.map((e) => ({ file: e.span.file, byteStart: e.span.byteStart, byteEnd: e.span.byteEnd, replacement: e.replacement }));
}
function editsKey(edits) {
  return edits.map((e) => `${e.file}\0${e.byteStart}\0${e.byteEnd}\0${e.replacement}`).sort().join("");
}
function overlapsAny(a, b) {
  return a.some((x) => b.some((y) => x.file === y.file && x.byteStart < y.byteEnd && y.byteStart < x.byteEnd));
}
function usable(s, opts) {
  if (s.edits.length === 0) return false;
  if (s.edits.some((e) => !isWorkspaceFile(e.span.file))) return false;
  if (!opts.allowPlaceholders && s.edits.some((e) => hasPlaceholder(e.replacement))) return false;
  return true;
}
function short(text) {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 80 ? `${one.slice(0, 77)}...` : one;
}
function suggestionOptions(d, opts) {
  const list = d.suggestions.filter((s) => usable(s, opts));
  const byPoint = /* @__PURE__ */ new Map();
  for (const s of list) {
    const e = s.edits[0];
    if (s.edits.length !== 1 || !e || e.span.byteStart !== e.span.byteEnd) continue;
    const k = `${e.span.file}:${e.span.byteStart}`;
    byPoint.set(k, [...byPoint.get(k) ?? [], s]);
  }
  const joined = [];
  for (const group of byPoint.values()) {
    const first = group[0];
    if (!first || group.length < 2) continue;
    const worst = group.reduce((w, s) => APPLICABILITY_RANK[s.applicability] > APPLICABILITY_RANK[w] ? s.applicability : w, first.applicability);
    joined.push({ message: `${first.message} (and ${group.length - 1} more at the same place)`, applicability: worst, edits: group.flatMap((s) => s.edits) });
  }
  return [...joined, ...list];
}
function rustcSuggestionCandidates(diagnostics, index, opts = {}) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const push = (c) => {
    const k = editsKey(c.edits);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(c);
  };
  const indexes = index === void 0 ? diagnostics.map((_, i) => i) : [index];
  const options = /* @__PURE__ */ new Map();
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i];
    if (d?.level === "error") options.set(i, suggestionOptions(d, opts));
  }
  for (const i of indexes) {
    const d = diagnostics[i];
    const list = options.get(i);
    if (!d || !list) continue;
    list.forEach((s, j) => {
      push({
        id: `rustc:${i}:${j}`,
        origin: "rustc",
        patternId: "rustc_suggestion",
        description: `${d.code ?? "error"}: ${short(s.message)}`,
        edits: editsOf(s),
        touchedKeys: [],
        targets: [i],
        applicability: s.applicability
      });
    });
  }
  for (const i of indexes) {
    const d = diagnostics[i];
    const list = (options.get(i) ?? []).filter((s) => !s.message.endsWith("more at the same place)"));
    if (!d || list.length < 2) continue;
    const edits = [];
    for (const s of list) {
      const e = editsOf(s);
      if (!overlapsAny(edits, e) && !e.some((x) => edits.some((y) => x.file === y.file && x.byteStart === y.byteStart))) edits.push(...e);
    }
    if (edits.length < 2) continue;
    push({
      id: `rustc:${i}:all`,
      origin: "rustc",
      patternId: "rustc_suggestion",
      description: `${d.code ?? "error"}: ${list.map((s) => short(s.message)).join(" + ")}`,
      edits,
      touchedKeys: [],
      targets: [i],
      applicability: list.reduce((w, s) => APPLICABILITY_RANK[s.applicability] > APPLICABILITY_RANK[w] ? s.applicability : w, "MachineApplicable")
    });
  }
  if (index !== void 0 || opts.combine === false) return out;
  const combos = [
    {
      id: "rustc:all-machine-applicable",
      pick: (i) => {
        const ma = (options.get(i) ?? []).filter((s) => s.applicability === "MachineApplicable");
        return ma.length === 1 ? ma[0] : void 0;
      },
      label: "MachineApplicable"
    },
    { id: "rustc:first-of-each", pick: (i) => options.get(i)?.[0], label: "MaybeIncorrect" }
  ];
  for (const combo of combos) {
    const edits = [];
    const targets = [];
    diagnostics.forEach((d, i) => {
      if (d.level !== "error") return;
      const s = combo.pick(i);
      if (!s) return;
      const e = editsOf(s);
      if (overlapsAny(edits, e)) return;
      edits.push(...e);
      targets.push(i);
    });
    if (targets.length < 2) continue;
    push({
      id: combo.id,
      origin: "rustc",
      patternId: "rustc_suggestion",
      description: `apply rustc's suggestions for ${targets.length} errors together`,
      edits,
      touchedKeys: [],
      targets,
      applicability: combo.label
    });
  }
  return out;
}
function rustcSource(opts = {}) {
  return {
    name: "rustc",
    propose: (i, ctx) => Promise.resolve(rustcSuggestionCandidates(ctx.diagnostics, i, opts)),
    proposeCombined: (ctx) => Promise.resolve(rustcSuggestionCandidates(ctx.diagnostics, void 0, opts).filter((c) => c.targets.length > 1))
  };
}

// src/app/fix/candidates.ts
async function loadPatternSources() {
  const { loadPatterns: loadPatterns2 } = await import("./chunk-EV7GQVEP.js");
  const { createPatternSource, patternConfidence } = await import("./chunk-6UW7TDYS.js");
  const patterns = loadPatterns2();
  const source = createPatternSource(patterns);
  const prior = { high: "MachineApplicable", medium: "MaybeIncorrect", low: "HasPlaceholders" };
  return [
    {
      name: source.name,
      propose: async (i, ctx) => (await source.propose(i, ctx)).map((c) => ({ ...c, applicability: c.applicability ?? prior[patternConfidence(patterns, c.patternId) ?? "medium"] }))
    }
  ];
}
async function defaultOpen(choice, onOutcome) {
  const { openModelSource } = await import("./chunk-ENYR7WWH.js");
  const r = choice.resources;
  return openModelSource(choice.llm, {
    ...choice.model !== void 0 ? { model: choice.model } : {},
    ...choice.env !== void 0 ? { env: choice.env } : {},
    offline: r.offline,
    totalMemBytes: Math.min(r.reasonerMemBytes, choice.totalMemBytes),
    ...r.modelThreads !== void 0 ? { threads: r.modelThreads } : {},
    ...r.contextSize !== void 0 ? { contextSize: r.contextSize } : {},
    ...choice.fallbackModel !== void 0 ? { fallbackModel: choice.fallbackModel } : {},
    escalateFromManifest: r.escalateFromManifest,
    source: { onOutcome }
  });
}
function lazyModelSource(choice, log) {
  let opened;
  const onOutcome = (o) => {
    log.asked += 1;
    log.tokens_used += o.tokensUsed;
    if (o.rejected !== null) log.rejected.push(o.rejected);
    const attempt = o.attempt ?? "primary";
    if (attempt === "fallback") log.escalations += 1;
    log.attempts.push({ diagnostic: o.diagnosticIndex, attempt, reasoner: o.reasoner ?? log.mode, confidence: o.confidence ?? 0, rejected: o.rejected });
  };
  const get = () => {
    opened ??= (choice.open ?? ((cb) => defaultOpen(choice, cb)))(onOutcome);
    return opened;
  };
  const withTokens = (cs) => cs.map((c) => ({ ...c, tokensUsed: c.tokensUsed ?? 0 }));
  return {
    source: {
      name: `model:${choice.llm}`,
      propose: async (i, ctx) => {
        const m = await get();
        return m ? withTokens(await m.source.propose(i, ctx)) : [];
      },
      proposeCombined: async (ctx) => {
        const m = await get();
        return m?.source.proposeCombined ? withTokens(await m.source.proposeCombined(ctx)) : [];
      }
    },
    close: async () => {
      if (!opened) return;
      const m = await opened.catch(() => null);
      await m?.close().catch(() => void 0);
    }
  };
}
function builtinSources() {
  return [renameBindingSource(), missingFieldSource(), collectAnnotationSource(), bindingTypeSource()];
}
function candidateSources(extra, choice) {
  const sources = [rustcSource(), ...builtinSources(), ...extra];
  if (choice.llm === "none") return { sources, late: [], llm: null, close: async () => void 0 };
  const log = { mode: choice.llm, asked: 0, tokens_used: 0, rejected: [], attempts: [], escalations: 0 };
  const model = lazyModelSource(choice, log);
  return { sources, late: [model.source], llm: log, close: model.close };
}

// src/core/fix/diff.ts
function unifiedDiff(before, after, context = 3) {
  const files = Array.from(after.keys()).filter((f) => before.get(f) !== after.get(f)).sort();
  const out = [];
  for (const file of files) {
    const oldText = before.get(file) ?? "";
    const newText = after.get(file) ?? "";
    const patch = structuredPatch(`a/${file}`, `b/${file}`, oldText, newText, "", "", { context });
    out.push(`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`);
    for (const h of patch.hunks) {
      out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
      out.push(...h.lines);
    }
  }
  return out.length === 0 ? "" : `${out.join("\n")}
`;
}

// src/core/fix/future.ts
function lineStartByte(text, line) {
  const lines = text.split("\n");
  let n = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) n += byteLength(lines[i] ?? "") + 1;
  return Math.min(n, byteLength(text));
}
function mapOffset(offset, edits, inclusive) {
  let delta = 0;
  for (const e of edits) {
    const before = inclusive ? e.byteEnd <= offset : e.byteEnd <= offset && e.byteStart < offset;
    if (before) delta += byteLength(e.replacement) - (e.byteEnd - e.byteStart);
  }
  return offset + delta;
}
function itemCode(before, after, span, edits) {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const start = lineStartByte(before, span.startLine);
  const end = lineStartByte(before, span.endLine + 1);
  const b = enc.encode(before);
  const a = enc.encode(after);
  const fStart = mapOffset(start, edits, false);
  const fEnd = mapOffset(end, edits, true);
  return { current: dec.decode(b.subarray(start, end)), future: dec.decode(a.subarray(fStart, Math.max(fStart, fEnd))) };
}

// src/core/fix/rank.ts
function isClean(e) {
  return e.validation.errors.length === 0 && e.validation.status !== "Failed";
}
function isProgress(e) {
  if (isClean(e)) return true;
  if (e.newErrors > 0) return false;
  if (e.fixedTargets !== void 0) return e.fixedTargets > 0;
  return e.validation.errors.length < e.errorsBefore;
}
function knownErrorsLeft(e) {
  return e.validation.errors.length - (e.revealed ?? 0);
}
function historyRate(h) {
  if (!h) return 0.5;
  return (h.accepted + 1) / (h.tried + 2);
}
function rankCandidates(items, history = /* @__PURE__ */ new Map()) {
  const statusRank = (e) => e.validation.status === "Tests_OK" ? 0 : e.validation.status === "Cargo_OK" ? 1 : 2;
  const originScore = (e) => historyRate(history.get(e.candidate.patternId ?? e.candidate.origin));
  const keys = (e) => [
    isClean(e) ? 0 : 1,
    isProgress(e) ? 0 : 1,
    statusRank(e),
    knownErrorsLeft(e),
    e.newErrors,
    (e.amber?.length ?? 0) > 0 ? 1 : 0,
    e.stub ? 1 : 0,
    // A fix that leaves an unused local or import behind ranks below one that does not, whatever its size.
    e.newWarnings > 0 ? 1 : 0,
    // Intent (H7, additive): a candidate undoing the user's own change ranks after every one that does not; among
    // equals, the edit at the cause (the definition the ISG points to) before edits at the symptom.
    e.candidate.revertsUserChange ? 1 : 0,
    e.changedLines,
    e.candidate.atCause ? 0 : 1,
    e.newWarnings,
    -e.agreement,
    -originScore(e),
    APPLICABILITY_RANK[e.candidate.applicability ?? "Unspecified"]
  ];
  return [...items].sort((a, b) => {
    const ka = keys(a);
    const kb = keys(b);
    for (let i = 0; i < ka.length; i++) {
      const d = (ka[i] ?? 0) - (kb[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0;
  });
}
function confidence(x) {
  if (x.status === "Failed") return 0;
  let c = x.status === "Tests_OK" ? 0.8 : 0.6;
  if (x.agreement >= 2) c += 0.1;
  if (x.applicability === "MachineApplicable") c += 0.1;
  else if (x.applicability === "MaybeIncorrect") c += 0.05;
  if (x.history) c += 0.2 * (historyRate(x.history) - 0.5);
  if (x.newWarnings > 0) c -= 0.05;
  c -= 0.05 * Math.max(0, x.rounds - 1);
  if (x.stub) c = Math.min(c, 0.4);
  return Math.round(Math.min(1, Math.max(0, c)) * 100) / 100;
}
function rating(conf, status) {
  if (conf === null || status === null || status === "Failed" || conf <= 0) return "red";
  return conf >= 0.75 ? "green" : "amber";
}

// src/app/fix/scope.ts
function filesOf(d) {
  const fs = /* @__PURE__ */ new Set();
  for (const s of d.spans) fs.add(s.file);
  for (const s of d.noteSpans ?? []) fs.add(s.file);
  if (d.primary) fs.add(d.primary.file);
  for (const s of d.suggestions) for (const e of s.edits) fs.add(e.span.file);
  return Array.from(fs).filter(isWorkspaceFile);
}
async function keyAt(store, file, line) {
  if (!store || file === null || line === null) return null;
  try {
    return (await store.nodeAt(file, line))?.key ?? null;
  } catch {
    return null;
  }
}
async function errorRows(errors, store, known = /* @__PURE__ */ new Map()) {
  return Promise.all(
    errors.map(async (d) => ({
      code: d.code,
      file: d.primary?.file ?? null,
      line: d.primary?.lineStart ?? null,
      isg_key: known.has(d) ? known.get(d) ?? null : await keyAt(store, d.primary?.file ?? null, d.primary?.lineStart ?? null),
      message: d.message
    }))
  );
}
async function scopeSeeds(tree, store) {
  const initial = await tree.validate(/* @__PURE__ */ new Map());
  const errors = initial.errors;
  const keys = await Promise.all(errors.map((d) => keyAt(store, d.primary?.file ?? null, d.primary?.lineStart ?? null)));
  const files = /* @__PURE__ */ new Map();
  const hashes = /* @__PURE__ */ new Map();
  const read = async (f) => {
    const text = await tree.readWorktree(f);
    if (text !== void 0) {
      files.set(f, text);
      hashes.set(f, sha256(Buffer.from(text, "utf8")));
    }
    return text;
  };
  for (const f of new Set(errors.flatMap(filesOf))) await read(f);
  return { initial, errors, keys, files, hashes, read };
}

// src/app/fix/present.ts
function describeError(d, key) {
  const where = d.primary ? `${d.primary.file}:${d.primary.lineStart}` : "the workspace";
  return `${d.code ?? "error"} at ${where}${key ? ` (${key})` : ""}: ${d.message}`;
}
function rootCause(errors, keys, result) {
  const first = errors[0];
  if (!first) return "no compile errors";
  const head = describeError(first, keys[0] ?? null) + (errors.length > 1 ? ` (+${errors.length - 1} more)` : "");
  if (!result || !result.candidate || result.outcome === "no_progress" || result.outcome === "nothing_to_fix") {
    const tried = result ? result.rounds.reduce((n, r) => n + r.tried.length, 0) : 0;
    return `${head}; no candidate validated (${tried} tried)`;
  }
  const left = result.final.errors.length;
  return `${head}; fix: ${result.candidate.description}${result.outcome === "partial" ? ` (partial: ${left} error${left === 1 ? "" : "s"} remain)` : ""}`;
}
async function present(input) {
  const { scope, retrieval, candidates, result, store } = input;
  const known = new Map(scope.errors.map((d, i) => [d, scope.keys[i] ?? null]));
  const rows = await errorRows(scope.errors, store, known);
  const nothing = scope.errors.length === 0 && scope.initial.status !== "Failed";
  const remaining = result ? result.final.errors : scope.errors;
  const used = /* @__PURE__ */ new Set();
  const remainingKnown = /* @__PURE__ */ new Map();
  for (const d of remaining) {
    const twin = scope.errors.find((e) => !used.has(e) && e.code === d.code && e.message === d.message && e.packageName === d.packageName);
    if (!twin) continue;
    used.add(twin);
    remainingKnown.set(d, known.get(twin) ?? null);
  }
  const warnings = [...result?.warnings ?? []];
  for (const d of (result ? result.final : scope.initial).toolchain ?? []) {
    warnings.push(`${d.primary ? `${d.primary.file}:${d.primary.lineStart}` : "a target"} needs a nightly toolchain (${d.code ?? "error"}: ${d.message}); that target cannot be built on this toolchain, so the fix was not validated against it`);
  }
  const report = {
    status: nothing ? "nothing_to_fix" : "no_safe_fix",
    errors: rows.map(({ message: _message, ...row }) => row),
    candidate: null,
    applied_commit: null,
    report: { rating: nothing ? "green" : "red", root_cause: rootCause(scope.errors, scope.keys, result), anti_patterns: retrieval.findings },
    errors_fixed: result && result.candidate ? await errorRows(result.fixedErrors, store, known) : [],
    errors_remaining: await errorRows(remaining, store, remainingKnown),
    rounds: (result?.rounds ?? []).map((r2) => ({
      errors_before: r2.errorsBefore,
      tried: r2.tried.map((t) => ({ id: t.id, errors_after: t.errorsAfter, status: t.status, ...t.revealed ? { revealed: t.revealed } : {} })),
      rejected: r2.rejected.length,
      accepted: r2.accepted,
      ...r2.askedLate ? { asked_model: true } : {}
    })),
    warnings,
    validations: result?.validations ?? 0,
    ...candidates.llm ? { llm: candidates.llm } : {},
    ...input.resourceMode !== "standard" ? { resource_mode: input.resourceMode } : {},
    ms: Date.now() - input.started
  };
  const cand = result?.candidate;
  if (!result || !cand || result.outcome !== "fixed" && result.outcome !== "partial") return report;
  const diff = unifiedDiff(result.original, result.files);
  const status = result.outcome === "fixed" ? result.final.status : "Failed";
  const stub = result.steps.some((s) => s.stub);
  report.status = "proposed";
  report.candidate = {
    pattern_id: cand.patternId,
    diff,
    confidence: result.confidence,
    validation_status: status,
    zero_llm: result.steps.every((s) => s.candidate.origin !== "llm"),
    // Only model tokens spent on the accepted path; report.llm keeps the totals.
    tokens_used: result.steps.reduce((n, s) => n + (s.candidate.tokensUsed ?? 0), 0),
    touched_keys: cand.touchedKeys,
    description: cand.description,
    touched_files: Array.from(new Set(cand.edits.map((e) => e.file))).sort()
  };
  const amberRating = result.amber.length > 0 || result.outcome === "partial";
  const r = rating(result.confidence, result.outcome === "fixed" ? status : "Cargo_OK");
  report.report.rating = amberRating && r === "green" ? "amber" : r;
  report.report.root_cause += stub ? " (inserts a todo!() stub: review before applying)" : "";
  if (result.steps.some((s) => s.candidate.revertsUserChange === true)) report.report.root_cause += " (undoes your own uncommitted change: an alternative, review before applying)";
  if (result.amber.length > 0) report.amber_reasons = result.amber;
  await recordFuture(store, result, cand.edits, status, diff);
  return report;
}
function notApplicable(result) {
  if (!result || !result.candidate) return "no validated fix";
  if (result.outcome === "partial") return `partial fix: ${result.final.errors.length} error(s) remain; apply it by hand or fix the rest first`;
  if (result.outcome !== "fixed") return "no validated fix";
  if (result.steps.some((s) => s.stub)) return "the fix inserts a todo!() stub";
  if (result.steps.some((s) => s.candidate.revertsUserChange === true)) return "the fix undoes your own uncommitted change";
  if (result.amber.length > 0) return `amber: ${result.amber.join("; ")}`;
  return null;
}
async function recordFuture(store, result, edits, status, diff) {
  if (!store || !result.candidate) return;
  const diffId = sha256(diff).slice(0, 16);
  for (const key of result.candidate.touchedKeys) {
    try {
      const node = await store.getNode(key);
      if (!node) continue;
      const before = result.original.get(node.file);
      const after = result.files.get(node.file);
      if (before === void 0 || after === void 0) continue;
      const code = itemCode(before, after, node.span, edits.filter((e) => e.file === node.file));
      await store.codeGraph.setCurrent(key, code.current);
      await store.codeGraph.setFuture(key, code.future, "Edit");
      await store.codeGraph.markFutureFid(key, sha256(code.future).slice(0, 16));
      await store.codeGraph.attachCandidateDiff(key, diffId);
      await store.codeGraph.setValidationStatus(key, status);
    } catch {
    }
  }
}
async function record(store, report, errors, result, status = report.status) {
  if (!store) return;
  try {
    await store.learning.record({
      id: `debug-bug-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      startedAt: new Date(Date.now() - report.ms).toISOString(),
      command: "debug-bug",
      errorCodes: Array.from(new Set(errors.map((d) => d.code ?? ""))).filter((c) => c !== ""),
      patternId: report.candidate?.pattern_id ?? null,
      candidates: result ? result.rounds.reduce((n, r) => n + r.tried.length, 0) : 0,
      accepted: report.status === "fixed",
      confidence: report.candidate?.confidence ?? null,
      status,
      commit: report.applied_commit,
      // zero_llm, tokens_used and ms feed `rustgate stats` (src/app/stats.ts).
      detail: { rounds: report.rounds, rating: report.report.rating, zero_llm: report.candidate?.zero_llm ?? null, tokens_used: report.candidate?.tokens_used ?? 0, ms: report.ms }
    });
    await store.flush();
  } catch {
  }
}

// src/app/fix/retrieve.ts
async function plan(errors, keys, store, capPerHop) {
  const files = new Set(errors.flatMap(filesOf));
  const planned = /* @__PURE__ */ new Set();
  if (store) {
    for (const k of keys) {
      if (!k) continue;
      planned.add(k);
      try {
        for (const h of await store.twoHop(k, ["CALLS", "IMPLEMENTS", "USES", "DEPENDS", "REQUIRES_BOUND"], capPerHop, "both")) {
          planned.add(h.key);
          const n = await store.getNode(h.key);
          if (n?.file) files.add(n.file);
        }
      } catch {
      }
    }
  }
  return { files, keys: planned };
}
async function antiPatternFindings(errors, files) {
  const { loadPatterns: loadPatterns2 } = await import("./chunk-EV7GQVEP.js");
  const { detectAntiPatterns, guidanceFor, reportedOnExistingCode } = await import("./chunk-MDS5KBH2.js");
  const patterns = reportedOnExistingCode(loadPatterns2());
  const found = [...guidanceFor(errors, patterns), ...Array.from(files).flatMap(([file, text]) => detectAntiPatterns(text, file, patterns))];
  return found.map((f) => ({ pattern_id: f.patternId, severity: f.severity, file: f.file, line: f.line, message: f.message }));
}
var exemplarsOnce;
function antiPatternExemplars() {
  exemplarsOnce ??= (async () => {
    const { loadPatterns: loadPatterns2 } = await import("./chunk-EV7GQVEP.js");
    const { embedAntiPatternExemplars } = await import("./chunk-F7QFOTEK.js");
    const { reportedOnExistingCode } = await import("./chunk-MDS5KBH2.js");
    return embedAntiPatternExemplars(reportedOnExistingCode(loadPatterns2()));
  })();
  return exemplarsOnce;
}
async function vectorAntiPatternFindings(store, keys, tau, readText) {
  const { flagAntiPatternNodes } = await import("./chunk-F7QFOTEK.js");
  const exemplars = await antiPatternExemplars();
  const nodes = [];
  for (const key of Array.from(keys).sort()) {
    const n = await store.getNode(key).catch(() => void 0);
    if (!n?.file || n.kind === "crate" || n.kind === "feature" || n.kind === "mod") continue;
    const text = await readText(n.file);
    if (text === void 0) continue;
    const code = text.split("\n").slice(n.span.startLine - 1, n.span.endLine).join("\n");
    nodes.push({ key, code, file: n.file, line: n.span.startLine });
  }
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const titles = new Map(exemplars.map((e) => [e.patternId, e.title]));
  return flagAntiPatternNodes(nodes, exemplars, { tau }).map((h) => ({
    pattern_id: h.patternId,
    severity: h.severity,
    file: byKey.get(h.key)?.file ?? "",
    line: byKey.get(h.key)?.line ?? 0,
    message: `${h.key} looks like the "${titles.get(h.patternId) ?? h.patternId}" anti-pattern (vector distance ${h.distance} < \u03C4 ${tau})`,
    source: "vector",
    isg_key: h.key,
    distance: h.distance
  }));
}
async function retrieve(scope, opts) {
  const findings = await antiPatternFindings(scope.errors, scope.files);
  const planned = await plan(scope.errors, scope.keys, opts.store, opts.capPerHop);
  if (opts.store) {
    const readText = async (f) => scope.files.get(f) ?? await opts.readWorktree(f).catch(() => void 0);
    findings.push(...await vectorAntiPatternFindings(opts.store, planned.keys, opts.tau, readText).catch(() => []));
  }
  return { planned, findings };
}

// src/core/patterns/intent.ts
function distance(before, after) {
  let n = 0;
  for (const part of diffLines(before, after)) if (part.added || part.removed) n += part.count ?? 0;
  return n;
}
function userChangedLines(head, current) {
  const out = /* @__PURE__ */ new Set();
  let line = 1;
  const parts = diffLines(head, current);
  for (const [k, part] of parts.entries()) {
    const count = part.count ?? 0;
    if (part.removed) {
      if (parts[k + 1]?.added) continue;
      out.add(Math.max(1, line - 1));
      out.add(line);
      continue;
    }
    if (part.added) for (let i = 0; i < count; i++) out.add(line + i);
    line += count;
  }
  return out;
}
function revertsUserChange(head, current, after, editedLines) {
  if (head === current) return false;
  const changed = userChangedLines(head, current);
  const touched = editedLines.some((l) => changed.has(l));
  return touched && distance(head, after) < distance(head, current);
}

// src/core/fix/safety.ts
function itemId(facts, item) {
  const parent = item.parent !== void 0 ? facts.items[item.parent] : void 0;
  const owner = parent ? `${parent.traitText ? `<${parent.selfText ?? ""} as ${parent.traitText}>` : parent.selfText ?? ""}::` : "";
  return `${item.kind} ${[...item.mods, `${owner}${item.name}`].join("::")}`;
}
var RESTRICTED = /^pub\s*\(/;
function isPublic(facts, item) {
  if (item.kind === "impl") return false;
  const parent = item.parent !== void 0 ? facts.items[item.parent] : void 0;
  if (parent?.kind === "impl" && parent.traitText) return false;
  if (parent?.kind === "trait") return true;
  return item.public && !RESTRICTED.test(item.signature);
}
function splitTopLevel(text) {
  const parts = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[" || ch === "{" || ch === "<") depth++;
    else if (ch === ")" || ch === "]" || ch === "}" || ch === ">" && text[i - 1] !== "-") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}
function publicFieldShape(signature) {
  let open = -1;
  let close = -1;
  if (signature.endsWith("}")) {
    close = signature.length - 1;
    let depth = 0;
    for (let i = close; i >= 0; i--) {
      if (signature[i] === "}") depth++;
      else if (signature[i] === "{" && --depth === 0) {
        open = i;
        break;
      }
    }
  } else {
    const name = /\b(?:struct|union)\s+(?:r#)?[A-Za-z_]\w*/.exec(signature);
    let depth = 0;
    for (let i = name ? name.index + name[0].length : signature.length; i < signature.length; i++) {
      const ch = signature[i];
      if (ch === "<") depth++;
      else if (ch === ">" && signature[i - 1] !== "-") depth--;
      else if (depth === 0 && ch === ";") break;
      else if (depth === 0 && ch === "(") {
        open = i;
        let d = 0;
        for (let j = i; j < signature.length; j++) {
          if (signature[j] === "(") d++;
          else if (signature[j] === ")" && --d === 0) {
            close = j;
            break;
          }
        }
        break;
      }
    }
  }
  if (open < 0 || close < 0) return signature;
  const fields = splitTopLevel(signature.slice(open + 1, close));
  const kept = [];
  let hidden = false;
  for (const f of fields) {
    const m = /(?:^|\s)pub\s+(?!\()/.exec(f);
    if (m) kept.push(f.slice(m.index).trim());
    else hidden = true;
  }
  if (hidden) kept.push("..");
  return `${signature.slice(0, open + 1)} ${kept.join(", ")} ${signature.slice(close)}`;
}
function publicInterface(facts) {
  const out = /* @__PURE__ */ new Map();
  for (const item of facts.items) {
    if (!isPublic(facts, item)) continue;
    out.set(itemId(facts, item), {
      id: itemId(facts, item),
      shape: { signature: item.kind === "struct" || item.kind === "union" ? publicFieldShape(item.signature) : item.signature, bounds: [...item.bounds].sort(), derives: item.derives.map((d) => d.join("::")).sort() },
      line: item.line,
      endLine: item.endLine
    });
  }
  for (const u of facts.uses) {
    if (!u.public) continue;
    const id = `use ${[...u.mods, ...u.path].join("::")}${u.glob ? "::*" : ""}${u.alias ? ` as ${u.alias}` : ""}`;
    out.set(id, { id, shape: { signature: id, bounds: [], derives: [] }, line: u.line, endLine: u.line });
  }
  return out;
}
function errorInside(targets, file, line, endLine) {
  return targets.some((d) => d.primary !== null && d.primary.file === file && d.primary.lineStart >= line && d.primary.lineStart <= endLine);
}
function publicApiFindings(file, before, after, targets) {
  const a = publicInterface(before);
  const b = publicInterface(after);
  const out = [];
  for (const [id, old] of a) {
    if (errorInside(targets, file, old.line, old.endLine)) continue;
    const now = b.get(id);
    if (!now) {
      out.push(`removes or hides public ${id} (${file}:${old.line})`);
      continue;
    }
    const lostDerives = old.shape.derives.filter((d) => !now.shape.derives.includes(d));
    if (lostDerives.length > 0) out.push(`removes derive ${lostDerives.join(", ")} from public ${id} (${file}:${old.line})`);
    if (old.shape.signature !== now.shape.signature || old.shape.bounds.join("|") !== now.shape.bounds.join("|")) {
      out.push(`changes the signature or bounds of public ${id} (${file}:${old.line})`);
    }
  }
  return out;
}
var TEST_ATTR = /#\[\s*(?:[\w:]+::)?test\b/;
function isTestItem(text, item) {
  if (item.mods.some((m) => m === "tests" || m === "test")) return true;
  const head = text.split("\n").slice(item.line - 1, item.endLine).join("\n");
  const sig = head.indexOf("fn ");
  return TEST_ATTR.test(sig >= 0 ? head.slice(0, sig) : head);
}
function lineAt(text, byte) {
  const bytes = new TextEncoder().encode(text);
  let line = 1;
  for (let i = 0; i < byte && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
function renamesUnusedBinding(text, item, e, replaced) {
  const ident = /^[A-Za-z_][A-Za-z0-9_]*$/;
  if (!ident.test(replaced) || !ident.test(e.replacement)) return false;
  const bytes = new TextEncoder().encode(text);
  const lineStart = bytes.lastIndexOf(10, e.byteStart - 1) + 1;
  const before = new TextDecoder().decode(bytes.slice(lineStart, e.byteStart));
  if (!/\blet\s+(?:mut\s+)?$/.test(before)) return false;
  const body = text.split("\n").slice(item.line - 1, item.endLine).join("\n");
  return occurrences(body, replaced, 0, body.length).length === 1;
}
function dropsInertTry(file, e, replaced, targets) {
  if (replaced !== "?" || e.replacement !== "") return false;
  return targets.some((d) => d.primary?.file === file && /^the `\?` operator can only be applied to values that implement `Try`$/.test(d.message) && d.primary.byteStart <= e.byteStart && e.byteStart <= d.primary.byteEnd);
}
function testEditFindings(file, text, facts, edits, targets = []) {
  const out = /* @__PURE__ */ new Set();
  if (/(^|\/)tests\//.test(file)) {
    if (edits.some((e) => e.file === file)) out.add(`edits the test file ${file}`);
    return Array.from(out);
  }
  const lines = text.split("\n");
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  for (const e of edits) {
    if (e.file !== file) continue;
    const replaced = dec.decode(enc.encode(text).slice(e.byteStart, e.byteEnd));
    if (replaced.trim() === "" && e.replacement.split("\n").every((l3) => l3.trim() === "" || /^\s*use\s+[^;]+;\s*$/.test(l3))) continue;
    const l = lineAt(text, e.byteStart);
    const l2 = lineAt(text, e.byteEnd);
    for (const item of facts.items) {
      if (item.kind !== "fn" && item.kind !== "method" && item.kind !== "mod") continue;
      if (l < item.line || l > item.endLine) continue;
      if (isTestItem(text, item) && !renamesUnusedBinding(text, item, e, replaced) && !dropsInertTry(file, e, replaced, targets)) out.add(`edits the test ${item.name} (${file}:${item.line})`);
    }
    for (let i = l; i <= l2; i++) {
      if (/^\s*\/\/[/!]/.test(lines[i - 1] ?? "")) {
        out.add(`edits a doc comment, which may hold a doctest (${file}:${i})`);
        break;
      }
    }
  }
  return Array.from(out);
}
var PANICS = [
  [/\.unwrap\(\)/g, ".unwrap()"],
  [/\.expect\(/g, ".expect(..)"],
  [/\btodo!/g, "todo!"],
  [/\bunimplemented!/g, "unimplemented!"],
  [/\bunreachable!/g, "unreachable!"],
  [/\bpanic!/g, "panic!"]
];
function panicFindings(before, after, files) {
  const out = [];
  for (const f of files) {
    const a = before.get(f) ?? "";
    const b = after.get(f) ?? "";
    for (const [re, name] of PANICS) {
      const n = (a.match(re) ?? []).length;
      const m = (b.match(re) ?? []).length;
      if (m > n) out.push(`inserts a panic path (${name}) in ${f}`);
    }
  }
  return out;
}

// src/core/fix/search.ts
function countNew(before, after) {
  return addedDiagnostics(before, after).length;
}
function lineOfByte(text, byteOffset) {
  const bytes = new TextEncoder().encode(text);
  let line = 1;
  for (let i = 0; i < byteOffset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
async function touchedKeysOf(edits, files, graph) {
  if (!graph) return [];
  const keys = /* @__PURE__ */ new Set();
  for (const e of edits) {
    const text = files.get(e.file);
    if (text === void 0) continue;
    const node = await graph.nodeAt(e.file, lineOfByte(text, e.byteStart));
    if (node) keys.add(node.key);
  }
  return Array.from(keys).sort();
}
function priorOf(c) {
  const label = c.applicability ?? (c.origin === "pattern" ? "MaybeIncorrect" : "Unspecified");
  return APPLICABILITY_RANK[label];
}
async function guarded(name, call, warnings, timeoutMs) {
  let timer;
  try {
    const limit = timeoutMs === void 0 ? null : new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${String(timeoutMs)} ms`)), timeoutMs);
    });
    return await (limit ? Promise.race([call(), limit]) : call());
  } catch (e) {
    const msg = `${name}: ${e instanceof Error ? e.message : String(e)}`;
    if (!warnings.includes(msg)) warnings.push(msg);
    return [];
  } finally {
    if (timer) clearTimeout(timer);
  }
}
async function collect(ctx, sources, late) {
  const pool = /* @__PURE__ */ new Map();
  const add = (c, source) => {
    if (c.edits.length === 0) return;
    const k = editsKey(c.edits);
    const have = pool.get(k);
    if (!have) {
      pool.set(k, { candidate: c, origins: /* @__PURE__ */ new Set([source]) });
      return;
    }
    have.origins.add(source);
    if (have.candidate.origin !== "pattern" && c.origin === "pattern") have.candidate = { ...c, applicability: have.candidate.applicability ?? c.applicability };
  };
  const ask = (source, call) => late ? guarded(source.name, call, late.warnings, late.timeoutMs) : call();
  for (const source of sources) {
    for (let i = 0; i < ctx.diagnostics.length; i++) {
      if (ctx.diagnostics[i]?.level !== "error") continue;
      for (const c of await ask(source, () => source.propose(i, ctx))) add(c, source.name);
    }
    const combined = source.proposeCombined?.bind(source);
    if (combined) for (const c of await ask(source, () => combined(ctx))) add(c, source.name);
  }
  const list = Array.from(pool.values());
  list.sort((a, b) => {
    const pa = priorOf(a.candidate);
    const pb = priorOf(b.candidate);
    if (pa !== pb) return pa - pb;
    if (a.origins.size !== b.origins.size) return b.origins.size - a.origins.size;
    if (a.candidate.targets.length !== b.candidate.targets.length) return b.candidate.targets.length - a.candidate.targets.length;
    return Math.min(...a.candidate.targets) - Math.min(...b.candidate.targets);
  });
  return list;
}
function combinedCandidate(steps, edits, touchedKeys) {
  if (steps.length === 0 || edits.length === 0) return null;
  const first = steps[0];
  if (steps.length === 1) return { ...first.candidate, edits, touchedKeys };
  const patterns = Array.from(new Set(steps.map((s) => s.candidate.patternId ?? s.candidate.origin)));
  const worst = steps.reduce((w, s) => {
    const a = s.candidate.applicability ?? "Unspecified";
    return APPLICABILITY_RANK[a] > APPLICABILITY_RANK[w] ? a : w;
  }, "MachineApplicable");
  return {
    id: steps.map((s) => s.candidate.id).join("+"),
    origin: steps.some((s) => s.candidate.origin === "llm") ? "llm" : steps.some((s) => s.candidate.origin === "pattern") ? "pattern" : "rustc",
    patternId: patterns.length === 1 ? patterns[0] : patterns.join("+"),
    description: steps.map((s) => s.candidate.description).join("; "),
    edits,
    touchedKeys,
    targets: Array.from(new Set(steps.flatMap((s) => s.candidate.targets))).sort((a, b) => a - b),
    applicability: worst,
    tokensUsed: steps.reduce((n, s) => n + (s.candidate.tokensUsed ?? 0), 0)
  };
}
async function searchFix(opts) {
  const now = opts.now ?? Date.now;
  const started = now();
  const maxRounds = opts.maxRounds ?? 4;
  const cap = opts.maxCandidatesPerRound ?? 12;
  const budget = opts.timeBudgetMs ?? 12e4;
  const lookahead = opts.lookahead ?? 2;
  const history = new Map(opts.history ?? []);
  const asked = /* @__PURE__ */ new Set();
  const original = new Map(opts.files);
  let current = new Map(opts.files);
  let state = opts.initial;
  const steps = [];
  const rounds = [];
  const warnings = [];
  const seen = [...opts.initial.errors];
  let validations = 0;
  let timedOut = false;
  const ensureFiles = async (c) => {
    for (const e of c.edits) {
      if (current.has(e.file)) continue;
      const text = opts.readFile ? await opts.readFile(e.file) : void 0;
      if (text === void 0) return false;
      current.set(e.file, text);
      original.set(e.file, text);
    }
    return true;
  };
  const done = () => ({ outcome: "nothing_to_fix", files: current, original, candidate: null, steps, final: state, confidence: 0, rounds, validations, timedOut, fixedErrors: [], warnings, amber: [] });
  if (state.errors.length === 0 && state.status !== "Failed") return done();
  const evaluate = async (c, agreement, files, st, round) => {
    const applied = applyEditsToFiles(files, c.edits);
    if (!applied.ok) {
      round.rejected.push({ id: c.id, reasons: [applied.reason] });
      return null;
    }
    const v = await opts.validate(applied.files);
    validations++;
    const changed = Array.from(new Set(c.edits.map((e2) => e2.file))).reduce((n, f) => n + changedLineCount(files.get(f) ?? "", applied.files.get(f) ?? ""), 0);
    const p = unitProgress(st, v, c.targets);
    const checkedBefore = st.checkedUnits ? /* @__PURE__ */ new Set([...st.checkedUnits, ...st.errors.map(unitOf), ""]) : null;
    const e = {
      candidate: c,
      validation: v,
      errorsBefore: st.errors.length,
      newErrors: p.added.length,
      newWarnings: addedDiagnostics(st.warnings, v.warnings).filter((w) => !checkedBefore || checkedBefore.has(unitOf(w))).length,
      changedLines: changed,
      agreement,
      stub: insertsStub(c.edits),
      fixedTargets: p.fixed.length,
      revealed: p.revealed.length
    };
    if (opts.review && isProgress(e)) {
      const targets = c.targets.map((t) => st.errors[t]).filter((d) => d !== void 0);
      const reasons = await opts.review(c, files, applied.files, targets);
      if (reasons.length > 0) e.amber = reasons;
    }
    round.tried.push({ id: c.id, errorsAfter: v.errors.length, newErrors: e.newErrors, status: v.status, ...e.revealed ? { revealed: e.revealed } : {} });
    return e;
  };
  const evaluateSources = async (sources, late, files, st, limit, round) => {
    const ctx = { diagnostics: st.errors, files, ...opts.graph ? { graph: opts.graph } : {} };
    const pooled = await collect(ctx, sources, late ? { warnings, ...opts.lateTimeoutMs !== void 0 ? { timeoutMs: opts.lateTimeoutMs } : {} } : void 0);
    if (opts.historyOf) {
      for (const p of pooled) {
        const id = p.candidate.patternId;
        if (id === null || asked.has(id) || history.has(id)) continue;
        asked.add(id);
        const h = await opts.historyOf(id);
        if (h) history.set(id, h);
      }
    }
    const evaluated = [];
    for (const p of pooled) {
      if (evaluated.length >= limit) break;
      if (now() - started > budget) {
        timedOut = true;
        break;
      }
      const c = p.candidate;
      if (!await ensureFiles(c)) {
        round.rejected.push({ id: c.id, reasons: ["edits a file that does not exist"] });
        continue;
      }
      for (const [f, t] of current) if (!files.has(f)) files.set(f, t);
      if (opts.gate) {
        const verdict = opts.gate(c, files);
        if (!verdict.ok) {
          round.rejected.push({ id: c.id, reasons: verdict.reasons });
          continue;
        }
      }
      const e = await evaluate(c, p.origins.size, files, st, round);
      if (e) evaluated.push(e);
    }
    return evaluated;
  };
  const evaluateRound = async (files, st, limit) => {
    const round = { errorsBefore: st.errors.length, tried: [], rejected: [], accepted: null };
    rounds.push(round);
    const evaluated = await evaluateSources(opts.sources, false, files, st, limit, round);
    if (opts.lateSources && opts.lateSources.length > 0 && !evaluated.some(isProgress) && !timedOut) {
      round.askedLate = true;
      evaluated.push(...await evaluateSources(opts.lateSources, true, files, st, limit, round));
    }
    return { evaluated, round };
  };
  const mergeProgress = async (ranked, files, st, round) => {
    const picks = [];
    const edits2 = [];
    for (const e2 of ranked) {
      if (!isProgress(e2) || isClean(e2) || e2.newErrors > 0 || (e2.amber?.length ?? 0) > 0) continue;
      if (picks.some((p) => p.candidate.targets.some((t) => e2.candidate.targets.includes(t)))) continue;
      if (e2.candidate.edits.some((x) => edits2.some((y) => x.file === y.file && x.byteStart < y.byteEnd && y.byteStart < x.byteEnd))) continue;
      picks.push(e2);
      edits2.push(...e2.candidate.edits);
    }
    if (picks.length < 2 || now() - started > budget) return null;
    const parts = picks.map((p) => p.candidate);
    const patterns = Array.from(new Set(parts.map((c) => c.patternId ?? c.origin)));
    const candidate2 = {
      id: `merge(${parts.map((c) => c.id).join(",")})`,
      origin: parts.some((c) => c.origin === "llm") ? "llm" : parts.some((c) => c.origin === "pattern") ? "pattern" : "rustc",
      patternId: patterns.join("+"),
      description: parts.map((c) => c.description).join("; "),
      edits: edits2,
      touchedKeys: [],
      targets: parts.flatMap((c) => c.targets),
      applicability: parts.reduce((w, c) => {
        const a = c.applicability ?? "Unspecified";
        return APPLICABILITY_RANK[a] > APPLICABILITY_RANK[w] ? a : w;
      }, "MachineApplicable"),
      tokensUsed: parts.reduce((n, c) => n + (c.tokensUsed ?? 0), 0)
    };
    const e = await evaluate(candidate2, Math.min(...picks.map((p) => p.agreement)), files, st, round);
    if (e) e.stub = picks.some((p) => p.stub);
    return e;
  };
  const accept = (e, round) => {
    const applied = applyEditsToFiles(current, e.candidate.edits);
    if (!applied.ok) return false;
    round.accepted = e.candidate.id;
    steps.push(e);
    seen.push(...addedDiagnostics(state.errors, e.validation.errors));
    current = applied.files;
    state = e.validation;
    return true;
  };
  for (let r = 0; r < maxRounds && state.errors.length > 0 && !timedOut; r++) {
    const { evaluated, round } = await evaluateRound(current, state, cap);
    let ranked = rankCandidates(evaluated, history);
    const merged = await mergeProgress(ranked, current, state, round);
    if (merged) ranked = rankCandidates([...evaluated, merged], history);
    const best = ranked[0];
    if (best && isProgress(best)) {
      if (!accept(best, round)) break;
      continue;
    }
    const sidesteps = ranked.filter((e) => (e.amber?.length ?? 0) === 0 && e.validation.errors.length <= state.errors.length && e.validation.errors.some((d) => d.source !== "test") && countNew(e.validation.errors, state.errors) > 0).slice(0, lookahead);
    let found = false;
    for (const side of sidesteps) {
      if (r + 1 >= maxRounds || timedOut) break;
      const applied = applyEditsToFiles(current, side.candidate.edits);
      if (!applied.ok) continue;
      const next = await evaluateRound(applied.files, side.validation, Math.max(2, Math.floor(cap / 2)));
      const second = rankCandidates(next.evaluated, history).find((e) => isProgress(e) && e.validation.errors.length < state.errors.length);
      if (!second) continue;
      if (opts.review && side.amber === void 0) {
        const targets = side.candidate.targets.map((t) => state.errors[t]).filter((d) => d !== void 0);
        const reasons = await opts.review(side.candidate, current, applied.files, targets);
        if (reasons.length > 0) side.amber = reasons;
      }
      accept(side, round);
      accept(second, next.round);
      r++;
      found = true;
      break;
    }
    if (!found) break;
  }
  const edits = editsBetween(original, current);
  const keys = await touchedKeysOf(edits, original, opts.graph);
  const candidate = combinedCandidate(steps, edits, keys);
  const clean = steps.length > 0 && isClean(steps[steps.length - 1]);
  const outcome = clean ? "fixed" : steps.length > 0 ? "partial" : "no_progress";
  const amber = Array.from(new Set(steps.flatMap((s) => s.amber ?? [])));
  const conf = steps.length > 0 ? confidence({
    // A partial fix compiled nothing yet: rate it as compiled at best, then cap it below green.
    status: clean ? state.status : "Cargo_OK",
    agreement: Math.min(...steps.map((s) => s.agreement)),
    ...candidate?.patternId && history?.get(candidate.patternId) ? { history: history.get(candidate.patternId) } : {},
    ...candidate?.applicability ? { applicability: candidate.applicability } : {},
    newWarnings: countNew(opts.initial.warnings, state.warnings),
    stub: steps.some((s) => s.stub),
    rounds: steps.length
  }) : 0;
  const capped = !clean || amber.length > 0 ? Math.min(conf, 0.7) : conf;
  const fixedErrors = addedDiagnostics(state.errors, seen);
  return { outcome, files: current, original, candidate, steps, final: state, confidence: capped, rounds, validations, timedOut, fixedErrors, warnings, amber };
}

// src/app/isg-lookup.ts
import { readFile as readFile2 } from "node:fs/promises";
import path2 from "node:path";
function manifestUnpublished(toml) {
  const pkg = /^\s*\[package\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(toml)?.[1] ?? "";
  return /^\s*publish\s*=\s*(?:false|\[\s*\])\s*$/m.test(pkg);
}
function createIsgLookup(repo, nodes, read) {
  let byName = null;
  const index = () => {
    byName ??= nodes.allNodes().then((all) => {
      const m = /* @__PURE__ */ new Map();
      for (const n of all) {
        const list = m.get(n.name) ?? [];
        list.push(n);
        m.set(n.name, list);
      }
      return m;
    });
    return byName;
  };
  const publishedCache = /* @__PURE__ */ new Map();
  return {
    async definitions(name, kinds) {
      const list = (await index().catch(() => /* @__PURE__ */ new Map())).get(name) ?? [];
      return list.filter((n) => n.file !== "" && (!kinds || kinds.includes(n.kind)));
    },
    readFile: read,
    async published(crate) {
      const have = publishedCache.get(crate);
      if (have !== void 0) return have;
      const all = await index().catch(() => /* @__PURE__ */ new Map());
      let file;
      for (const list of all.values()) {
        file = list.find((n) => n.crate === crate && n.file !== "")?.file;
        if (file) break;
      }
      let result = true;
      if (file) {
        for (let dir = path2.posix.dirname(file); ; dir = path2.posix.dirname(dir)) {
          const toml = await readFile2(path2.join(repo, dir === "." ? "" : dir, "Cargo.toml"), "utf8").catch(() => null);
          if (toml !== null && /^\s*\[package\]/m.test(toml)) {
            result = !manifestUnpublished(toml);
            break;
          }
          if (dir === "." || dir === "") break;
        }
      }
      publishedCache.set(crate, result);
      return result;
    }
  };
}

// src/app/fix/validate.ts
function factsCache() {
  const cache = /* @__PURE__ */ new Map();
  return async (text) => {
    const have = cache.get(text);
    if (have) return have;
    const { parseRustSourceSafe } = await import("./chunk-FMJ7Z76H.js");
    const facts = parseRustSourceSafe(text);
    cache.set(text, facts);
    return facts;
  };
}
function reviewer(patterns = loadPatterns()) {
  const parse = factsCache();
  return async (c, before, after, targets) => {
    const files = Array.from(new Set(c.edits.map((e) => e.file))).filter((f) => f.endsWith(".rs")).sort();
    const reasons = [];
    for (const f of files) {
      const a = before.get(f);
      const b = after.get(f);
      if (a === void 0 || b === void 0) continue;
      const fa = await parse(a);
      const fb = await parse(b);
      if (fa.parseError !== void 0 || fb.parseError !== void 0) continue;
      reasons.push(...publicApiFindings(f, fa, fb, targets));
      reasons.push(...testEditFindings(f, a, fa, c.edits, targets));
    }
    reasons.push(...panicFindings(before, after, files));
    for (const f of files) {
      const a = before.get(f);
      const b = after.get(f);
      if (a === void 0 || b === void 0) continue;
      for (const hit of introducedFindings(a, b, f, patterns)) reasons.push(`introduces ${hit.patternId} in ${f}:${hit.line} (${hit.title})`);
    }
    return reasons;
  };
}
async function searchValidated(input) {
  const { repo, scope, retrieval, candidates, tree, store, limits } = input;
  const planned = retrieval.planned;
  const reachedAtStart = /* @__PURE__ */ new Set([...scope.initial.checkedUnits ?? [], ...scope.errors.map(unitOf)]);
  const validate = async (files) => {
    const v = await tree.validate(files);
    if (scope.initial.checkedUnits) {
      for (const d of v.errors) {
        if (reachedAtStart.has(unitOf(d)) || !d.primary) continue;
        for (const f of filesOf(d)) planned.files.add(f);
        const key = await keyAt(store, d.primary.file, d.primary.lineStart);
        if (key) planned.keys.add(key);
      }
    }
    return v;
  };
  return searchFix({
    files: scope.files,
    initial: scope.initial,
    sources: withIsgLookup(candidates.sources, repo, store, planned.files, scope.read),
    lateSources: candidates.late,
    lateTimeoutMs: limits.modelTimeoutMs ?? 12e4,
    review: reviewer(),
    validate,
    readFile: async (f) => planned.files.has(f) ? scope.read(f) : void 0,
    gate: (c, current) => checkCandidateScope(c, { plannedFiles: planned.files, plannedKeys: planned.keys, repoRoot: repo, files: current }),
    ...store ? { graph: store } : {},
    ...store ? { historyOf: (id) => store.learning.patternStats(id).catch(() => void 0) } : {},
    ...limits.maxRounds !== void 0 ? { maxRounds: limits.maxRounds } : {},
    ...limits.maxCandidatesPerRound !== void 0 ? { maxCandidatesPerRound: limits.maxCandidatesPerRound } : {},
    ...limits.timeBudgetMs !== void 0 ? { timeBudgetMs: limits.timeBudgetMs } : {}
  });
}
function withIsgLookup(sources, repo, store, plannedFiles, read) {
  const lookup = store ? createIsgLookup(repo, store, async (f) => {
    if (!isWorkspaceFile(f)) return void 0;
    plannedFiles.add(f);
    return read(f);
  }) : void 0;
  const heads = /* @__PURE__ */ new Map();
  const headOf = (f) => {
    let h = heads.get(f);
    if (!h) {
      h = git(repo, ["show", `HEAD:./${f}`]).then((r) => r.exitCode === 0 ? r.stdout : void 0);
      heads.set(f, h);
    }
    return h;
  };
  const annotate = async (cands, ctx) => {
    for (const c of cands) {
      for (const f of new Set(c.edits.map((e) => e.file))) {
        const current = ctx.files.get(f);
        const head = current === void 0 || !isWorkspaceFile(f) ? void 0 : await headOf(f);
        if (current === void 0 || head === void 0) continue;
        const mine = c.edits.filter((e) => e.file === f);
        const after = applyEdits(current, mine);
        if (!after.ok) continue;
        if (revertsUserChange(head, current, after.text, mine.map((e) => lineOfByte(current, e.byteStart)))) {
          c.revertsUserChange = true;
          c.description = `undo your change in ${f}: ${c.description}`;
        }
      }
    }
    return cands;
  };
  const withCtx = (ctx) => lookup ? { ...ctx, lookup } : ctx;
  return sources.map((s) => ({
    ...s,
    propose: async (i, ctx) => annotate(await s.propose(i, withCtx(ctx)), ctx),
    ...s.proposeCombined ? { proposeCombined: async (ctx) => annotate(await s.proposeCombined(withCtx(ctx)), ctx) } : {}
  }));
}

// src/app/fix/cache.ts
import { readFile as readFile3, rename, writeFile as writeFile2 } from "node:fs/promises";
import path3 from "node:path";
var FILE = "fix-cache.json";
async function contentKey(root, files) {
  const parts = [];
  for (const f of [...files].sort()) {
    const bytes = await readFile3(path3.join(root, f)).catch(() => null);
    parts.push(`${f}\0${bytes === null ? "-" : sha256(bytes)}`);
  }
  return sha256(parts.join("\n"));
}
async function saveFix(root, entry) {
  try {
    const dir = ensureWorkDir(root);
    const tmp = path3.join(dir, `${FILE}.${process.pid}.tmp`);
    await writeFile2(tmp, JSON.stringify(entry));
    await rename(tmp, path3.join(dir, FILE));
  } catch {
  }
}
async function loadFix(root, key) {
  try {
    const entry = JSON.parse(await readFile3(path3.join(ensureWorkDir(root), FILE), "utf8"));
    return entry.version === 1 && entry.key === key && Array.isArray(entry.files) ? entry : null;
  } catch {
    return null;
  }
}

// src/app/resource-modes.ts
var STANDARD_RETRIEVAL_CAP = 30;
var LOW_MEM_REASONER_CAP = 4 * 1024 ** 3;
function envOffline(env) {
  const v = env.RUSTGATE_OFFLINE;
  return v === "1" || v === "true";
}
function resolveResourceMode(flag, configMode, env, totalMemBytes) {
  if (flag !== void 0 && !RESOURCE_MODES.includes(flag)) {
    throw new RustgateError("BAD_FLAG", `unknown --mode: ${flag}`, `Use --mode ${RESOURCE_MODES.join(", ")} (or set fix.mode in rustgate.yaml).`);
  }
  const mode = flag ?? configMode ?? "standard";
  const from = flag !== void 0 ? "flag" : configMode != null ? "config" : "default";
  const offline = mode === "offline" || envOffline(env);
  if (mode === "low-mem") {
    return {
      mode,
      from,
      offline,
      reasonerMemBytes: Math.min(totalMemBytes / 2, LOW_MEM_REASONER_CAP),
      contextSize: 6144,
      modelThreads: 1,
      retrievalCapPerHop: 25,
      validationParallelism: 1,
      escalateFromManifest: false
    };
  }
  return {
    mode,
    from,
    offline,
    reasonerMemBytes: totalMemBytes,
    contextSize: void 0,
    modelThreads: void 0,
    retrievalCapPerHop: STANDARD_RETRIEVAL_CAP,
    validationParallelism: 1,
    escalateFromManifest: true
  };
}
function isLoopbackUrl(url) {
  let host;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
function checkLlmAllowed(plan2, llm, env) {
  if (!plan2.offline || llm !== "openai") return;
  const base = env.RUSTGATE_OPENAI_BASE_URL;
  if (base !== void 0 && base !== "" && isLoopbackUrl(base)) return;
  const why = plan2.mode === "offline" ? `--mode offline${plan2.from === "config" ? " (fix.mode in rustgate.yaml)" : ""}` : "RUSTGATE_OFFLINE=1";
  throw new RustgateError(
    "BAD_FLAG",
    `--llm openai would reach ${base ? hostOf(base) : "an unconfigured server"} over the network, which ${why} forbids`,
    "Point RUSTGATE_OPENAI_BASE_URL at a local server (http://127.0.0.1:PORT), use --llm local or none, or drop offline mode."
  );
}

// src/app/debug-bug.ts
var KNOWN_LLM = /* @__PURE__ */ new Set(["none", "local", "openai"]);
async function repoRootOf(dir) {
  const { openWorkspace } = await import("./chunk-KUPYJRBH.js");
  return (await openWorkspace(dir)).workspace;
}
async function runDebugBug(opts) {
  const started = Date.now();
  const llm = opts.llm ?? "none";
  if (!KNOWN_LLM.has(llm)) throw new RustgateError("BAD_FLAG", `unknown --llm mode: ${llm}`, "Use --llm none, local or openai.");
  if (opts.investigate && opts.apply) throw new RustgateError("BAD_FLAG", "--investigate never applies a fix", "Drop --apply, or drop --investigate to apply.");
  const repo = await repoRootOf(opts.repo);
  const env = opts.env ?? process.env;
  const [{ openConfig }, { fixSettings }] = await Promise.all([import("./chunk-WTBKKSNF.js"), import("./chunk-QSICRLVG.js")]);
  const settings = fixSettings(await openConfig(repo));
  const totalMemBytes = opts.totalMemBytes ?? os.totalmem();
  const resources = resolveResourceMode(opts.mode, settings.mode, env, totalMemBytes);
  checkLlmAllowed(resources, llm, env);
  const tau = opts.antiPatternTau ?? settings.antiPatternTau;
  const lock = await acquireLock(repo, { command: "debug-bug" });
  try {
    return await debugBugLocked(repo, opts, started, { resources, tau, totalMemBytes, featureSets: settings.validateFeatures });
  } finally {
    lock.release();
  }
}
async function debugBugLocked(repo, opts, started, run) {
  const store = opts.store ?? null;
  const withTests = Boolean(opts.tests) || Boolean(opts.apply);
  const tree = await prepareValidationTree({ repoRoot: repo, tests: opts.test ?? (withTests ? "" : null), featureSets: run.featureSets });
  const wantsApply = Boolean(opts.apply) && !opts.investigate;
  const key = await contentKey(repo, tree.files);
  const cached = wantsApply && opts.test == null ? await loadFix(repo, key) : null;
  if (cached && cached.refusal === null && await passesNow(cached, tree)) return applyCached(repo, cached, tree, started);
  const scope = await scopeSeeds(tree, store);
  const retrieval = await retrieve(scope, { store, capPerHop: run.resources.retrievalCapPerHop, tau: run.tau, readWorktree: (f) => tree.readWorktree(f) });
  const candidates = candidateSources(opts.sources ?? [], {
    llm: opts.llm ?? "none",
    ...opts.model !== void 0 ? { model: opts.model } : {},
    ...opts.fallbackModel !== void 0 ? { fallbackModel: opts.fallbackModel } : {},
    ...opts.env !== void 0 ? { env: opts.env } : {},
    totalMemBytes: run.totalMemBytes,
    resources: run.resources,
    ...opts.openModel ? { open: opts.openModel } : {}
  });
  const nothing = scope.errors.length === 0 && scope.initial.status !== "Failed";
  let result = null;
  try {
    if (!nothing) {
      result = await searchValidated({
        repo,
        scope,
        retrieval,
        candidates,
        tree,
        store,
        limits: {
          ...opts.maxRounds !== void 0 ? { maxRounds: opts.maxRounds } : {},
          ...opts.maxCandidatesPerRound !== void 0 ? { maxCandidatesPerRound: opts.maxCandidatesPerRound } : {},
          ...opts.timeBudgetMs !== void 0 ? { timeBudgetMs: opts.timeBudgetMs } : {},
          ...opts.modelTimeoutMs !== void 0 ? { modelTimeoutMs: opts.modelTimeoutMs } : {}
        }
      });
    }
  } finally {
    await candidates.close();
  }
  if (result) {
    for (const [f, t] of result.original) if (!scope.hashes.has(f)) scope.hashes.set(f, sha256(Buffer.from(t, "utf8")));
  }
  const report = await present({ scope, retrieval, candidates, result, store, resourceMode: run.resources.mode, started });
  if (nothing) return report;
  if (result && report.status === "proposed") {
    const changed = Array.from(result.files.keys()).filter((f) => result.original.get(f) !== result.files.get(f)).sort();
    await saveFix(repo, { version: 1, key, files: changed.map((f) => ({ path: f, before: result.original.get(f) ?? "", after: result.files.get(f) ?? "" })), refusal: notApplicable(result), report });
  }
  let apply = wantsApply;
  if (!opts.apply && !opts.investigate && opts.confirm && report.candidate) apply = await opts.confirm(report);
  const refusal = notApplicable(result);
  if (apply && refusal === null && result?.candidate) {
    const cand = result.candidate;
    const codes = Array.from(new Set(scope.errors.map((d) => d.code ?? "error"))).join(", ");
    const msg = `rustgate: fix ${codes} (pattern ${cand.patternId ?? "none"}, confidence ${result.confidence.toFixed(2)})

${cand.description}

Validation: ${result.final.status}; candidate ${cand.id}.`;
    let sha;
    try {
      ({ commit: sha } = await applyValidatedFix({ repo, before: result.original, after: result.files, hashes: scope.hashes, validate: tree.validate, message: msg }));
    } catch (e) {
      await record(store, { ...report, ms: Date.now() - started }, scope.errors, result, "apply_rolled_back");
      throw e;
    }
    report.status = "fixed";
    report.applied_commit = sha;
    if (store) for (const k of cand.touchedKeys) await store.codeGraph.flipFutureToCurrent(k, sha).catch(() => void 0);
  } else if (apply || wantsApply) {
    report.not_applied_reason = refusal ?? "not applied";
  }
  report.ms = Date.now() - started;
  await record(store, report, scope.errors, result);
  return report;
}
async function passesNow(cached, tree) {
  if (cached.report.candidate?.validation_status === "Tests_OK") return true;
  const v = await tree.validate(new Map(cached.files.map((f) => [f.path, f.after])));
  return v.status !== "Failed" && v.errors.length === 0;
}
async function applyCached(repo, cached, tree, started) {
  const before = new Map(cached.files.map((f) => [f.path, f.before]));
  const after = new Map(cached.files.map((f) => [f.path, f.after]));
  const hashes = new Map(cached.files.map((f) => [f.path, sha256(Buffer.from(f.before, "utf8"))]));
  const r = cached.report;
  const codes = Array.from(new Set(r.errors.map((e) => e.code ?? "error"))).join(", ");
  const c = r.candidate;
  const msg = `rustgate: fix ${codes} (pattern ${c?.pattern_id ?? "none"}, confidence ${(c?.confidence ?? 0).toFixed(2)})

${c?.description ?? ""}

Validation: ${c?.validation_status ?? "Cargo_OK"}; reused the validated proposal.`;
  const { commit } = await applyValidatedFix({ repo, before, after, hashes, validate: tree.validate, message: msg });
  return { ...r, status: "fixed", applied_commit: commit, reused_validated_fix: true, ms: Date.now() - started };
}
export {
  loadPatternSources,
  runDebugBug
};
