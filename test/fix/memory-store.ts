/** A small in-memory IsgStore for the fix tests (the Cozo store is tested in its own area). */
import type { IsgEdge, IsgNode, Rel } from '../../src/core/isg/types.js';
import type { HopNode } from '../../src/core/isg/query.js';
import type { CodeGraphApi, CodeGraphRow, FileRecord, GraphDelta, IsgStore, LearningLog, RunRecord } from '../../src/store/types.js';

/** Node literal helper. */
export function node(key: string, kind: IsgNode['kind'], file: string, startLine: number, endLine: number): IsgNode {
  return { key, kind, name: key.split('-').pop() ?? key, crate: 'c', file, span: { startLine, endLine }, signature: '', sigHash: '', public: true, features: [], doc: '' };
}

/** In-memory store: nodes and edges given up front; CodeGraph rows and runs kept in maps for assertions. */
export function memoryStore(nodes: IsgNode[], edges: IsgEdge[] = []): IsgStore & { rows: Map<string, CodeGraphRow>; runs: RunRecord[] } {
  const rows = new Map<string, CodeGraphRow>();
  const runs: RunRecord[] = [];
  const row = (key: string): CodeGraphRow => {
    let r = rows.get(key);
    if (!r) {
      r = { key, currentCode: null, futureCode: null, futureAction: 'None', currentFid: null, futureFid: null, candidateDiffId: null, validationStatus: 'Pending', lastAppliedCommit: null, updatedAt: '' };
      rows.set(key, r);
    }
    return r;
  };
  const codeGraph: CodeGraphApi = {
    get: (k) => Promise.resolve(rows.get(k)),
    setCurrent: async (k, code) => void (row(k).currentCode = code),
    setFuture: async (k, code, action) => void Object.assign(row(k), { futureCode: code, futureAction: action }),
    markCurrentFid: async (k, fid) => void (row(k).currentFid = fid),
    markFutureFid: async (k, fid) => void (row(k).futureFid = fid),
    attachCandidateDiff: async (k, id) => void (row(k).candidateDiffId = id),
    setValidationStatus: async (k, s) => void (row(k).validationStatus = s),
    flipFutureToCurrent: async (k, commit) => {
      const r = row(k);
      Object.assign(r, { currentCode: r.futureCode, currentFid: r.futureFid, futureCode: null, futureFid: null, futureAction: 'None', lastAppliedCommit: commit });
    },
    clearFuture: async (k) => void Object.assign(row(k), { futureCode: null, futureAction: 'None' }),
    pending: () => Promise.resolve(Array.from(rows.values()).filter((r) => r.futureAction !== 'None')),
  };
  const learning: LearningLog = {
    record: async (r) => void runs.push(r),
    list: (limit) => Promise.resolve(runs.slice(0, limit)),
    patternStats: (id) => {
      const mine = runs.filter((r) => r.patternId === id);
      return Promise.resolve({ tried: mine.length, validated: mine.filter((r) => r.confidence !== null).length, accepted: mine.filter((r) => r.accepted).length });
    },
  };
  const edgesOut = (k: string, rels?: readonly Rel[]) => Promise.resolve(edges.filter((e) => e.src === k && (!rels || rels.includes(e.rel))));
  const edgesIn = (k: string, rels?: readonly Rel[]) => Promise.resolve(edges.filter((e) => e.dst === k && (!rels || rels.includes(e.rel))));
  return {
    rows,
    runs,
    codeGraph,
    learning,
    getNode: (k) => Promise.resolve(nodes.find((n) => n.key === k)),
    edgesOut,
    edgesIn,
    nodeAt: (file, line) =>
      Promise.resolve(
        nodes
          .filter((n) => n.file === file && n.span.startLine <= line && line <= n.span.endLine)
          .sort((a, b) => a.span.endLine - a.span.startLine - (b.span.endLine - b.span.startLine))[0],
      ),
    twoHop: async (seed, rels) => {
      const out: HopNode[] = [];
      for (const e of [...(await edgesOut(seed, rels)), ...(await edgesIn(seed, rels))]) {
        const k = e.src === seed ? e.dst : e.src;
        const n = nodes.find((x) => x.key === k);
        if (n) out.push({ key: k, kind: n.kind, hop: 1, via: e.rel });
      }
      return out;
    },
    loadFiles: () => Promise.resolve(new Map<string, FileRecord>()),
    putFiles: () => Promise.resolve(),
    removeFiles: () => Promise.resolve(),
    allNodes: () => Promise.resolve(nodes),
    allEdges: () => Promise.resolve(edges),
    applyDelta: (_d: GraphDelta) => Promise.resolve(),
    getMeta: () => Promise.resolve(undefined),
    setMeta: () => Promise.resolve(),
    flush: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
