/// <reference types="astro/client" />

declare module 'virtual:wiki/data' {
  const data: import('./model/wiki-data.ts').WikiData;
  export default data;
}

declare module 'virtual:wiki/references' {
  const data: { sources: import('./model/references-index.ts').Source[] };
  export default data;
}

declare module 'virtual:wiki/config' {
  const config: import('./model/site-config.ts').SiteConfig;
  export default config;
}

declare module 'virtual:wiki/history' {
  const history: import('./build/context.ts').HistoryData;
  export default history;
}

declare module 'virtual:wiki/citations' {
  const citations: { of(id: string): ReturnType<import('./build/context.ts').BuildContext['citation']> };
  export default citations;
}

declare module 'virtual:wiki/build' {
  const build: {
    pageCacheCode: string;
    renders: (id: import('./model/ids.ts').PageId) => boolean;
    sitePage: (path: string) => boolean;
    /** Called as each page is generated (src/build/context.ts). */
    pageGenerated: () => void;
    /** Called with a page rendered whole: a history page's template (src/build/context.ts). */
    pageRendered: (path: string, html: string) => void;
    /** `astro dev`: the paths the page `page` has listed since the server started (src/astro/dev-paths.ts). */
    listedPaths: (page: string) => import('./astro/dev-paths.ts').ListedPaths;
  };
  export default build;
}

declare module 'citeproc' {
  /** citeproc-js (a dependency of rehype-citation); the wiki uses only `Output.Formatters.title` (src/render/page-citation.ts). */
  const CSL: unknown;
  export default CSL;
}
