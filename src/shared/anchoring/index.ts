export { anchor, maxErrors, MIN_CONFIDENCE, type Placement } from './anchor';
export { reanchorAll, type ReanchorReport, type ReanchorResult } from './reanchor';
