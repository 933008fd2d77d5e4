/**
 * The CSL locale for the wiki's language: citation-js (inside rehype-citation) carries only `en-US`, so the
 * locales the engine ships (vendor/csl-locales/) are registered with it here, once per thread, and the
 * wiki's language is mapped to one of them (`de` → `de-DE`). A language without a shipped locale is written with
 * `en-US`'s terms.
 */
import { readFileSync } from 'node:fs';
import { Cite } from 'rehype-citation';

/** Locale files shipped in vendor/csl-locales/, by CSL locale name. */
const VENDORED_LOCALES = ['de-DE'] as const;

interface CslConfig {
  locales: { add(name: string, xml: string): void; has(name: string): boolean };
}

const config = (): CslConfig => (Cite as unknown as { plugins: { config: { get(name: string): CslConfig } } }).plugins.config.get('@csl');

let registered = false;

/** The CSL locale name for a BCP 47 language tag, its file registered with citation-js. */
export function cslLocale(language: string): string {
  if (!registered) {
    for (const name of VENDORED_LOCALES) {
      if (!config().locales.has(name))
        config().locales.add(name, readFileSync(new URL(`../../vendor/csl-locales/locales-${name}.xml`, import.meta.url), 'utf8'));
    }
    registered = true;
  }
  const wanted = language.toLowerCase();
  const base = wanted.split('-')[0] ?? wanted;
  const known = ['en-US', ...VENDORED_LOCALES];
  return known.find((name) => name.toLowerCase() === wanted) ?? known.find((name) => name.toLowerCase().split('-')[0] === base) ?? 'en-US';
}
