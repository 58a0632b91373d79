import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  createBuiltinEmbedder,
  embedText
} from "./chunk-KI7HMC7H.js";
import {
  ensureWorkDir
} from "./chunk-2PKMAFAA.js";
import {
  rustgatePaths
} from "./chunk-AGTEUQPZ.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";

// src/app/similar.ts
import { createHash } from "node:crypto";

// src/core/vectors/index.ts
var ExactIndex = class _ExactIndex {
  /** `data` holds `keys.length` rows of `dim` floats, row i belonging to keys[i]. */
  constructor(dim, keys, data) {
    this.dim = dim;
    if (data.length !== keys.length * dim) throw new Error(`ExactIndex: ${data.length} floats for ${keys.length} \xD7 ${dim}`);
    this.keys = [...keys];
    this.data = data;
    this.keys.forEach((k, i) => this.pos.set(k, i));
  }
  dim;
  keys;
  data;
  pos = /* @__PURE__ */ new Map();
  /** Builds an index from parallel key and vector lists. */
  static from(dim, entries) {
    const data = new Float32Array(entries.length * dim);
    entries.forEach((e, i) => data.set(e.vector, i * dim));
    return new _ExactIndex(
      dim,
      entries.map((e) => e.key),
      data
    );
  }
  get size() {
    return this.keys.length;
  }
  vectorOf(key) {
    const i = this.pos.get(key);
    return i === void 0 ? void 0 : this.data.subarray(i * this.dim, (i + 1) * this.dim);
  }
  search(query, k, exclude) {
    const { dim, data, keys } = this;
    const sims = [];
    const idx = [];
    for (let r = 0; r < keys.length; r++) {
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      const base = r * dim;
      let j = 0;
      for (; j + 3 < dim; j += 4) {
        d0 += query[j] * data[base + j];
        d1 += query[j + 1] * data[base + j + 1];
        d2 += query[j + 2] * data[base + j + 2];
        d3 += query[j + 3] * data[base + j + 3];
      }
      for (; j < dim; j++) d0 += query[j] * data[base + j];
      const dot = d0 + d1 + d2 + d3;
      if (sims.length === k && dot <= (sims[k - 1] ?? -Infinity)) continue;
      if (exclude !== void 0 && exclude.has(keys[r] ?? "")) continue;
      let at = sims.length;
      while (at > 0 && (sims[at - 1] ?? 0) < dot) at--;
      sims.splice(at, 0, dot);
      idx.splice(at, 0, r);
      if (sims.length > k) {
        sims.pop();
        idx.pop();
      }
    }
    const hits = idx.map((r, i) => ({ key: keys[r] ?? "", distance: Math.max(0, 1 - (sims[i] ?? 0)) }));
    return hits.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  }
};

// src/adapters/vectors/store.ts
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
var VERSION = 1;
var LITTLE_ENDIAN = os.endianness() === "LE";
function safeName(embedderId) {
  return embedderId.replace(/[^A-Za-z0-9._-]/g, "_");
}
function loadVectors(dir, embedderId) {
  const base = path.join(dir, safeName(embedderId));
  try {
    const meta = JSON.parse(readFileSync(`${base}.json`, "utf8"));
    if (meta.version !== VERSION || meta.embedder !== embedderId || meta.keys.length !== meta.fingerprints.length) return void 0;
    const buf = readFileSync(path.join(dir, path.basename(meta.dataFile)));
    if (buf.length !== meta.bytes || buf.length !== meta.keys.length * meta.dim * 4) return void 0;
    const data = new Float32Array(meta.keys.length * meta.dim);
    if (LITTLE_ENDIAN) new Uint8Array(data.buffer).set(buf);
    else for (let i = 0; i < data.length; i++) data[i] = buf.readFloatLE(i * 4);
    return { embedder: meta.embedder, dim: meta.dim, keys: meta.keys, fingerprints: meta.fingerprints, data };
  } catch {
    return void 0;
  }
}
function saveVectors(dir, v) {
  mkdirSync(dir, { recursive: true });
  const name = safeName(v.embedder);
  let buf;
  if (LITTLE_ENDIAN) {
    buf = Buffer.from(v.data.buffer, v.data.byteOffset, v.data.byteLength);
  } else {
    buf = Buffer.alloc(v.data.length * 4);
    for (let i = 0; i < v.data.length; i++) buf.writeFloatLE(v.data[i], i * 4);
  }
  const dataFile = `${name}.${Date.now().toString(36)}-${process.pid}.f32`;
  const meta = { version: VERSION, embedder: v.embedder, dim: v.dim, bytes: buf.length, dataFile, keys: v.keys, fingerprints: v.fingerprints };
  const tmpJson = path.join(dir, `${name}.json.${process.pid}.tmp`);
  writeFileSync(path.join(dir, dataFile), buf);
  writeFileSync(tmpJson, JSON.stringify(meta));
  renameSync(tmpJson, path.join(dir, `${name}.json`));
  for (const f of readdirSync(dir)) {
    if (f.startsWith(`${name}.`) && f.endsWith(".f32") && f !== dataFile) rmSync(path.join(dir, f), { force: true });
  }
}

