/**
 * The wiki's data modules (`virtual:wiki/data`, `virtual:wiki/references`) are views of what the integration
 * holds now, so that a page whose modules `astro dev` kept from before an edit still shows the edit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { liveModuleCode, provideLive } from '../../src/astro/live-module.ts';

let n = 0;
/** Evaluates the module's code as Vite's runner would, once, and returns its default export. */
async function evaluate(code: string): Promise<Record<string, unknown>> {
  // A comment makes each URL distinct: Node would otherwise return the module it evaluated before.
  const module = (await import(`data:text/javascript,${encodeURIComponent(`${code}\n// ${n++}`)}`)) as { default: Record<string, unknown> };
  return module.default;
}

const keys: string[] = [];
function key(name: string): string {
  const k = `wiki-test:${name}:${n}`;
  keys.push(k);
  return k;
}
afterEach(() => {
  for (const k of keys.splice(0)) delete (globalThis as Record<symbol, unknown>)[Symbol.for(k)];
});

describe('live data modules', () => {
  it('show the value as it is when read, not as it was when the module was evaluated', async () => {
    const k = key('data');
    let value: { pages: Record<string, { title: string }>; stats: { pages: number } } = { pages: { nvidia: { title: 'Nvidia' } }, stats: { pages: 1 } };
    provideLive(k, () => value);
    const view = (await evaluate(liveModuleCode(k, 'virtual:test'))) as unknown as typeof value;
    expect(view.pages.nvidia?.title).toBe('Nvidia');
    expect(view.pages.cuda).toBeUndefined();
    // The wiki is read again (astro dev, after an edit): the same module shows the new reading.
    value = { pages: { nvidia: { title: 'Nvidia' }, cuda: { title: 'CUDA' } }, stats: { pages: 2 } };
    expect(view.pages.cuda?.title).toBe('CUDA');
    expect(view.stats.pages).toBe(2);
  });

  it('behave as the object they show for keys, `in`, spreading and JSON', async () => {
    const k = key('shape');
    const value = { sources: [{ key: 'a' }], redirects: [] as unknown[] };
    provideLive(k, () => value);
    const view = await evaluate(liveModuleCode(k, 'virtual:test'));
    expect(Object.keys(view)).toEqual(['sources', 'redirects']);
    expect('sources' in view).toBe(true);
    expect('missing' in view).toBe(false);
    expect({ ...view }).toEqual(value);
    expect(JSON.parse(JSON.stringify(view))).toEqual(value);
  });

  it('fail at once, naming the module, in a process that did not read the wiki', async () => {
    await expect(evaluate(liveModuleCode(key('absent'), 'virtual:wiki/data'))).rejects.toThrow(
      /virtual:wiki\/data is read in a process other than the one that read the wiki/,
    );
  });
});
