/**
 * Copy buttons (`<button class="copy-button" data-copy="<id>" hidden>`): shown only when scripts run and the
 * clipboard can be written; a click copies the text of the element named, and the button says so for a moment
 * (its `data-copied` text, announced through a live region).
 */
const COPIED_FOR_MS = 2000;

for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy-button[data-copy]')) {
  if (!navigator.clipboard) continue;
  const label = button.textContent ?? '';
  button.hidden = false;
  button.setAttribute('aria-live', 'polite');
  button.addEventListener('click', () => {
    const source = document.getElementById(button.dataset['copy'] ?? '');
    if (!source) return;
    void navigator.clipboard.writeText(source.textContent ?? '').then(() => {
      button.textContent = button.dataset['copied'] ?? label;
      window.setTimeout(() => (button.textContent = label), COPIED_FOR_MS);
    });
  });
}
