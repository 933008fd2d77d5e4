/** What the wiki integration prints of the content's problems: errors and warnings with file and line. */
import type { AstroIntegrationLogger } from 'astro';
import type { WikiReading } from '../build/context.ts';
import { formatDiagnostic, type Diagnostic } from '../model/diagnostics.ts';
import { redLinkDiagnostics } from '../model/link-graph.ts';

export function report(logger: AstroIntegrationLogger, diagnostics: Diagnostic[]) {
  for (const d of diagnostics) {
    if (d.severity === 'error') logger.error(formatDiagnostic(d));
    else logger.warn(formatDiagnostic(d));
  }
}

export function allDiagnostics(reading: WikiReading, strict: boolean): Diagnostic[] {
  return [...reading.index.warnings, ...reading.graph.diagnostics, ...redLinkDiagnostics(reading.graph, strict), ...reading.references.diagnostics];
}

/** Everything but the red links, which the summary at the end of the build lists once. */
export const withoutRedLinks = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error' || !d.message.startsWith('red link'));
