import { defineCollection } from 'astro:content';
import { articleLoader } from './build/registry.ts';
import { articleSchema } from './model/schema.ts';

/**
 * Every `.mdx` file of the content folder; its path is its page id (`hardware/ascend_910b.mdx` → `hardware:ascend_910b`).
 * The wiki integration has read and checked them all before Astro loads them (src/astro/article-loader.ts), and
 * hands over the loader itself (src/build/registry.ts).
 */
const articles = defineCollection({
  loader: articleLoader(),
  schema: articleSchema,
});

export const collections = { articles };
