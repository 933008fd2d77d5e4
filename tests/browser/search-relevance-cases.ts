/**
 * The relevance suite's queries over the wiki's own content (content/): what a reader types, the article
 * that must come first, and articles that must be in the top three. Chosen on titles, aliases and topics,
 * which stay put while figures in the articles are edited.
 */
export interface RelevanceCase {
  query: string;
  kind: 'title' | 'alias' | 'misspelling' | 'topic' | 'chinese';
  /** The page id of the article that must come first. */
  first: string;
  /** Page ids that must be in the top three (the first one need not be repeated). */
  top3?: string[];
}

export const RELEVANCE_CASES: RelevanceCase[] = [
  // Titles, typed as a reader would.
  { query: 'nvidia', kind: 'title', first: 'nvidia' },
  { query: 'huawei', kind: 'title', first: 'huawei', top3: ['ascend'] },
  { query: 'cuda', kind: 'title', first: 'cuda' },
  { query: 'NVLink', kind: 'title', first: 'nvlink' },
  { query: 'flops', kind: 'title', first: 'flops' },
  { query: 'Nvidia H100', kind: 'title', first: 'h100', top3: ['h200'] },
  { query: 'nvidia h200', kind: 'title', first: 'h200', top3: ['h100'] },
  { query: 'high bandwidth memory', kind: 'title', first: 'high_bandwidth_memory' },
  { query: 'huawei ascend', kind: 'title', first: 'ascend', top3: ['huawei'] },
  { query: 'compute-optimal training', kind: 'title', first: 'compute_optimal_training' },
  { query: 'LLM training vs. inference', kind: 'title', first: 'llm_training_vs_inference' },
  { query: 'nvidia gpus', kind: 'title', first: 'nvidia_gpus' },
  { query: 'nvidia robotics', kind: 'title', first: 'nvidia_robotics' },
  { query: 'nvidia vs huawei', kind: 'title', first: 'nvidia_vs_huawei_for_ai_compute' },
  { query: 'quantization', kind: 'title', first: 'quantization' },
  { query: 'US export controls on AI chips', kind: 'title', first: 'us_export_controls_on_ai_chips' },
  // Aliases and page ids.
  { query: 'hbm', kind: 'alias', first: 'high_bandwidth_memory' },
  { query: 'HBM3e', kind: 'alias', first: 'high_bandwidth_memory', top3: ['h200'] },
  { query: 'chinchilla', kind: 'alias', first: 'compute_optimal_training' },
  { query: 'scaling laws', kind: 'alias', first: 'compute_optimal_training' },
  { query: 'nvswitch', kind: 'alias', first: 'nvlink' },
  { query: 'jetson', kind: 'alias', first: 'nvidia_robotics' },
  { query: 'CANN', kind: 'alias', first: 'ascend' },
  { query: 'ascend 910c', kind: 'alias', first: 'ascend' },
  { query: 'nvda', kind: 'alias', first: 'nvidia' },
  { query: 'tensor core', kind: 'alias', first: 'nvidia_gpus' },
  { query: 'fp8', kind: 'alias', first: 'quantization' },
  { query: 'mfu', kind: 'alias', first: 'flops' },
  { query: 'cuDNN', kind: 'alias', first: 'cuda' },
  { query: 'h100', kind: 'alias', first: 'h100' },
  // Misspellings.
  { query: 'nvidai', kind: 'misspelling', first: 'nvidia' },
  { query: 'huawie', kind: 'misspelling', first: 'huawei' },
  { query: 'quantizaton', kind: 'misspelling', first: 'quantization' },
  { query: 'chinchila', kind: 'misspelling', first: 'compute_optimal_training' },
  { query: 'nvlnik', kind: 'misspelling', first: 'nvlink' },
  { query: 'nvidia robtics', kind: 'misspelling', first: 'nvidia_robotics' },
  { query: 'robotcs', kind: 'misspelling', first: 'nvidia_robotics' },
  { query: 'bandwith memory', kind: 'misspelling', first: 'high_bandwidth_memory' },
  // Two-word topics, named by no title or alias.
  { query: 'memory bandwidth', kind: 'topic', first: 'high_bandwidth_memory' },
  { query: 'gpu interconnect', kind: 'topic', first: 'nvlink' },
  { query: 'training compute budget', kind: 'topic', first: 'compute_optimal_training' },
  { query: 'inference hardware', kind: 'topic', first: 'llm_training_vs_inference' },
  { query: 'ascend chips', kind: 'topic', first: 'ascend' },
  { query: 'huawei chips', kind: 'topic', first: 'ascend', top3: ['huawei'] },
  { query: 'parallel computing platform', kind: 'topic', first: 'cuda' },
  { query: 'floating point operations', kind: 'topic', first: 'flops' },
  { query: 'data centre gpu', kind: 'topic', first: 'nvidia_gpus', top3: ['h100'] },
  { query: 'hopper architecture', kind: 'topic', first: 'h100', top3: ['nvidia_gpus'] },
  { query: 'isaac sim', kind: 'topic', first: 'nvidia_robotics' },
  // Chinese names.
  { query: '华为', kind: 'chinese', first: 'huawei' },
  { query: '昇腾', kind: 'chinese', first: 'ascend' },
  { query: '英伟达', kind: 'chinese', first: 'nvidia' },
];

export interface RelevanceResult {
  query: string;
  kind: RelevanceCase['kind'];
  /** Page ids in the order the search shows them. */
  ranked: string[];
  /** 1/rank of the article that must come first, 0 when it is not listed. */
  reciprocalRank: number;
  /** Of the articles required in the top three, those missing. */
  missingFromTop3: string[];
}

export function score(cases: readonly RelevanceCase[], ranked: ReadonlyMap<string, string[]>): RelevanceResult[] {
  return cases.map((c) => {
    const list = ranked.get(c.query) ?? [];
    const rank = list.indexOf(c.first) + 1;
    const top3 = list.slice(0, 3);
    return {
      query: c.query,
      kind: c.kind,
      ranked: list,
      reciprocalRank: rank > 0 ? 1 / rank : 0,
      missingFromTop3: [c.first, ...(c.top3 ?? [])].filter((id) => !top3.includes(id)),
    };
  });
}

export const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(values.length, 1);

/** A table of the results, misses first, for the test's output. */
export function report(results: readonly RelevanceResult[]): string {
  const lines = [...results]
    .sort((a, b) => a.reciprocalRank - b.reciprocalRank || b.missingFromTop3.length - a.missingFromTop3.length)
    .map(
      (r) =>
        `${r.reciprocalRank.toFixed(2).padStart(5)}  ${r.kind.padEnd(11)} ${r.query.padEnd(32)} ${r.ranked.slice(0, 4).join(', ')}${r.missingFromTop3.length > 0 ? `   (not in top 3: ${r.missingFromTop3.join(', ')})` : ''}`,
    );
  const byKind = [...new Set(results.map((r) => r.kind))].map(
    (kind) => `${kind} ${mean(results.filter((r) => r.kind === kind).map((r) => r.reciprocalRank)).toFixed(3)}`,
  );
  return [...lines, `MRR ${mean(results.map((r) => r.reciprocalRank)).toFixed(3)} over ${results.length} queries (${byKind.join(', ')})`].join('\n');
}
