/**
 * The code of a virtual module whose default export is a live view of a value the wiki integration holds in
 * the process: each property read asks the integration for the value as it is now.
 *
 * Why not the value itself: in `astro dev` a module is evaluated once and kept by Vite's module runner until
 * the server tells the runner that the module changed. Astro's dev CSS collection transforms a page's imports
 * on the server by itself, which can leave the server thinking the runner's copy is fresh when it still holds
 * the wiki as it was before an edit (seen in CI: a new article in the collection, but not in the page index
 * the page had imported). A view has nothing to go stale. In a build it costs one getter call per read.
 */
export function liveModuleCode(globalKey: string, what: string): string {
  const key = JSON.stringify(globalKey);
  return [
    `const key = Symbol.for(${key});`,
    `if (!(key in globalThis)) throw new Error(${JSON.stringify(
      `${what} is read in a process other than the one that read the wiki: pages must be rendered by astro build or astro dev themselves`,
    )});`,
    'const now = () => globalThis[key];',
    'export default new Proxy({}, {',
    '  get: (_, name) => now()[name],',
    '  has: (_, name) => name in now(),',
    '  ownKeys: () => Reflect.ownKeys(now()),',
    '  getOwnPropertyDescriptor: (_, name) => {',
    '    const descriptor = Reflect.getOwnPropertyDescriptor(now(), name);',
    '    return descriptor && { ...descriptor, configurable: true };',
    '  },',
    '});',
  ].join('\n');
}

/** Hands `value()` to the modules made by `liveModuleCode(globalKey, …)` in this process. */
export function provideLive(globalKey: string, value: () => object): void {
  Object.defineProperty(globalThis, Symbol.for(globalKey), { get: value, configurable: true });
}
