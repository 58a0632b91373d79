import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  CONFIG_FILE,
  DEFAULT_CONFIG
} from "./chunk-FCGSBGFK.js";

// src/config/open.ts
import { lstatSync } from "node:fs";
import path from "node:path";
async function openConfig(root) {
  try {
    lstatSync(path.resolve(root, CONFIG_FILE));
  } catch (e) {
    if (e.code === "ENOENT") return structuredClone(DEFAULT_CONFIG);
  }
  const { loadConfig } = await import("./chunk-VI5DWDDV.js");
  return loadConfig(root);
}

export {
  openConfig
};
