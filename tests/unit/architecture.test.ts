/**
 * The architecture as ARCHITECTURE.md describes it, checked: each layer of src/ imports only the layers it may,
 * the model stays pure, and the table of caches lists exactly the caches of src/build/caches.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { CACHES } from '../../src/build/caches.ts';
import { repoRoot } from '../helpers/build-site.ts';

const src = join(repoRoot, 'src');

/** Layer → the layers its modules may import (besides their own). */
const MAY_IMPORT: Record<string, string[]> = {
  model: [],
  'content-folder': ['model', 'build'],
  build: ['model', 'content-folder', 'render'],
  render: ['model', 'build'],
  astro: ['model', 'content-folder', 'build', 'render', 'postbuild', 'shared'],
  postbuild: ['model', 'content-folder', 'build', 'render', 'shared'],
  shared: ['model'],
  client: ['shared', 'model', 'styles'],
  importer: ['model'],
};

/**
 * The interface's words (src/shared/ui-strings.ts, its tables, and translate.ts): pure tables and lookups that
 * import nothing outside themselves, read by every layer that writes something a reader sees.
 */
const INTERFACE_STRINGS = ['shared/ui-strings.ts', 'shared/translate.ts'];

/** Packages and Node modules that do I/O or belong to the machinery: the model may not use them. */
const NOT_IN_MODEL = /^(node:(fs|fs\/promises|child_process|worker_threads|os|net|http)|astro(?!\/zod)|vite)/;

function modulesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modulesOf(path);
    return /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

beforeAll(async () => {
  await init;
});

describe('the layers of src/', () => {
  for (const [layer, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${layer}/ imports only ${allowed.length ? allowed.join(', ') : 'itself'}${layer === 'model' ? ', and does no I/O' : ''}`, () => {
      const breaches: string[] = [];
      for (const file of modulesOf(join(src, layer))) {
        const [imports] = parse(readFileSync(file, 'utf8'));
        for (const { n: specifier } of imports) {
          if (!specifier) continue;
          const where = relative(src, file);
          if (specifier.startsWith('.')) {
            const path = relative(src, join(file, '..', specifier));
            const target = path.split('/')[0] ?? '';
            if (target !== layer && !allowed.includes(target) && !INTERFACE_STRINGS.includes(path)) breaches.push(`${where} imports ${specifier}`);
          } else if (layer === 'model' && NOT_IN_MODEL.test(specifier)) {
            breaches.push(`${where} imports ${specifier}`);
          }
        }
      }
      expect(breaches).toEqual([]);
    });
  }

  it('keeps the interface strings free of imports, so that every layer may read them', () => {
    for (const module of INTERFACE_STRINGS) {
      const [imports] = parse(readFileSync(join(src, module), 'utf8'));
      const outside = imports.map(({ n }) => n ?? '').filter((specifier) => !specifier.startsWith('./'));
      expect(outside, module).toEqual([]);
    }
  });

  it('has no folder the table above does not know', () => {
    const astroConventions = ['pages', 'components', 'layouts', 'styles'];
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    expect(folders.filter((name) => !(name in MAY_IMPORT) && !astroConventions.includes(name))).toEqual([]);
  });
});

describe('ARCHITECTURE.md', () => {
  const text = readFileSync(join(repoRoot, 'ARCHITECTURE.md'), 'utf8');

  it('lists every cache of src/build/caches.ts with its path, and no other', () => {
    const table = text.slice(text.indexOf('## Caches'));
    const rows = [...table.matchAll(/^\| (\w+) \| `([^`]+)` \|/gm)].map(([, name, path]) => [name, path]);
    expect(rows).toEqual(
      Object.entries(CACHES).map(([name, cache]) => [
        name,
        cache.path === 'wiki-html' ? 'wiki-html/' : cache.path === 'wiki-pages' ? 'wiki-pages/' : cache.path,
      ]),
    );
  });

  it('names only files that exist', () => {
    const named = [...text.matchAll(/`((?:src|cli|bench|tests)\/[\w./-]+\.(?:ts|mjs|astro))`/g)].map(([, path]) => path ?? '');
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((path) => !statExists(join(repoRoot, path)))).toEqual([]);
  });
});

describe('paths named in code and documents', () => {
  it('all exist: no comment or manual points at a file that moved or went', () => {
    const roots = ['src', 'cli', 'tests/unit', 'tests/build', 'tests/browser', 'tests/helpers', 'tests/importer'];
    const files = [
      ...roots.flatMap((dir) => textFiles(join(repoRoot, dir))),
      ...['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md', 'vendor/README.md'].map((name) => join(repoRoot, name)),
    ];
    const missing = new Set<string>();
    for (const file of files) {
      for (const [path] of readFileSync(file, 'utf8').matchAll(/\b(?:src|cli)\/[\w./[\]-]+\.(?:ts|mjs|astro|css|json)\b/g)) {
        if (!statExists(join(repoRoot, path))) missing.add(`${relative(repoRoot, file)}: ${path}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' || name.startsWith('.') ? [] : textFiles(path);
    return /\.(ts|mjs|astro|css|md)$/.test(name) ? [path] : [];
  });
}

function statExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
