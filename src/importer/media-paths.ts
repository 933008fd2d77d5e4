/**
 * Where an article finds a media file it uses, and what a player is told the file is.
 */

/** The path from an article's folder (`wiki`, '' at the top) to a file below the content folder, `./` first. */
export function relativePath(fromFolder: string, to: string): string {
  const from = fromFolder === '' ? [] : fromFolder.split('/');
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common += 1;
  const up = from.length - common;
  return `${up === 0 ? './' : '../'.repeat(up)}${target.slice(common).join('/')}`;
}

export function mimeType(format: string): string {
  const types: Readonly<Record<string, string>> = {
    webm: 'video/webm',
    ogv: 'video/ogg',
    mp4: 'video/mp4',
    ogg: 'audio/ogg',
    mp3: 'audio/mpeg',
    wav: 'audio/wav',
  };
  return types[format] ?? 'application/octet-stream';
}
