/**
 * Draws results as elements, shared by the header box and the search page.
 * Text goes in as text nodes; matched words become `<mark>`.
 */
import type { ExcerptPart, ResultView } from './search-results.ts';
import type { TitleMatch } from '../shared/title-index.ts';
import type { Translator } from '../shared/translate.ts';
import type { UiKey } from '../shared/ui-strings.ts';

/**
 * Adds a stylesheet that comes with lazily loaded search code (imported with
 * `?url`), as a file: the Content-Security-Policy allows the site's own files
 * but no inline `<style>` that was not hashed at build time.
 */
export function addStylesheet(href: string): Promise<void> {
  const existing = document.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`);
  if (existing) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
  document.head.append(link);
  return loaded;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

export function excerptElement(parts: readonly ExcerptPart[]): HTMLElement {
  const p = element('p', 'search-excerpt');
  for (const part of parts) p.append(part.marked ? element('mark', '', part.text) : document.createTextNode(part.text));
  return p;
}

/**
 * An option of the header box's listbox: the link itself carries `role="option"` (a link may take that
 * role), so that nothing interactive is nested in an option and a middle click still opens a new tab; its
 * list item is presentational. `aria-selected` and the `id` that `aria-activedescendant` names are on the link.
 */
export function optionLink(id: string, className: string, href: string): { item: HTMLElement; link: HTMLAnchorElement } {
  const item = element('li', `search-option ${className}`.trim());
  item.setAttribute('role', 'none');
  const link = element('a', 'search-option-link');
  link.id = id;
  link.setAttribute('role', 'option');
  link.setAttribute('aria-selected', 'false');
  link.href = href;
  link.tabIndex = -1;
  item.append(link);
  return { item, link };
}

/** One result in the header box: title, section and excerpt. */
export function optionElement(view: ResultView, id: string): { item: HTMLElement; link: HTMLAnchorElement } {
  const option = optionLink(id, '', view.url);
  const section = view.sections[0];
  option.link.append(element('span', 'search-title', view.title));
  if (section?.heading) option.link.append(element('span', 'search-section', section.heading));
  if (section) option.link.append(excerptElement(section.excerpt));
  return option;
}

/**
 * A sentence of the interface with an element in the place of its placeholder `slot`, wherever the language puts
 * it: the words around it as text, or each in an element made by `words`.
 */
function sentence(t: Translator, key: UiKey, slot: string, inPlace: Node, words: (text: string) => Node | string = (text) => text): Array<Node | string> {
  return t.parts(key).map((part) => (typeof part === 'string' ? words(part) : part.slot === slot ? inPlace : `{${part.slot}}`));
}

/** "Go to Nvidia": an article the query names, or whose name starts with it; an alias that matched is shown after the title. */
export function goToElement(match: TitleMatch, id: string, t: Translator): { item: HTMLElement; link: HTMLAnchorElement } {
  const option = optionLink(id, 'search-option-go', match.url);
  option.link.append(...sentence(t, 'search.goTo', 'title', element('span', 'search-title', match.title), (text) => element('span', 'search-kind', text)));
  if (match.via) option.link.append(element('span', 'search-via', ` — ${match.via.replace(/[_:]+/g, ' ')}`));
  return option;
}

/**
 * "Did you mean nvidia?", or "Showing results for robotics" when the typed words found nothing and the
 * results shown are the correction's: `href` leads to the search page for the correction, which the box
 * searches in place.
 */
export function correctionElement(
  correction: string,
  href: string,
  id: string,
  instead: boolean,
  t: Translator,
): { item: HTMLElement; link: HTMLAnchorElement } {
  const option = optionLink(id, 'search-option-correction', href);
  option.link.append(...sentence(t, instead ? 'search.showingResultsFor' : 'search.didYouMean', 'correction', element('em', 'search-correction', correction)));
  return option;
}

/** The same on the search page: a link to the search for the correction. */
export function correctionLine(correction: string, href: string, instead: boolean, t: Translator): HTMLElement {
  const p = element('p', 'search-did-you-mean');
  const link = element('a', 'search-correction', correction);
  link.href = href;
  p.append(...sentence(t, instead ? 'search.noMatchShowing' : 'search.didYouMean', 'correction', link));
  return p;
}

/** One result on the search page: title, description, tags, and up to a few matching sections. */
export function resultElement(view: ResultView): HTMLElement {
  const li = element('li', 'search-result');
  const heading = element('h2', 'search-title');
  const link = element('a', '', view.title);
  link.href = view.url;
  heading.append(link);
  li.append(heading);
  if (view.description) li.append(element('p', 'search-description', view.description));
  if (view.sections.length > 0) {
    const sections = element('ul', 'search-sections');
    for (const section of view.sections) {
      const item = element('li', '');
      if (section.heading) {
        const sectionLink = element('a', 'search-section', section.heading);
        sectionLink.href = section.url;
        item.append(sectionLink);
      }
      item.append(excerptElement(section.excerpt));
      sections.append(item);
    }
    li.append(sections);
  }
  if (view.tags.length > 0) li.append(element('p', 'search-tags', view.tags.join(' · ')));
  return li;
}
