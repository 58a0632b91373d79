/** A GGUF embedding model (through the LocalLlm worker) as an Embedder; vectors are L2-normalised for cosine search. */
import { embedText, type Embedder } from '../../core/vectors/embed.js';
import type { LocalLlm } from '../llm/local.js';

/** Wraps a loaded model; `id` names the model file so persisted vectors are per model. */
export function createGgufEmbedder(llm: LocalLlm, id = `gguf:${llm.modelPath}`): Embedder {
  return {
    id,
    dim: llm.info.embeddingSize,
    async embed(items) {
      const rows = await llm.embed(items.map(embedText));
      for (const v of rows) {
        let norm = 0;
        for (const x of v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm;
      }
      return rows;
    },
  };
}
