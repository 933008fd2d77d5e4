import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { idFromPath } from './lib/ids.ts';
import { articleSchema } from './lib/schema.ts';
import { readSettings } from './lib/settings.ts';

const { contentDir } = readSettings();

/** Every `.mdx` file of the content folder; its path is its page id (`hardware/ascend_910b.mdx` → `hardware:ascend_910b`). */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: contentDir, generateId: ({ entry }) => idFromPath(entry) || entry }),
  schema: articleSchema,
});

export const collections = { articles };
