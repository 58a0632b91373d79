import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/app/notices.ts
var sinks = /* @__PURE__ */ new Set();
function onNotice(sink) {
  sinks.add(sink);
  return () => void sinks.delete(sink);
}
function notice(message) {
  for (const s of sinks) s(message);
}

export {
  onNotice,
  notice
};
