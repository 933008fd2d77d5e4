/**
 * Reference previews: hovering over, focusing or tapping a citation marker
 * `[n]` shows its entry from the References list in a tooltip, without leaving
 * the text. Escape or a tap elsewhere closes it. Without this script each
 * marker is still a plain link to its entry.
 */
const TOOLTIP_ID = 'reference-tooltip';
const HIDE_DELAY_MS = 250;

const markers = [...document.querySelectorAll<HTMLAnchorElement>('a[data-reference]')];
let tooltip: HTMLDivElement | undefined;
let owner: HTMLAnchorElement | undefined;
let hideTimer: number | undefined;
/** Set when a touch on a marker starts: whether the coming click previews (true) or follows the link. */
let tapPreviews: boolean | undefined;

function tooltipElement(): HTMLDivElement {
  if (tooltip) return tooltip;
  const element = document.createElement('div');
  element.id = TOOLTIP_ID;
  element.className = 'reference-tooltip';
  element.setAttribute('role', 'tooltip');
  element.hidden = true;
  element.addEventListener('mouseenter', () => window.clearTimeout(hideTimer));
  element.addEventListener('mouseleave', () => scheduleHide());
  document.body.append(element);
  tooltip = element;
  return element;
}

function show(marker: HTMLAnchorElement) {
  const text = document.getElementById(marker.dataset.reference ?? '')?.querySelector('.reference-text');
  if (!text) return;
  window.clearTimeout(hideTimer);
  if (owner && owner !== marker) owner.removeAttribute('aria-describedby');
  const element = tooltipElement();
  element.innerHTML = text.innerHTML;
  element.hidden = false;
  owner = marker;
  marker.setAttribute('aria-describedby', TOOLTIP_ID);
  place(marker, element);
}

function place(marker: HTMLElement, element: HTMLElement) {
  const box = marker.getBoundingClientRect();
  const width = Math.min(element.offsetWidth, document.documentElement.clientWidth - 16);
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  const below = box.bottom + 6;
  const fitsBelow = below + element.offsetHeight < window.innerHeight;
  const top = fitsBelow ? below : box.top - element.offsetHeight - 6;
  element.style.left = `${left + window.scrollX}px`;
  element.style.top = `${Math.max(0, top) + window.scrollY}px`;
}

function hide() {
  window.clearTimeout(hideTimer);
  if (tooltip) tooltip.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = undefined;
}

function scheduleHide() {
  window.clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
}

for (const marker of markers) {
  marker.addEventListener('mouseenter', () => show(marker));
  marker.addEventListener('mouseleave', () => scheduleHide());
  marker.addEventListener('focus', () => show(marker));
  marker.addEventListener('blur', () => scheduleHide());
  // A tap also focuses the marker, which shows the preview before the click arrives:
  // decide at the start of the touch whether this tap previews or follows the link.
  const armTap = () => {
    tapPreviews = owner !== marker || !tooltip || tooltip.hidden !== false;
  };
  marker.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'touch') armTap();
  });
  marker.addEventListener('touchstart', armTap, { passive: true });
  marker.addEventListener('click', (event) => {
    const touched = (event instanceof PointerEvent && event.pointerType === 'touch') || tapPreviews !== undefined;
    // On a touch screen the first tap previews; a second tap on the same marker follows the link.
    if (touched && tapPreviews) {
      event.preventDefault();
      show(marker);
    }
    tapPreviews = undefined;
  });
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && owner) hide();
});
document.addEventListener('pointerdown', (event) => {
  const target = event.target instanceof Node ? event.target : null;
  if (owner && target && !owner.contains(target) && !tooltip?.contains(target)) hide();
});
