/** Problems found in content, always with the file and line a writer must open. */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Path of the content file, relative to the content folder. */
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}` : d.file;
  return `${where}: ${d.severity}: ${d.message}`;
}

/** Thrown when content cannot be published; its message lists every problem. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[], headline = 'The wiki cannot be built') {
    super(`${headline}:\n${diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`);
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
    // The message is the report; a stack trace into the engine would only hide it.
    this.stack = `${this.name}: ${this.message}`;
  }
}
