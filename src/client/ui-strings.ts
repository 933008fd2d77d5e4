/**
 * The interface strings browser scripts need, in the wiki's language: the layout writes them on `<body>` as
 * `data-ui-strings` (the `search.` and `preview.` keys of src/shared/ui-strings/), and `<html lang>` names
 * the language. A script asks once: `const t = uiStrings()`.
 */
import { translator, type Translator } from '../shared/translate.ts';

let made: Translator | undefined;

export function uiStrings(): Translator {
  if (made) return made;
  let table: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(document.body.dataset['uiStrings'] ?? '{}');
    if (typeof parsed === 'object' && parsed !== null) table = parsed as Record<string, string>;
  } catch {
    // A page without the attribute (or a broken one) shows the keys, which a test would catch.
  }
  made = translator(table, document.documentElement.lang || 'en');
  return made;
}
