/** The store the ISG tests build into. */
import type { IsgStore } from '../../../src/store/types.js';
import { TestMemoryStore } from './memory-store.js';

export async function newStore(_root: string): Promise<IsgStore> {
  return new TestMemoryStore();
}
