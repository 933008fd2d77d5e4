/** Random article: replace this page with a random one of the prebuilt list of article URLs. */

/** One of `urls`, chosen with `random()` in [0, 1); undefined for an empty list. */
export function pickRandom<T>(items: readonly T[], random: () => number = Math.random): T | undefined {
  return items[Math.floor(random() * items.length)];
}

export function openRandomArticle(): void {
  const holder = document.getElementById('random-status');
  let urls: unknown = [];
  try {
    urls = JSON.parse(holder?.dataset['urls'] ?? '[]');
  } catch {
    urls = [];
  }
  const url = Array.isArray(urls) ? pickRandom(urls.filter((u): u is string => typeof u === 'string')) : undefined;
  // replace(): the Back button returns to where the reader was, not to this page.
  if (url) location.replace(url);
}
