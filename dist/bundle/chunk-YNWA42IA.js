import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  rustgatePaths
} from "./chunk-AGTEUQPZ.js";
import {
  git
} from "./chunk-YS7A56PW.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";

// src/app/stats.ts
import { stat } from "node:fs/promises";
import path from "node:path";
function percentile(xs, p) {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p / 100 * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? null;
}
function ratio(n, d) {
  return d === 0 ? null : Math.round(n / d * 1e3) / 1e3;
}
function detailOf(r) {
  return r.detail !== null && typeof r.detail === "object" ? r.detail : {};
}
function patternOfCandidate(id) {
  if (id.startsWith("merge(")) return Array.from(new Set(id.slice(6, -1).split(",").flatMap(patternOfCandidate)));
  if (id.includes("+")) return Array.from(new Set(id.split("+").flatMap(patternOfCandidate)));
  const [origin, name] = id.split(":");
  if (origin === "pattern" && name) return [name];
  if (origin === "rustc") return ["rustc_suggestion"];
  if (origin === "llm") return ["llm"];
  return [];
}
function weekOf(iso) {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
  return monday.toISOString().slice(0, 10);
}
function computeStats(runs, reverted, opts = {}) {
  const debug = runs.filter((r) => r.command === "debug-bug");
  const fixes = debug.filter((r) => r.status === "fixed" && r.commit !== null);
  const rolledBack = debug.filter((r) => r.status === "apply_rolled_back");
  const revertedFixes = fixes.filter((r) => r.commit !== null && reverted.has(r.commit));
  const attempts = fixes.length + rolledBack.length;
  const safe = debug.filter((r) => r.status === "fixed" || r.status === "proposed" || r.status === "apply_rolled_back");
  const withZero = fixes.filter((r) => detailOf(r).zero_llm !== void 0);
  const tokens = fixes.map((r) => detailOf(r).tokens_used).filter((t) => typeof t === "number");
  const times = safe.map((r) => detailOf(r).ms).filter((t) => typeof t === "number");
  const per = /* @__PURE__ */ new Map();
  const kpi = (id) => {
    let k = per.get(id);
    if (!k) {
      k = { id, tried: 0, validated: 0, applied: 0, reverted: 0 };
      per.set(id, k);
    }
    return k;
  };
  for (const r of debug) {
    for (const round of detailOf(r).rounds ?? []) {
      for (const t of round.tried ?? []) {
        for (const id of patternOfCandidate(t.id ?? "")) {
          const k = kpi(id);
          k.tried++;
          if (t.errors_after === 0 && t.status !== "Failed") k.validated++;
        }
      }
    }
  }
  for (const r of fixes) {
    for (const id of (r.patternId ?? "llm").split("+")) {
      const k = kpi(id);
      k.applied++;
      if (r.commit !== null && reverted.has(r.commit)) k.reverted++;
    }
  }
  const weeks = opts.weeks ?? 8;
  const newest = debug.reduce((m, r) => m === null || r.startedAt > m ? r.startedAt : m, null);
  const weekly = [];
  if (newest !== null) {
    const last = /* @__PURE__ */ new Date(`${weekOf(newest)}T00:00:00Z`);
    for (let i = weeks - 1; i >= 0; i--) {
      const w = new Date(last.getTime() - i * 7 * 864e5).toISOString().slice(0, 10);
      weekly.push({ week: w, fixes: fixes.filter((r) => weekOf(r.startedAt) === w).length });
    }
  }
  return {
    fixes: fixes.length,
    first_apply_correctness: ratio(fixes.length - revertedFixes.length, attempts),
    rollback_rate: ratio(rolledBack.length + revertedFixes.length, attempts),
    zero_llm_rate: ratio(withZero.filter((r) => detailOf(r).zero_llm === true).length, withZero.length),
    tokens_per_fix: { p50: percentile(tokens, 50), p95: percentile(tokens, 95) },
    time_to_safe_fix_ms: { p50: percentile(times, 50), p95: percentile(times, 95) },
    validation_accuracy: ratio(fixes.length, attempts),
    patterns: Array.from(per.values()).sort((a, b) => b.applied - a.applied || b.tried - a.tried || a.id.localeCompare(b.id)),
    runs: debug.length,
    proposed: debug.filter((r) => r.status === "proposed").length,
    rolled_back: rolledBack.length,
    reverted: revertedFixes.length,
    pending_futures: opts.pendingFutures ?? 0,
    since: opts.since ?? null,
    weekly
  };
}
function parseSince(since) {
  if (since === void 0) return null;
  const ok = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(since.trim());
  const t = ok ? Date.parse(since.trim()) : NaN;
  if (Number.isNaN(t)) throw new RustgateError("BAD_FLAG", `--since is not a date: ${since}`, "Use an ISO date such as 2026-11-01 (or 2026-11-01T12:00:00Z).");
  return new Date(t).toISOString();
}
async function revertedCommits(repo, shas) {
  const out = /* @__PURE__ */ new Set();
  if (shas.length === 0) return out;
  const r = await git(repo, ["log", "--all", "--format=%B%x00", "--grep=This reverts commit"]);
  if (r.exitCode !== 0) return out;
  for (const m of r.stdout.matchAll(/This reverts commit ([0-9a-f]{7,40})/g)) {
    const hit = shas.find((s) => s.startsWith(m[1] ?? "-"));
    if (hit) out.add(hit);
  }
  return out;
}
async function runStats(opts) {
  const repo = path.resolve(opts.repo);
  const st = await stat(repo).catch(() => null);
  if (!st?.isDirectory()) throw new RustgateError("NOT_A_DIRECTORY", `${repo} is not a directory`, "Pass the repository with --repo DIR.");
  const since = parseSince(opts.since);
  const dir = rustgatePaths(repo).store;
  const hasStore = (await stat(dir).catch(() => null))?.isDirectory() ?? false;
  if (!hasStore) return computeStats([], /* @__PURE__ */ new Set(), { since });
  const { openStore } = await import("./chunk-S2PTQMPJ.js");
  const store = await openStore(dir);
  try {
    const runs = (await store.learning.list()).filter((r) => since === null || r.startedAt >= since);
    const pending = await store.codeGraph.pending().catch(() => []);
    const shas = runs.filter((r) => r.status === "fixed" && r.commit !== null).map((r) => r.commit);
    return computeStats(runs, await revertedCommits(repo, shas), { pendingFutures: pending.length, since });
  } finally {
    await store.close();
  }
}
var BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
function sparkline(values) {
  const max = Math.max(0, ...values);
  return values.map((v) => max === 0 ? BARS[0] : BARS[Math.min(7, Math.round(v / max * 7))]).join("");
}
function pct(x) {
  return x === null ? "-" : `${(x * 100).toFixed(1)}%`;
}
function num(x, unit = "") {
  return x === null ? "-" : `${x}${unit}`;
}
function renderStats(s) {
  const rows = [
    ["fixes applied", String(s.fixes)],
    ["first-apply correctness", pct(s.first_apply_correctness)],
    ["rollback rate", pct(s.rollback_rate)],
    ["zero-LLM rate", pct(s.zero_llm_rate)],
    ["tokens per fix p50 / p95", `${num(s.tokens_per_fix.p50)} / ${num(s.tokens_per_fix.p95)}`],
    ["time to safe fix p50 / p95", `${num(s.time_to_safe_fix_ms.p50, " ms")} / ${num(s.time_to_safe_fix_ms.p95, " ms")}`],
    ["validation accuracy", pct(s.validation_accuracy)],
    ["runs / proposed only / pending futures", `${s.runs} / ${s.proposed} / ${s.pending_futures}`]
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  const lines = [`rustgate stats${s.since ? ` since ${s.since.slice(0, 10)}` : ""}`, ...rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)];
  if (s.weekly.length > 0) {
    lines.push("", `  fixes per week  ${sparkline(s.weekly.map((x) => x.fixes))}  (${s.weekly[0]?.week} \u2026 ${s.weekly[s.weekly.length - 1]?.week}, max ${Math.max(...s.weekly.map((x) => x.fixes))})`);
  }
  if (s.patterns.length > 0) {
    const idW = Math.max(7, ...s.patterns.map((p) => p.id.length));
    lines.push("", `  ${"pattern".padEnd(idW)}  tried  validated  applied  reverted`);
    for (const p of s.patterns) lines.push(`  ${p.id.padEnd(idW)}  ${String(p.tried).padStart(5)}  ${String(p.validated).padStart(9)}  ${String(p.applied).padStart(7)}  ${String(p.reverted).padStart(8)}`);
  }
  if (s.runs === 0) lines.push("", "  no debug-bug runs recorded yet (the log needs the ISG store: run `rustgate build-isg` once)");
  return lines.join("\n");
}
export {
  computeStats,
  parseSince,
  patternOfCandidate,
  percentile,
  renderStats,
  runStats,
  sparkline,
  weekOf
};
