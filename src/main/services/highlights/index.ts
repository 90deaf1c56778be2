export { readHighlightsFile } from './detect';
export { importHighlights } from './import-highlights';
export type { HighlightFormat, ParsedHighlights } from './types';
