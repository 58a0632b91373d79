import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  printJson
} from "./chunk-XT5B7XE7.js";
import {
  edgeJson,
  nodeJson
} from "./chunk-V5IOIPMT.js";
import {
  editDistance
} from "./chunk-CS55E7MD.js";
import {
  RELS
} from "./chunk-6CU5GOAN.js";
import {
  storeDir
} from "./chunk-2PKMAFAA.js";
import {
  ExitCode,
  RustgateError
} from "./chunk-LM6P7DGY.js";

// src/cli/commands/isg.ts
import path from "node:path";

// src/cli/commands/build-isg.ts
function reportProblems(io, problems, verbose) {
  if (problems.length === 0) return;
  if (verbose) {
    for (const p of problems) io.err(`rustgate: warning[${p.kind}]: ${p.file}${p.line !== void 0 ? `:${p.line}` : ""}: ${p.message}`);
    return;
  }
  const files = new Set(problems.map((p) => p.file)).size;
  const kinds = [...new Set(problems.map((p) => p.kind))].sort().join(", ");
  io.err(`rustgate: warning: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"} (${kinds}); the rest is indexed. Run build-isg --verbose for the list.`);
}
function progressLine(io) {
  if (!io.interactive) return void 0;
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 100 && p.done !== p.total) return;
    last = now;
    const count = p.total > 0 ? ` ${p.done}/${p.total}` : "";
    process.stderr.write(`\r\x1B[2Krustgate: ${p.phase}${count}`);
    if (p.phase === "write") process.stderr.write("\r\x1B[2K");
  };
}
async function buildRepoIsg(root, io) {
  const { readWorkspace } = await import("./chunk-ACIX5YCK.js");
  const workspace = await readWorkspace(root);
  const abs = workspace.root;
  const [{ buildIsg }, { openStore }] = await Promise.all([import("./chunk-O3GJTAXS.js"), import("./chunk-S2PTQMPJ.js")]);
  const store = await openStore(storeDir(abs), { onWarning: (m) => io.err(`rustgate: warning: ${m}`) });
  try {
    const onProgress = progressLine(io);
    return await buildIsg({ root: abs, store, workspace, ...onProgress ? { onProgress } : {} });
  } finally {
    await store.close();
  }
}
function printPretty(io, r) {
  const kinds = Object.entries(r.by_kind).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ");
  const rels = Object.entries(r.by_rel).map(([k, n]) => `${k} ${n}`).join(", ");
  io.out(`ISG: ${r.nodes} nodes, ${r.edges} edges in ${r.ms} ms (files parsed ${r.files_parsed}, reused ${r.files_reused})`);
  io.out(`  nodes: ${kinds || "none"}`);
  io.out(`  edges: ${rels}`);
  io.out(`  unresolved calls: ${r.unresolved_calls} (std/external or not knowable; no edge guessed)`);
}
function registerBuildIsg(program, io, setExit) {
  program.command("build-isg").description("Build or incrementally refresh the Interface Signature Graph of the workspace").option("--repo <dir>", "the workspace root (directory with the root Cargo.toml)", ".").option("--json", "print the stats as one JSON object").option("--verbose", "list every parse problem (default: one summary line)").action(async (flags) => {
    const r = await buildRepoIsg(flags.repo, io);
    reportProblems(io, r.problems, flags.verbose === true);
    if (flags.json) printJson(io, r);
    else printPretty(io, r);
    setExit(ExitCode.Ok);
  });
}

