/**
 * Where a build's time goes, from a V8 CPU profile (`node --cpu-prof`, or
 * `npm run bench -- --cpu-prof`): self time by package and the top functions.
 *
 *   node bench/profile-summary.ts <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/@scope/name/…` → `@scope/name`; our own files by folder; V8's own by name. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'native'})`;
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const parts = path.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
  }
  if (path.startsWith('node:')) return 'node (built-in)';
  const src = /\/(src\/[^/]+\/[^/?]+)/.exec(path);
  if (src?.[1]) return src[1];
  return path.includes('/.astro/') || path.includes('/dist/') ? 'built site chunks' : path.split('/').slice(-2).join('/');
}

/** Stages of the build worth timing as a whole: a package or a function, with everything it calls. */
const STAGES: Array<{ name: string; test: (pkg: string, fn: string) => boolean }> = [
  { name: 'MDX compile (@mdx-js/mdx process, all plugins)', test: (pkg, fn) => pkg === '@mdx-js/mdx' && fn === 'process' },
  { name: 'markdown parse (mdast-util-from-markdown)', test: (pkg, fn) => pkg === 'mdast-util-from-markdown' && fn === 'fromMarkdown' },
  { name: 'smartypants (retext)', test: (pkg) => pkg === 'remark-smartypants' },
  { name: 'rehype-raw (hast-util-raw)', test: (pkg, fn) => pkg === 'hast-util-raw' && fn === 'raw' },
  { name: 'Prism', test: (pkg) => pkg === 'prismjs' || pkg === 'refractor' },
  { name: 'Shiki', test: (pkg) => pkg === 'shiki' || pkg.startsWith('@shikijs') },
  { name: 'rolldown (bundling)', test: (pkg) => pkg === 'rolldown' },
  { name: 'Astro content layer (glob loader)', test: (pkg, fn) => pkg === 'astro' && fn === 'syncData' },
  { name: 'Astro page generation', test: (pkg, fn) => pkg === 'astro' && fn === 'generatePages' },
  { name: 'Pagefind', test: (pkg) => pkg === 'pagefind' },
  { name: 'zod', test: (pkg) => pkg === 'zod' },
  { name: 'yaml', test: (pkg) => pkg === 'yaml' },
];

export interface ProfileSummary {
  totalMs: number;
  /** Time with the function on the stack (self and callees), for our own files and the plugins and stages named in `STAGES`. */
  inclusive: Array<{ name: string; ms: number }>;
  byPackage: Array<{ name: string; ms: number; share: number }>;
  topFunctions: Array<{ name: string; where: string; ms: number }>;
}

export function summarize(profile: Profile, top = 25): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, { name: string; where: string; ms: number }>();
  for (const [id, ms] of self) {
    const node = nodes.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = packageOf(url, functionName);
    byPackage.set(name, (byPackage.get(name) ?? 0) + ms);
    const key = `${functionName}@${url}:${lineNumber}`;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', where: `${name}:${lineNumber + 1}`, ms: 0 };
    entry.ms += ms;
    byFunction.set(key, entry);
  }
  // Inclusive time: for each sample, every distinct frame of interest on its stack counts once.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const inclusive = new Map<string, number>();
  const labelCache = new Map<number, string | undefined>();
  const label = (node: ProfileNode): string | undefined => {
    if (labelCache.has(node.id)) return labelCache.get(node.id);
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = packageOf(url, functionName);
    const stage = STAGES.find((st) => st.test(pkg, functionName));
    const out = pkg.startsWith('src/') ? `${pkg} ${functionName || '(anonymous)'}:${lineNumber + 1}` : stage?.name;
    labelCache.set(node.id, out);
    return out;
  };
  profile.samples.forEach((leaf, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const node = nodes.get(id);
      const name = node && label(node);
      if (name && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
    }
  });
  return {
    totalMs,
    inclusive: [...inclusive]
      .map(([name, ms]) => ({ name, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    byPackage: [...byPackage]
      .map(([name, ms]) => ({ name, ms, share: ms / totalMs }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    topFunctions: [...byFunction.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/profile-summary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  const summary = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(process.argv[3] ?? 25));
  console.log(`total ${(summary.totalMs / 1000).toFixed(1)} s of main-thread time\n\n| package (self time) | s | share |\n|---|---|---|`);
  for (const p of summary.byPackage) console.log(`| ${p.name} | ${(p.ms / 1000).toFixed(2)} | ${(p.share * 100).toFixed(1)}% |`);
  console.log('\n| stage or own function (inclusive) | s |\n|---|---|');
  for (const f of summary.inclusive) console.log(`| ${f.name} | ${(f.ms / 1000).toFixed(2)} |`);
  console.log('\n| function | where | s |\n|---|---|---|');
  for (const f of summary.topFunctions) console.log(`| ${f.name} | ${f.where} | ${(f.ms / 1000).toFixed(2)} |`);
}
