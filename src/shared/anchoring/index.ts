export { anchor, type Placement } from './anchor';
export { reanchorAll, type ReanchorReport, type ReanchorResult } from './reanchor';
