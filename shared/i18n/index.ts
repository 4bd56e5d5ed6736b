export * from './catalog';
export * from './format';
export * from './locales';
export { en } from './catalogs/en';
export * from './intl';
