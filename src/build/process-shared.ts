/**
 * A value shared by every copy of a module in this process. The article loader and the pages run inside Vite's
 * module runners, the integrations outside them: each gets its own instance of a module, so a module-level
 * variable would not be shared. `Symbol.for(name)` on `globalThis` is.
 */
export function processShared<T>(name: string, create: () => T): T {
  const key = Symbol.for(name);
  const global = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  return (global[key] ??= create());
}
