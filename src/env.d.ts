/// <reference types="astro/client" />

declare module 'virtual:wiki/data' {
  const data: import('./lib/wiki-data.ts').WikiData;
  export default data;
}
