/**
 * The interface strings for pages and components: `const t = ui()` gives the translator of the wiki's language
 * (src/shared/ui-strings.ts), made once per reading of the wiki rather than once per component.
 */
import config from 'virtual:wiki/config';
import { translator, type Translator } from '../shared/ui-strings.ts';

let made: { strings: Record<string, string>; t: Translator } | undefined;

export function ui(): Translator {
  const strings = config.strings;
  if (made?.strings !== strings) made = { strings, t: translator(strings, config.language) };
  return made.t;
}
