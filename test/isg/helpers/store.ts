/** The store the ISG tests build into: the real Cozo store, persisted under the workspace's `.rustgate/store`. */
import { storeDir } from '../../../src/app/workdir.js';
import { openStore } from '../../../src/store/cozo-store.js';
import type { IsgStore } from '../../../src/store/types.js';

export async function newStore(root: string): Promise<IsgStore> {
  return openStore(storeDir(root));
}

/** Re-opens the persisted store (what the next CLI run sees). */
export async function reopen(store: IsgStore, root: string): Promise<IsgStore> {
  await store.close();
  return openStore(storeDir(root));
}
