/**
 * What a chart's axes say where Plot alone would say it badly, for draw-chart.ts: numbers and dates in the wiki's
 * language, whole ticks for whole numbers, an axis for a line of one value; and the numbers of its table and
 * description in the wiki's language. Plain functions of the values; Plot calls the formats with each tick, its
 * index and all the axis's ticks.
 */
import { chartNumber, type ChartValue } from '../../model/chart-spec.ts';

/**
 * Numbers on an axis in the wiki's language: `1.000` and `0,5` in German, where Plot's `1,000` would read as one. All
 * the ticks of an axis get the decimals of the step between them, as Plot's own format gives them (d3's
 * `precisionFixed`: `1.0, 1.2, … 2.0`), and Plot's minus sign; a lone tick as many as it needs, up to three.
 */
export function axisNumbers(language: string): (n: number, index: number, ticks?: ArrayLike<number>) => string {
  return (n, _index, ticks) => {
    const step = ticks && ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 0;
    const decimals = step > 0 ? Math.max(0, -Number(step.toExponential().split('e')[1])) : undefined;
    return intlFormat(Intl.NumberFormat, language, decimals === undefined ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
      .format(n)
      .replace('-', '−');
  };
}

/** Intl's formats take ICU a while to make, and a wiki's charts ask for the same few: each is made once. */
const intlFormats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function intlFormat<F extends Intl.NumberFormat | Intl.DateTimeFormat, O>(make: new (language: string, options: O) => F, language: string, options: O): F {
  const key = `${make.name} ${language} ${JSON.stringify(options)}`;
  let format = intlFormats.get(key) as F | undefined;
  if (!format) {
    format = new make(language, options);
    intlFormats.set(key, format);
  }
  return format;
}

const DAY = 86_400_000;

/** How many days the dates span. */
export function daySpan(dates: Date[]): number {
  const times = dates.map((date) => date.getTime());
  return (Math.max(...times) - Math.min(...times)) / DAY;
}

/**
 * Dates on an axis in the wiki's language, laid out as Plot lays out its English ones: the years of a span of years;
 * the months of a span of months, each with its year under the first tick of that year (`Jan` over `2024`, `Feb`,
 * `Mär`, … in German); the days of a span of days with their month under the first of that month. Plot's own are
 * English whatever the wiki's language (`Mar`, `May`, `Oct`, `Dec`), and English wikis keep them.
 */
export function axisDates(language: string): (date: Date, index: number, ticks?: ArrayLike<Date>) => string {
  const utc = (options: Intl.DateTimeFormatOptions) => intlFormat(Intl.DateTimeFormat, language, { ...options, timeZone: 'UTC' });
  const [year, month, day, whole] = [utc({ year: 'numeric' }), utc({ month: 'short' }), utc({ day: 'numeric' }), utc({ dateStyle: 'medium' })];
  return (date, index, ticks) => {
    const step = ticks && ticks.length > 1 ? Math.abs(ticks[1]!.getTime() - ticks[0]!.getTime()) : 0;
    if (step === 0) return whole.format(date);
    if (step >= 360 * DAY) return year.format(date);
    const [fine, coarse] = step >= 28 * DAY ? [month, year] : [day, month];
    const context = coarse.format(date);
    const shown = index > 0 && ticks ? coarse.format(ticks[index - 1]!) === context : false;
    return shown ? fine.format(date) : `${fine.format(date)}\n${context}`;
  };
}

export const isYear = (n: number) => Number.isInteger(n) && n >= 1000 && n < 3000;

/** At most this many whole ticks are listed: over a wider span Plot's own ticks are whole numbers already. */
const MOST_WHOLE_TICKS = 9;

/**
 * Whole numbers on the x axis (years, counts) get a tick at each whole number when they span only a few: Plot would
 * divide two years into fifths (`2020`, `2,020.2`, … `2021`), which no reader of years wants.
 */
export function wholeTicks(values: number[]): number[] | undefined {
  if (values.length === 0) return undefined;
  const low = Math.min(...values);
  const high = Math.max(...values);
  // One value alone: Plot's format for a span of nothing writes it as `0.500000`.
  if (low === high) return [low];
  if (!values.every(Number.isInteger) || high - low + 1 > MOST_WHOLE_TICKS) return undefined;
  return Array.from({ length: high - low + 1 }, (_, i) => low + i);
}

/**
 * A line or scatter whose values are all one number gets an axis from zero to it: Plot's own, a span of nothing,
 * would have the one tick `10.000000` and the points nowhere in particular.
 */
export function flatDomain(values: Array<number | undefined>): [number, number] | undefined {
  const numbers = values.filter((value): value is number => value !== undefined);
  const value = numbers[0];
  if (value === undefined || numbers.some((other) => other !== value)) return undefined;
  return value === 0 ? [0, 1] : [Math.min(0, value), Math.max(0, value)];
}

/** The marks a language writes numbers with: `.` and `,` in English, `,` and `.` in German. Asked for every value of every table: found once per language. */
const marksOf = new Map<string, { decimal: string; group: string }>();

function numberMarks(language: string): { decimal: string; group: string } {
  let marks = marksOf.get(language);
  if (!marks) {
    const parts = new Intl.NumberFormat(language).formatToParts(12345.5);
    marks = { decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.', group: parts.find((part) => part.type === 'group')?.value ?? ',' };
    marksOf.set(language, marks);
  }
  return marks;
}

/**
 * A value of the chart's table or description as the wiki's language writes it. Articles write numbers as the chart
 * reads them (`3.35`, `1,180`: src/model/chart-spec.ts `chartNumber`), and a German reader reads (and a German
 * spreadsheet takes) `3,35` and `1.180`. Text that is no number, and every value in a wiki whose language writes
 * numbers as English does, stays as written.
 */
export function valueInLanguage(value: ChartValue | undefined, language: string): string {
  const text = value === undefined ? '' : String(value);
  const marks = numberMarks(language);
  if ((marks.decimal === '.' && marks.group === ',') || !/[.,]/.test(text) || chartNumber(value) === undefined) return text;
  return text.replace(/[.,]/g, (mark) => (mark === '.' ? marks.decimal : marks.group));
}
