/**
 * Enhances the table of contents: it stays open beside the text on wide
 * screens, and marks the section being read with `aria-current`.
 */
import { currentSectionIndex } from './toc-current.ts';

/** Same width as the two-column layout in `layout.css`. */
const WIDE = window.matchMedia('(min-width: 64rem)');

const toc = document.querySelector<HTMLElement>('.toc');
const details = toc?.querySelector('details');
const links = [...(toc?.querySelectorAll<HTMLAnchorElement>('a[href^="#"]') ?? [])];
const targets = links.flatMap((link) => {
  const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  return heading ? [{ link, heading }] : [];
});

function syncOpen() {
  if (details && WIDE.matches) details.open = true;
}

let scheduled = false;
function markCurrent() {
  scheduled = false;
  const line = window.innerHeight * 0.25;
  const current = currentSectionIndex(
    targets.map(({ heading }) => heading.getBoundingClientRect().top),
    line,
  );
  targets.forEach(({ link }, index) => {
    if (index === current) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  });
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(markCurrent);
}

if (targets.length > 0) {
  syncOpen();
  WIDE.addEventListener('change', syncOpen);
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule, { passive: true });
  markCurrent();
}
