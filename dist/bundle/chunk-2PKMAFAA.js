import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  rustgatePaths
} from "./chunk-AGTEUQPZ.js";

// src/app/workdir.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
function ensureWorkDir(root) {
  const p = rustgatePaths(path.resolve(root));
  mkdirSync(p.dir, { recursive: true });
  if (!existsSync(p.gitignore) || readFileSync(p.gitignore, "utf8") !== "*\n") writeFileSync(p.gitignore, "*\n");
  return p.dir;
}
function storeDir(root) {
  ensureWorkDir(root);
  return rustgatePaths(path.resolve(root)).store;
}

export {
  ensureWorkDir,
  storeDir
};
