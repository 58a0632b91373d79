/** Read-only graph queries the pure core needs; the store implements them, tests may use the in-memory one. */
import type { IsgEdge, IsgNode, Rel } from './types.js';

/** A node reached by a traversal, with its distance from the seed and the relation that reached it. */
export interface HopNode {
  key: string;
  kind: IsgNode['kind'];
  hop: 1 | 2;
  via: Rel;
}

/** Async so that an engine with async I/O (cozo-node, a server) can stand behind it unchanged. */
export interface GraphQuery {
  getNode(key: string): Promise<IsgNode | undefined>;
  edgesOut(key: string, rels?: readonly Rel[]): Promise<IsgEdge[]>;
  edgesIn(key: string, rels?: readonly Rel[]): Promise<IsgEdge[]>;
  /** The innermost node whose span contains `line` of `file` (workspace-relative path). */
  nodeAt(file: string, line: number): Promise<IsgNode | undefined>;
  /**
   * Nodes within two hops of `seed` along `rels` (both directions when `direction` is 'both'),
   * at most `cap` per hop, nearest first, deterministic order.
   */
  twoHop(seed: string, rels: readonly Rel[], cap: number, direction?: 'out' | 'in' | 'both'): Promise<HopNode[]>;
}
