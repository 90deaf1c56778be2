export * from './languages';
export { CATALOGS, createI18n, translator, type TFunction } from './i18n';
export { pseudoString } from './pseudo';
export { describeError } from './errors';
export { describeNotice } from './notices';
