import pkg from '../../../package.json';

export const APP_NAME = 'Gloss';
/** The version from package.json, bundled at build time. */
export const APP_VERSION: string = pkg.version;