// src/cli/commands/isg.ts
async function openBuilt(repo, io) {
  const [{ checkWorkspaceDir }, { openStore }] = await Promise.all([import("./chunk-ACIX5YCK.js"), import("./chunk-S2PTQMPJ.js")]);
  const root = checkWorkspaceDir(repo);
  const onWarning = (m) => io.err(`rustgate: warning: ${m}`);
  let store = await openStore(storeDir(root), { onWarning });
  if (await store.getMeta("facts_version") === void 0) {
    await store.close();
    await buildRepoIsg(root, io);
    store = await openStore(storeDir(root), { onWarning });
  }
  return store;
}
function closestKeys(key, nodes, n = 3) {
  const wanted = key.slice(key.lastIndexOf("-") + 1).toLowerCase();
  const scored = nodes.map((node) => {
    const sameName2 = node.name.toLowerCase() === wanted || node.key.toLowerCase().endsWith(wanted) ? 0 : 1;
    return { key: node.key, s: sameName2 * 1e3 + editDistance(key.toLowerCase(), node.key.toLowerCase()) };
  });
  scored.sort((a, b) => a.s - b.s || (a.key < b.key ? -1 : 1));
  const sameName = scored.filter((x) => x.s < 1e3);
  return (sameName.length > 0 ? sameName : scored).slice(0, n).map((x) => x.key);
}
async function unknownKey(store, key) {
  const near = closestKeys(key, await store.allNodes());
  return new RustgateError(
    "UNKNOWN_KEY",
    `no ISG node with key '${key}'`,
    near.length > 0 ? `closest keys: ${near.map((k) => `'${k}'`).join(", ")} (run rustgate build-isg if the code changed)` : "run rustgate build-isg first"
  );
}
function parseRels(text) {
  if (!text) return [...RELS];
  const rels = text.split(",").map((r) => r.trim().toUpperCase()).filter(Boolean);
  for (const r of rels) {
    if (!RELS.includes(r)) throw new RustgateError("BAD_FLAG", `unknown relation '${r}' in --rel`, `use a comma-separated list of ${RELS.join(", ")}`);
  }
  return rels;
}
async function showNode(store, key) {
  const node = await store.getNode(key);
  if (!node) throw await unknownKey(store, key);
  const out = await store.edgesOut(key);
  const inc = await store.edgesIn(key);
  const order = (a, b) => RELS.indexOf(a.rel) - RELS.indexOf(b.rel) || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0);
  return {
    ...nodeJson(node),
    edges_out: out.map((e) => ({ rel: e.rel, k: e.dst, attr: e.attr })).sort(order).map((e) => e.attr ? { rel: e.rel, dst: e.k, attr: e.attr } : { rel: e.rel, dst: e.k }),
    edges_in: inc.map((e) => ({ rel: e.rel, k: e.src, attr: e.attr })).sort(order).map((e) => e.attr ? { rel: e.rel, src: e.k, attr: e.attr } : { rel: e.rel, src: e.k })
  };
}
function registerIsg(program, io, setExit) {
  const isg = program.command("isg").description("Query the Interface Signature Graph");
  isg.command("show <key>").description("Show one node: signature, span, features, and its edges").option("--repo <dir>", "the workspace root", ".").option("--json", "print JSON").action(async (key, flags) => {
    const store = await openBuilt(flags.repo, io);
    try {
      const shown = await showNode(store, key);
      if (flags.json) printJson(io, shown);
      else {
        const span = shown.span;
        io.out(`${String(shown.key)}`);
        io.out(`  ${String(shown.kind)} ${String(shown.name)}${shown.public ? " (public)" : ""}  ${String(shown.file)}:${span.start_line}-${span.end_line}`);
        if (shown.signature) io.out(`  ${String(shown.signature)}`);
        const features = shown.features;
        if (features.length > 0) io.out(`  features: ${features.join(", ")}`);
        for (const e of shown.edges_out) io.out(`  \u2192 ${e.rel} ${e.dst}${e.attr ? `  [${e.attr}]` : ""}`);
        for (const e of shown.edges_in) io.out(`  \u2190 ${e.rel} ${e.src}${e.attr ? `  [${e.attr}]` : ""}`);
      }
      setExit(ExitCode.Ok);
    } finally {
      await store.close();
    }
  });
  isg.command("two-hop <key>").description("Nodes within two hops of KEY (the blast radius of a change)").option("--rel <rels>", `relations to follow, comma-separated (default: all of ${RELS.join(",")})`).option("--cap <n>", "at most N nodes per hop", "30").option("--direction <dir>", "follow edges out, in, or both", "both").option("--repo <dir>", "the workspace root", ".").option("--json", "print JSON").action(async (key, flags) => {
    const rels = parseRels(flags.rel);
    const cap = Number(flags.cap ?? "30");
    if (!Number.isInteger(cap) || cap < 1) throw new RustgateError("BAD_FLAG", `--cap must be a positive integer (got '${flags.cap}')`, "for example --cap 30");
    const direction = flags.direction ?? "both";
    if (direction !== "out" && direction !== "in" && direction !== "both") throw new RustgateError("BAD_FLAG", `--direction must be out, in or both (got '${direction}')`, "for example --direction both");
    const store = await openBuilt(flags.repo, io);
    try {
      if (!await store.getNode(key)) throw await unknownKey(store, key);
      const nodes = await store.twoHop(key, rels, cap, direction);
      const result = { seed: key, nodes: nodes.map((n) => ({ key: n.key, kind: n.kind, hop: n.hop, via: n.via })) };
      if (flags.json) printJson(io, result);
      else {
        io.out(`${key}: ${nodes.filter((n) => n.hop === 1).length} at hop 1, ${nodes.filter((n) => n.hop === 2).length} at hop 2`);
        for (const n of nodes) io.out(`  ${n.hop} ${n.via.padEnd(16)} ${n.kind.padEnd(7)} ${n.key}`);
      }
      setExit(ExitCode.Ok);
    } finally {
      await store.close();
    }
  });
  isg.command("export").description("Print every node and edge of the ISG (json: one object; jsonl: one node or edge a line)").option("--format <fmt>", "json or jsonl", "json").option("--repo <dir>", "the workspace root", ".").action(async (flags) => {
    const format = flags.format ?? "json";
    if (format !== "json" && format !== "jsonl") throw new RustgateError("BAD_FLAG", `--format must be json or jsonl (got '${format}')`, "for example --format jsonl");
    const store = await openBuilt(flags.repo, io);
    try {
      const [nodes, edges] = await Promise.all([store.allNodes(), store.allEdges()]);
      if (format === "jsonl") {
        let chunk = [];
        const push = (line) => {
          chunk.push(line);
          if (chunk.length >= 2e3) {
            io.out(chunk.join("\n"));
            chunk = [];
          }
        };
        for (const n of nodes) push(JSON.stringify({ node: nodeJson(n) }));
        for (const e of edges) push(JSON.stringify({ edge: edgeJson(e) }));
        if (chunk.length > 0) io.out(chunk.join("\n"));
      } else {
        io.out(JSON.stringify({ nodes: nodes.map(nodeJson), edges: edges.map(edgeJson) }));
      }
      setExit(ExitCode.Ok);
    } finally {
      await store.close();
    }
  });
  isg.command("similar <key>").description("Vector neighbours of KEY: interfaces that look alike (built-in embedder, exact top-k)").option("--k <n>", "how many neighbours", "15").option("--repo <dir>", "the workspace root", ".").option("--json", "print JSON").action(async (key, flags) => {
    const k = Number(flags.k ?? "15");
    const store = await openBuilt(flags.repo, io);
    try {
      if (!await store.getNode(key)) throw await unknownKey(store, key);
      const { similarNodes } = await import("./chunk-24TLN5IY.js");
      const result = await similarNodes(store, key, { repo: path.resolve(flags.repo), k });
      if (flags.json) printJson(io, result);
      else {
        io.out(`${key}: ${result.neighbors.length} nearest`);
        for (const n of result.neighbors) io.out(`  ${n.distance.toFixed(3)} ${n.kind.padEnd(7)} ${n.key}`);
      }
      setExit(ExitCode.Ok);
    } finally {
      await store.close();
    }
  });
}

export {
  registerBuildIsg,
  closestKeys,
  showNode,
  registerIsg
};
