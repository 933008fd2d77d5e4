/**
 * A wiki's own interface strings: `i18n/<language>.json` in its content folder adds a language the engine does
 * not ship, or changes some words of one it does (src/shared/ui-strings.ts). Checked like the rest of the content:
 * an unknown key or a value that is not text is an error with file, line and fix; keys a new language leaves out
 * are shown in English, with a warning that lists them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostics.ts';
import { baseKey, bundledTableFor, ENGLISH_UI_STRINGS, resolveUiStrings } from '../shared/ui-strings.ts';

/** Where a wiki keeps its own strings, relative to the content folder. */
export const UI_STRINGS_FOLDER = 'i18n';

export interface WikiUiStrings {
  /** The resolved table: English, the bundled language, the wiki's own strings. */
  table: Record<string, string>;
  /** The wiki's own file, if it has one (relative to the content folder). */
  file: string | undefined;
  diagnostics: Diagnostic[];
}

/** The line of `"key"` in a JSON text, for errors. */
function lineOfKey(source: string, key: string): number {
  const at = source.indexOf(JSON.stringify(key));
  return at === -1 ? 1 : source.slice(0, at).split('\n').length;
}

/** Check a table of strings as written in `file`. Pure. */
export function checkUiStrings(source: string, file: string, language: string): { strings: Record<string, string>; diagnostics: Diagnostic[] } {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      strings: {},
      diagnostics: [{ severity: 'error', file, line: 1, message: `not valid JSON (${reason}): write one object, \`{ "article.edit": "Edit this page", … }\`` }],
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      strings: {},
      diagnostics: [{ severity: 'error', file, line: 1, message: 'must be one JSON object of strings, `{ "article.edit": "Edit this page", … }`' }],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const strings: Record<string, string> = {};
  const known = new Set(Object.keys(ENGLISH_UI_STRINGS).map(baseKey));
  for (const [key, value] of Object.entries(data)) {
    if (!known.has(baseKey(key))) {
      diagnostics.push({
        severity: 'error',
        file,
        line: lineOfKey(source, key),
        message: `unknown key \`${key}\`: the keys are those of the engine's src/shared/ui-strings/en.json; correct or remove it`,
      });
    } else if (typeof value !== 'string') {
      diagnostics.push({
        severity: 'error',
        file,
        line: lineOfKey(source, key),
        message: `\`${key}\` must be text, e.g. ${JSON.stringify(ENGLISH_UI_STRINGS[key] ?? 'Edit this page')}`,
      });
    } else {
      strings[key] = value;
    }
  }
  if (!bundledTableFor(language)) {
    const given = new Set(Object.keys(strings).map(baseKey));
    const missing = [...new Set(Object.keys(ENGLISH_UI_STRINGS).map(baseKey))].filter((key) => !given.has(key));
    if (missing.length > 0) {
      diagnostics.push({
        severity: 'warning',
        file,
        message: `${missing.length} strings are not translated and show in English: ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}; add them (src/shared/ui-strings/en.json has every key)`,
      });
    }
  }
  return { strings, diagnostics };
}

/** The interface strings of a wiki in `language`, with its own `i18n/<language>.json` (or `i18n/<base>.json`) if there is one. */
export function readUiStrings(contentDir: string, language: string): WikiUiStrings {
  const candidates = [...new Set([language, language.split('-')[0] ?? language])].map((tag) => `${UI_STRINGS_FOLDER}/${tag}.json`);
  const file = candidates.find((candidate) => existsSync(join(contentDir, candidate)));
  if (!file) {
    const diagnostics: Diagnostic[] = bundledTableFor(language)
      ? []
      : [
          {
            severity: 'warning',
            file: 'wiki.config.yaml',
            message: `the engine has no interface strings in \`${language}\`, so the interface is in English: add ${UI_STRINGS_FOLDER}/${language}.json with the strings of src/shared/ui-strings/en.json translated`,
          },
        ];
    return { table: resolveUiStrings(language), file: undefined, diagnostics };
  }
  const { strings, diagnostics } = checkUiStrings(readFileSync(join(contentDir, file), 'utf8'), file, language);
  return { table: resolveUiStrings(language, strings), file, diagnostics };
}