// src/app/similar.ts
var SKIP = /* @__PURE__ */ new Set(["crate", "feature"]);
function fingerprint(n) {
  return createHash("sha1").update(embedText(n)).digest("hex").slice(0, 16);
}
async function nodeVectors(nodes, embedder, repo) {
  const dir = repo === void 0 ? void 0 : (ensureWorkDir(repo), rustgatePaths(repo).vectors);
  const stored = dir === void 0 ? void 0 : loadVectors(dir, embedder.id);
  const prev = /* @__PURE__ */ new Map();
  if (stored !== void 0 && stored.dim === embedder.dim) stored.keys.forEach((k, i) => prev.set(k, { fp: stored.fingerprints[i] ?? "", row: i }));
  const fps = nodes.map(fingerprint);
  const data = new Float32Array(nodes.length * embedder.dim);
  const todo = [];
  nodes.forEach((n, i) => {
    const p = prev.get(n.key);
    if (stored !== void 0 && p !== void 0 && p.fp === fps[i]) data.set(stored.data.subarray(p.row * embedder.dim, (p.row + 1) * embedder.dim), i * embedder.dim);
    else todo.push(i);
  });
  if (todo.length > 0) {
    const vecs = await embedder.embed(todo.map((i) => nodes[i]));
    todo.forEach((i, j) => data.set(vecs[j], i * embedder.dim));
  }
  const keys = nodes.map((n) => n.key);
  const changed = todo.length > 0 || stored === void 0 || stored.keys.length !== keys.length;
  if (dir !== void 0 && changed) saveVectors(dir, { embedder: embedder.id, dim: embedder.dim, keys, fingerprints: fps, data });
  return { index: new ExactIndex(embedder.dim, keys, data), reused: nodes.length - todo.length, embedded: todo.length };
}
async function similarNodes(source, seedKey, opts = {}) {
  const k = opts.k ?? 15;
  if (!Number.isInteger(k) || k < 1) throw new RustgateError("BAD_FLAG", `--k must be a positive integer, got ${k}`, "e.g. --k 15");
  const nodes = (await source.allNodes()).filter((n) => !SKIP.has(n.kind));
  const seed = nodes.find((n) => n.key === seedKey);
  if (seed === void 0) {
    throw new RustgateError("UNKNOWN_KEY", `no ISG node with key ${seedKey}`, "run `rustgate build-isg` first, and check the key with `rustgate isg show KEY`");
  }
  const { index } = await nodeVectors(nodes, opts.embedder ?? createBuiltinEmbedder(), opts.repo);
  const kinds = new Map(nodes.map((n) => [n.key, n.kind]));
  const hits = index.search(index.vectorOf(seedKey), k, /* @__PURE__ */ new Set([seedKey]));
  return {
    seed: seedKey,
    neighbors: hits.map((h) => ({ key: h.key, kind: kinds.get(h.key) ?? seed.kind, distance: Math.round(h.distance * 1e6) / 1e6 }))
  };
}
export {
  nodeVectors,
  similarNodes
};
