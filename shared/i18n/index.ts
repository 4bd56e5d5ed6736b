export * from './catalog';
export * from './format';
export * from './locales';
export { en } from './catalogs/en';
export * from './intl';
export { loadCatalog } from './catalogs/load';
export { english } from './english';
