import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/core/paths.ts
import path from "node:path";
var RUSTGATE_DIR = ".rustgate";
function rustgatePaths(root) {
  const dir = path.join(root, RUSTGATE_DIR);
  const target = path.join(dir, "target");
  return {
    root,
    dir,
    gitignore: path.join(dir, ".gitignore"),
    store: path.join(dir, "store"),
    target,
    targetLedger: path.join(target, "rustgate-ledger.json"),
    lock: path.join(dir, "lock"),
    featureSets: path.join(dir, "feature-sets.json"),
    metadata: path.join(dir, "metadata.json"),
    hooks: path.join(dir, "hooks"),
    vectors: path.join(dir, "vectors"),
    logs: path.join(dir, "logs"),
    applyJournal: path.join(dir, "apply-journal.json"),
    tree: (name) => ({ dir: path.join(dir, name), manifest: path.join(dir, `${name}.manifest.json`), store: path.join(dir, `${name}-store`) })
  };
}
function isRustgatePath(rel) {
  return rel === RUSTGATE_DIR || rel.startsWith(`${RUSTGATE_DIR}/`);
}
function symlinkResolvesInside(rel, target, linkOf) {
  let hops = 0;
  const walk = (base2, target2) => {
    if (target2.startsWith("/") || /^[A-Za-z]:[\\/]/.test(target2) || target2.startsWith("\\")) return null;
    const cur = [...base2];
    const parts = target2.split(/[\\/]+/).filter((p) => p !== "" && p !== ".");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] ?? "";
      if (p === "..") {
        if (cur.length === 0) return null;
        cur.pop();
        continue;
      }
      cur.push(p);
      const link = linkOf(cur.join("/"));
      if (link !== void 0) {
        if (++hops > 40) return null;
        cur.pop();
        const resolved = walk(cur, link);
        if (resolved === null) return null;
        cur.splice(0, cur.length, ...resolved);
      }
    }
    return cur;
  };
  const base = rel.split("/").slice(0, -1);
  const end = walk(base, target);
  if (end === null) return false;
  const first = end[0]?.toLowerCase();
  return first !== ".git" && first !== RUSTGATE_DIR && !end.some((p) => p.toLowerCase() === ".git");
}

export {
  RUSTGATE_DIR,
  rustgatePaths,
  isRustgatePath,
  symlinkResolvesInside
};
