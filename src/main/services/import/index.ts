export {
  checkImportSize,
  convertDocument,
  convertFile,
  MAX_IMPORT_BYTES,
  SUPPORTED_EXTENSIONS,
  type ImportedDocument,
} from './convert';
export { ImportConverter, importConverter, type ImportConverterOptions } from './import-converter';
export { sanitizeHtml } from './sanitize';
