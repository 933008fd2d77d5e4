// `defineCollection` from its own module, not from `astro:content`: that module pulls Astro's whole page runtime
// (some 70 modules) through Vite's module runner just to load this file, 0.3-0.4 s before the articles are read.
import { defineCollection } from 'astro/content/config';
import { articleLoader } from './build/registry.ts';
import { articleSchema } from './model/schema.ts';

/**
 * Every `.mdx` file of the content folder; its path is its page id (`hardware/ascend_910b.mdx` → `hardware:ascend_910b`).
 * The wiki integration has read and checked them all before Astro loads them (src/astro/article-loader.ts).
 *
 * A build takes the loader the integration registered (src/build/registry.ts): Vite then does not compile the loader
 * and the rendering pipeline again for its module runner (0.6 s of every build). `astro dev` loads it here, through
 * Vite, as it always has: the server's reloads after an edit are timed around that module graph.
 */
const loader = import.meta.env.DEV ? (await import('./astro/article-loader.ts')).articleLoader() : articleLoader();

const articles = defineCollection({ loader, schema: articleSchema });

export const collections = { articles };
