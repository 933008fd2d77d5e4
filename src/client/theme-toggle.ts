/**
 * The theme toggle (shown only when JavaScript runs; the page reads fine
 * without it) flips between light and dark and remembers the choice.
 */
import { effectiveTheme, otherTheme, parseTheme, THEME_KEY, type Theme } from './theme.ts';

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function storedTheme(): Theme | undefined {
  try {
    return parseTheme(localStorage.getItem(THEME_KEY));
  } catch {
    return undefined; // storage blocked: follow the system
  }
}

function show(button: HTMLButtonElement, theme: Theme) {
  document.documentElement.dataset['theme'] = theme;
  button.setAttribute('aria-pressed', String(theme === 'dark'));
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button.theme-toggle')) {
  show(button, effectiveTheme(storedTheme(), systemDark.matches));
  button.addEventListener('click', () => {
    const next = otherTheme(effectiveTheme(storedTheme(), systemDark.matches));
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // storage blocked: the choice lasts for this page only
    }
    show(button, next);
  });
  systemDark.addEventListener('change', () => show(button, effectiveTheme(storedTheme(), systemDark.matches)));
}
