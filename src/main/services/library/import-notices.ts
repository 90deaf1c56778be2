import type { ReanchorReport } from '../../../shared/anchoring';
import type { ImportOutcome } from '../../../shared/model/article';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

/**
 * What a refresh says when an article's text changed on disk: only that it changed when it has no
 * highlights, else how many were placed and what happened to them.
 */
export function describeReanchoring(title: string, report: ReanchorReport): Notice {
  if (report.total === 0) return notice('notices.changedOnDisk', { title });
  return notice('notices.reanchored', {
    title,
    placed: report.total - report.orphaned,
    total: report.total,
    moved: report.moved,
    fuzzy: report.fuzzy,
    orphaned: report.orphaned,
  });
}

/** A notice as the fields of an import outcome: its English message, key and params. */
export function worded(said: Notice): Pick<ImportOutcome, 'message' | 'key' | 'params'> {
  return { message: said.message, key: said.key, params: said.params };
}
