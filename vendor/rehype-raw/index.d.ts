import type { Root } from 'hast';
import type { Options } from 'hast-util-raw';
import type { VFile } from 'vfile';

export type { Options };

/** rehype-raw's plugin: parses raw HTML in the tree, and leaves a tree without any as it is (index.js). */
export default function rehypeRaw(options?: Options | null): (tree: Root, file: VFile) => Root;
