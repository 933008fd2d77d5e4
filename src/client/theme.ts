/**
 * Light and dark themes: the reader's stored choice wins, otherwise the
 * system setting (`prefers-color-scheme`). The choice is written to
 * `<html data-theme>`, which the stylesheet reads. The same rules run before
 * first paint in `ThemeInit.astro`'s inline script, so keep the two in step.
 */
export type Theme = 'light' | 'dark';

/** The localStorage key that keeps the reader's choice. */
export const THEME_KEY = 'theme';

/** A stored value, if it names a theme; anything else (null, junk) is no choice. */
export function parseTheme(value: string | null | undefined): Theme | undefined {
  return value === 'light' || value === 'dark' ? value : undefined;
}

/** The theme shown: the stored choice if any, else the system's. */
export function effectiveTheme(stored: Theme | undefined, systemPrefersDark: boolean): Theme {
  return stored ?? (systemPrefersDark ? 'dark' : 'light');
}

/** The theme the toggle switches to. */
export function otherTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark';
}
