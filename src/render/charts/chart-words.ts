/**
 * The words a chart writes (its description and "The numbers"), in the wiki's language: the `chart.*` interface
 * strings (src/shared/ui-strings/). Plain data, so that a worker thread can draw with them. A module apart from
 * the drawing (draw-chart.ts), which loads Observable Plot and d3 (0.3 s): every build names the words, and
 * only a wiki with charts draws one.
 */
export interface ChartWords {
  language: string;
  strings: Readonly<Record<string, string>>;
}

export const ENGLISH_WORDS: ChartWords = {
  language: 'en',
  strings: {
    'chart.kind.bar': 'Bar chart',
    'chart.kind.line': 'Line chart',
    'chart.kind.scatter': 'Scatter plot',
    'chart.summary': '{kind} of {y} by {x}.',
    'chart.summarySeries': '{kind} of {y} by {x}, one series per {series}.',
    'chart.extremes': '{count} points; lowest {lowest}; highest {highest}. The table below lists them all.',
    'chart.numbers': 'The numbers',
  },
};

/** The `chart.*` strings of an interface table, for `drawChart`. */
export function chartWords(language: string, strings: Readonly<Record<string, string>>): ChartWords {
  return { language, strings: { ...ENGLISH_WORDS.strings, ...Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith('chart.'))) } };
}
