/** Blast radius: who depends on a node, following reverse CALLS/USES/IMPLEMENTS/REQUIRES_BOUND edges two hops deep. */
import type { GraphQuery, HopNode } from '../isg/query.js';
import type { Rel } from '../isg/types.js';

export const BLAST_RELS: readonly Rel[] = ['CALLS', 'USES', 'IMPLEMENTS', 'REQUIRES_BOUND'];

/** Default number of nodes kept per hop. */
export const BLAST_CAP = 30;

/** Nodes that reach `key` within two reverse hops, nearest first, at most `cap` per hop; the seed itself excluded. */
export async function blastRadius(graph: GraphQuery, key: string, cap: number = BLAST_CAP): Promise<HopNode[]> {
  const hops = await graph.twoHop(key, BLAST_RELS, cap, 'in');
  return hops.filter((h) => h.key !== key);
}

/** Direct callers among the blast radius (hop 1 via CALLS), for "N callers" summaries. */
export function directCallers(radius: readonly HopNode[]): number {
  return radius.filter((h) => h.hop === 1 && h.via === 'CALLS').length;
}
