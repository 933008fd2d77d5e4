/**
 * Keep text that DokuWiki shows as text from turning into links. GFM links bare `www.…` and `http://…`
 * addresses and e-mail addresses in any text (mdast-util-gfm-autolink-literal, after escapes are read, so a
 * backslash cannot stop it), while DokuWiki links only what it recognises itself: the importer has already
 * made those links, so any other address is text, in `<nowiki>`, `%%…%%` or plain (`andi@example.org`).
 *
 * The guard splits such text with an empty `<span />` where GFM's patterns would start a link (after the first
 * letter of `http`/`www`, after an e-mail's `@`): the reader sees the same characters, and no link.
 */
import type { Parent, PhrasingContent, Root } from 'mdast';

/** mdast-util-gfm-autolink-literal's patterns, as far as they decide where a link starts. */
const URL_START = /(?<![\da-z])(?:https?:\/\/|www(?=\.))[\w-]*\.[\w\-.]*/i;
const EMAIL = /[\w+\-.]+@[\w-]+(?:\.[\w-]+)+/;

/** Parents whose text GFM does not link, or that hold no text. */
const IGNORED = new Set(['link', 'linkReference', 'inlineCode', 'code']);

function breakPoint(text: string): number {
  const url = URL_START.exec(text);
  const email = EMAIL.exec(text);
  const urlAt = url === null ? Infinity : url.index + 1;
  const emailAt = email === null ? Infinity : email.index + email[0].indexOf('@') + 1;
  return Math.min(urlAt, emailAt);
}

/** A text as pieces no GFM autolink can be read from. */
export function unlinkable(value: string): PhrasingContent[] {
  const pieces: PhrasingContent[] = [];
  let rest = value;
  for (let at = breakPoint(rest); at !== Infinity; at = breakPoint(rest)) {
    pieces.push({ type: 'text', value: rest.slice(0, at) }, { type: 'mdxJsxTextElement', name: 'span', attributes: [], children: [] });
    rest = rest.slice(at);
  }
  if (rest !== '') pieces.push({ type: 'text', value: rest });
  return pieces;
}

/** Guard every text of the tree, adjacent texts joined first so that no address is read across them. */
export function guardAutolinks(root: Root): void {
  const visit = (parent: Parent): void => {
    const children: PhrasingContent[] = [];
    for (const child of parent.children as PhrasingContent[]) {
      const previous = children.at(-1);
      if (child.type === 'text' && previous?.type === 'text') previous.value += child.value;
      else children.push(child.type === 'text' ? { ...child } : child);
    }
    parent.children = children.flatMap((child) => (child.type === 'text' ? unlinkable(child.value) : [child]));
    for (const child of parent.children) {
      if ('children' in child && !IGNORED.has(child.type)) visit(child);
    }
  };
  visit(root);
}
