/// <reference types="astro/client" />

declare module 'virtual:wiki/data' {
  const data: import('./model/wiki-data.ts').WikiData;
  export default data;
}

declare module 'virtual:wiki/references' {
  const data: { sources: import('./model/references-index.ts').Source[] };
  export default data;
}

declare module 'virtual:wiki/build' {
  const build: { pageCacheCode: string; renders: (id: import('./model/ids.ts').PageId) => boolean; sitePages: boolean };
  export default build;
}
