import { buildSite } from './tests/helpers/build-site.ts';
const r = buildSite('tests/fixtures/components', 'components-dev');
console.log(r.status); console.log(r.output.slice(-2500));
