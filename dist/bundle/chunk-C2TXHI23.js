import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/core/isg/keys.ts
function fileStem(relPath) {
  const base = relPath.slice(relPath.lastIndexOf("/") + 1);
  return base.endsWith(".rs") ? base.slice(0, -3) : base;
}
function makeKey(relPath, interfaceName) {
  return `${relPath}-${fileStem(relPath)}-${interfaceName}`;
}
function crateKey(crateName) {
  return `crate:${crateName}`;
}
function featureKey(crateName, feature) {
  return `feature:${crateName}/${feature}`;
}

export {
  makeKey,
  crateKey,
  featureKey
};
