/**
 * Link previews: hovering over or focusing a wiki link shows the target's
 * title, description (or lead) and first image in a popup, read from the
 * small prebuilt `/previews/<id>.json`, never from the whole page. A red
 * link says the page does not exist yet. Touch taps do not open previews:
 * a tap follows the link, as readers expect.
 */
import { idFromUrl, previewUrlForId, type PageId } from '../model/ids.ts';
import { uiStrings } from './ui-strings.ts';

interface Preview {
  title: string;
  description: string;
  image?: { src: string; alt: string };
}

const SHOW_DELAY_MS = 350;
const HIDE_DELAY_MS = 250;

const cache = new Map<PageId, Promise<Preview | undefined>>();

function isPreview(value: unknown): value is Preview {
  return typeof value === 'object' && value !== null && 'title' in value && typeof value.title === 'string' && 'description' in value;
}

function loadPreview(id: PageId): Promise<Preview | undefined> {
  let pending = cache.get(id);
  if (!pending) {
    pending = fetch(previewUrlForId(id))
      .then((response) => (response.ok ? response.json() : undefined))
      .then((data: unknown) => (isPreview(data) ? data : undefined))
      .catch(() => undefined);
    cache.set(id, pending);
  }
  return pending;
}

/** The article a wiki link leads to, '' for a link within the page or elsewhere. */
function targetOf(link: HTMLAnchorElement): PageId | '' {
  const url = new URL(link.href, location.href);
  return url.origin === location.origin ? idFromUrl(url.pathname) : '';
}

function fill(popup: HTMLElement, preview: Preview) {
  const parts: HTMLElement[] = [];
  if (preview.image) {
    const image = document.createElement('img');
    image.src = preview.image.src;
    image.alt = preview.image.alt;
    image.className = 'link-preview-image';
    parts.push(image);
  }
  const title = document.createElement('strong');
  title.className = 'link-preview-title';
  title.textContent = preview.title;
  parts.push(title);
  if (preview.description) {
    const text = document.createElement('p');
    text.textContent = preview.description;
    parts.push(text);
  }
  popup.replaceChildren(...parts);
}

function fillMissing(popup: HTMLElement, link: HTMLAnchorElement) {
  const title = document.createElement('strong');
  title.className = 'link-preview-title';
  title.textContent = link.textContent ?? '';
  const text = document.createElement('p');
  text.textContent = uiStrings()('preview.missing');
  popup.replaceChildren(title, text);
}

function place(popup: HTMLElement, link: HTMLAnchorElement) {
  const box = link.getBoundingClientRect();
  const width = Math.min(320, document.documentElement.clientWidth - 16);
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  const below = box.bottom + 8;
  const fitsBelow = below + popup.offsetHeight < window.innerHeight;
  popup.style.left = `${left + window.scrollX}px`;
  popup.style.top = `${(fitsBelow ? below : Math.max(8, box.top - popup.offsetHeight - 8)) + window.scrollY}px`;
  popup.style.width = `${width}px`;
}

export function setUpLinkPreviews(popup: HTMLElement): void {
  let current: HTMLAnchorElement | undefined;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;
  let lastPointer = 'mouse';

  const hide = () => {
    window.clearTimeout(showTimer);
    current?.removeAttribute('aria-describedby');
    current = undefined;
    popup.hidden = true;
  };

  const show = async (link: HTMLAnchorElement) => {
    window.clearTimeout(hideTimer);
    if (current === link && !popup.hidden) return;
    current = link;
    if (link.classList.contains('new')) {
      fillMissing(popup, link);
    } else {
      const id = targetOf(link);
      const preview = id ? await loadPreview(id) : undefined;
      if (current !== link || !preview) return;
      fill(popup, preview);
    }
    popup.hidden = false;
    link.setAttribute('aria-describedby', popup.id);
    place(popup, link);
  };

  const wikiLinkOf = (target: EventTarget | null) => (target instanceof Element ? (target.closest<HTMLAnchorElement>('a.wikilink') ?? undefined) : undefined);

  document.addEventListener('pointerdown', (event) => {
    lastPointer = event.pointerType;
  });
  document.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch') return;
    const link = wikiLinkOf(event.target);
    if (link) {
      window.clearTimeout(showTimer);
      showTimer = window.setTimeout(() => void show(link), SHOW_DELAY_MS);
    } else if (event.target instanceof Node && popup.contains(event.target)) {
      window.clearTimeout(hideTimer);
    }
  });
  document.addEventListener('pointerout', (event) => {
    if (event.pointerType === 'touch') return;
    if (wikiLinkOf(event.target) || (event.target instanceof Node && popup.contains(event.target))) {
      window.clearTimeout(showTimer);
      hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
    }
  });
  document.addEventListener('focusin', (event) => {
    const link = wikiLinkOf(event.target);
    // A tap focuses the link too; only keyboard (or mouse) focus opens a preview.
    if (link && lastPointer !== 'touch') void show(link);
  });
  document.addEventListener('focusout', (event) => {
    if (wikiLinkOf(event.target)) hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popup.hidden) hide();
  });
  document.addEventListener(
    'keydown',
    () => {
      lastPointer = 'keyboard';
    },
    { capture: true },
  );
}
