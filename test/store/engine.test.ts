import { describe, expect, it } from 'vitest';
import { CozoError, openWasmEngine } from '../../src/store/cozo-engine.js';

describe('wasm engine', () => {
  it('runs scripts with parameters and turns Cozo errors into thrown CozoErrors', async () => {
    const e = await openWasmEngine();
    try {
      expect(await e.run('?[a, b] := a = $x, b = 1', { x: 'q"uote' })).toEqual({ headers: ['a', 'b'], rows: [['q"uote', 1]] });
      const err = await e.run('?[a] := a = ', {}).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(CozoError);
      expect((err as CozoError).code).toBe('parser::pest');
      await expect(e.exportRelations(['missing'])).rejects.toThrow("Cannot find requested stored relation 'missing'");
      await expect(e.importRelations({ missing: { headers: ['a'], rows: [['x']] } })).rejects.toBeInstanceOf(CozoError);
      await e.run(':create t {k: String => v: Int}');
      await e.importRelations('{"t": {"headers": ["k", "v"], "rows": [["a", 1]]}}');
      expect(await e.exportRelations(['t'])).toMatchObject({ t: { headers: ['k', 'v'], rows: [['a', 1]] } });
      // A reservation beyond what the wasm memory can hold is ignored, and the engine keeps working.
      e.reserve(3 * 1024 * 1024 * 1024);
      expect((await e.run('?[v] := *t{k: "a", v}')).rows).toEqual([[1]]);
    } finally {
      e.close();
    }
    await expect(e.run('?[a] := a = 1')).rejects.toThrow('after close');
  });
});
