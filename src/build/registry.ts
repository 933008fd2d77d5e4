/**
 * The one process-wide hand-off of the build context (src/build/context.ts).
 *
 * Why it exists: Astro loads astro.config.mjs and the integrations with Node, but runs the content loader
 * (src/content.config.ts) and the pages in Vite's module runner, which gives every module an instance of its
 * own; in a build, pages even run from a bundle. An argument cannot cross from one to the other, and a
 * module-level variable is not shared: only the process is. So the integration registers the context here, under
 * one `Symbol.for` key on `globalThis`, and the loader, the pages and the virtual modules ask for it. In a build the
 * article loader itself is handed over the same way (`articleLoader`; `astro dev` imports it): Vite then need not compile the loader and the
 * whole rendering pipeline it uses a second time for its module runner (0.6 s of every build), and the loader runs
 * the modules Node has already loaded for the integration. Nothing else in the wiki is shared through the process.
 *
 * This module imports no values, so that pages can bundle it without pulling in the build's machinery.
 */
import type { Loader } from 'astro/loaders';
import type { BuildContext } from './context.ts';

const KEY = Symbol.for('wiki:build-context');
const LOADER_KEY = Symbol.for('wiki:article-loader');
type WithContext = typeof globalThis & { [KEY]?: BuildContext; [LOADER_KEY]?: Loader };

/** Called by the wiki integration (src/astro/integration.ts) when it is created, with the loader of its articles. */
export function registerBuildContext(context: BuildContext, articleLoader: Loader): void {
  (globalThis as WithContext)[KEY] = context;
  (globalThis as WithContext)[LOADER_KEY] = articleLoader;
}

/** The loader of the articles collection (src/astro/article-loader.ts), for src/content.config.ts. */
export function articleLoader(): Loader {
  const loader = (globalThis as WithContext)[LOADER_KEY];
  if (!loader) throw new Error('the wiki has no article loader in this process: add `wiki(context)` to the integrations of astro.config.mjs');
  return loader;
}

/** The context of the build running in this process. */
export function buildContext(): BuildContext {
  const context = (globalThis as WithContext)[KEY];
  if (!context) {
    throw new Error(
      'the wiki has no build context in this process: add `wiki(context)` to the integrations of astro.config.mjs, and render pages with `astro build` or `astro dev` themselves',
    );
  }
  return context;
}

/**
 * A live view of `pick(context)`: each property read asks for the value as it is now. Why not the value
 * itself: in `astro dev` a module is evaluated once and kept by Vite's module runner until the server tells the
 * runner it changed, and Astro's dev CSS pass can leave the runner holding a copy of the wiki from before an
 * edit (seen in CI). A view has nothing to go stale. In a build it costs one call per read.
 */
export function liveView<T extends object>(pick: (context: BuildContext) => T): T {
  const now = () => pick(buildContext());
  return new Proxy({} as T, {
    get: (_, name) => Reflect.get(now(), name),
    has: (_, name) => name in now(),
    ownKeys: () => Reflect.ownKeys(now()),
    getOwnPropertyDescriptor: (_, name) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(now(), name);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
