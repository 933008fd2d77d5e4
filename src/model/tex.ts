/**
 * TeX formulas are checked when the article is read, so that a typo stops the build with the file, the
 * line and TeX's own words, before anything is rendered. The check is temml's reading of the formula,
 * the same library that draws it (src/render/math/), so what passes here renders. Pure.
 */
import type { Root, RootContent } from 'mdast';
import { createRequire } from 'node:module';
import type Temml from 'temml';
import type { Diagnostic } from './diagnostics.ts';

let loaded: typeof Temml | undefined;
/**
 * temml, loaded by the first formula a process meets (here or in src/render/math/): a wiki without formulas
 * never loads it. Required, not imported, so that reading a formula stays synchronous.
 */
export function temml(): typeof Temml {
  return (loaded ??= createRequire(import.meta.url)('temml') as typeof Temml);
}

/** Options shared by the check and the drawing: no `\href` or `\html…` (an article cannot link or style through TeX). */
export const TEX_OPTIONS = { throwOnError: true, trust: false, strict: false } as const;

/** Formulas already checked in this process: articles repeat the same ones ($N$, $C \approx 6ND$). */
const checked = new Map<string, string | undefined>();
const CHECKED_MAX = 20_000;

/** What TeX says is wrong with a formula, without temml's underlining, or undefined when it reads. */
export function texProblem(tex: string, display: boolean): string | undefined {
  const key = `${display ? 'D' : 'I'}${tex}`;
  if (checked.has(key)) return checked.get(key);
  const problem = readTex(tex, display);
  if (checked.size >= CHECKED_MAX) checked.clear();
  checked.set(key, problem);
  return problem;
}

function readTex(tex: string, display: boolean): string | undefined {
  try {
    // The tree only: its markup is not needed to know that it reads.
    temml().__renderToMathMLTree(tex, { ...TEX_OPTIONS, displayMode: display });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // "Undefined control sequence: \fraac at position 1: \̲f̲r̲a̲a̲c̲{a}" → "Undefined control sequence: \fraac (at character 1)"
    return message
      .replace(/^Temml parse error:\s*/i, '')
      .replace(/\s+at position (\d+):[\s\S]*$/, ' (at character $1)')
      .replace(/\u0332/g, '')
      .trim();
  }
}

/** Every formula of the tree that TeX cannot read, as an error with its line. */
export function texDiagnostics(tree: Root, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'inlineMath' || node.type === 'math') {
        const problem = texProblem(node.value, node.type === 'math');
        if (problem) {
          const written = node.type === 'math' ? `$$${node.value.split('\n')[0]}…$$` : `$${node.value}$`;
          diagnostics.push({
            severity: 'error',
            file,
            line: node.position?.start.line ?? 1,
            ...(node.position ? { column: node.position.start.column } : {}),
            message: `TeX error in \`${written}\`: ${problem}: correct the formula, or write \`\\$\` for a dollar sign that is not math`,
          });
        }
      } else if ('children' in node) {
        walk(node.children as RootContent[]);
      }
    }
  };
  walk(tree.children);
  return diagnostics;
}
