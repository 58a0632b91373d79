import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/core/isg/json.ts
function nodeJson(node) {
  return {
    key: node.key,
    kind: node.kind,
    name: node.name,
    file: node.file,
    span: { start_line: node.span.startLine, end_line: node.span.endLine },
    signature: node.signature,
    public: node.public,
    features: node.features,
    crate: node.crate,
    doc: node.doc,
    bounds: node.bounds ?? []
  };
}
function edgeAttrs(e) {
  if (e.attr === "") return {};
  if (e.rel === "REQUIRES_BOUND") return { bound: e.attr };
  if (e.rel === "CALLS") return { resolution: e.attr };
  return { attr: e.attr };
}
function edgeJson(e) {
  return { src: e.src, dst: e.dst, rel: e.rel, attrs: edgeAttrs(e) };
}

export {
  nodeJson,
  edgeJson
};
