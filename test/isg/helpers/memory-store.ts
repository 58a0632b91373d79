/** Test-only in-memory IsgStore (until/besides the Cozo store): graph and file records in maps. */
import { applyDiff } from '../../../src/core/isg/delta.js';
import { MemoryGraph } from '../../../src/core/isg/memory-graph.js';
import type { HopNode } from '../../../src/core/isg/query.js';
import type { IsgEdge, IsgGraph, IsgNode, Rel } from '../../../src/core/isg/types.js';
import type { CodeGraphApi, FileRecord, GraphDelta, IsgStore, LearningLog } from '../../../src/store/types.js';

export class TestMemoryStore implements IsgStore {
  graph: IsgGraph = { nodes: [], edges: [] };
  files = new Map<string, FileRecord>();
  meta = new Map<string, string>();
  deltas: GraphDelta[] = [];
  get codeGraph(): CodeGraphApi {
    throw new Error('not used by the ISG tests');
  }
  get learning(): LearningLog {
    throw new Error('not used by the ISG tests');
  }
  private q(): MemoryGraph {
    return new MemoryGraph(this.graph);
  }
  getNode(key: string): Promise<IsgNode | undefined> {
    return this.q().getNode(key);
  }
  edgesOut(key: string, rels?: readonly Rel[]): Promise<IsgEdge[]> {
    return this.q().edgesOut(key, rels);
  }
  edgesIn(key: string, rels?: readonly Rel[]): Promise<IsgEdge[]> {
    return this.q().edgesIn(key, rels);
  }
  nodeAt(file: string, line: number): Promise<IsgNode | undefined> {
    return this.q().nodeAt(file, line);
  }
  twoHop(seed: string, rels: readonly Rel[], cap: number, direction?: 'out' | 'in' | 'both'): Promise<HopNode[]> {
    return this.q().twoHop(seed, rels, cap, direction);
  }
  async loadFiles(): Promise<Map<string, FileRecord>> {
    return new Map(this.files);
  }
  async putFiles(records: FileRecord[]): Promise<void> {
    for (const r of records) this.files.set(r.file, JSON.parse(JSON.stringify(r)) as FileRecord);
  }
  async removeFiles(files: string[]): Promise<void> {
    for (const f of files) this.files.delete(f);
  }
  async allNodes(): Promise<IsgNode[]> {
    return [...this.graph.nodes];
  }
  async allEdges(): Promise<IsgEdge[]> {
    return [...this.graph.edges];
  }
  async applyDelta(delta: GraphDelta): Promise<void> {
    this.deltas.push(delta);
    this.graph = applyDiff(this.graph, delta);
  }
  async getMeta(name: string): Promise<string | undefined> {
    return this.meta.get(name);
  }
  async setMeta(name: string, value: string): Promise<void> {
    this.meta.set(name, value);
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
