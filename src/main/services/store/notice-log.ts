import { constants } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from '../fs/atomic-write';
import { openNoFollow, readFileNoFollow } from '../fs/no-follow';
import { noticeSchema, type Notice } from '../../../shared/model/notice';

/** Longest notice kept in the log, in UTF-16 units (a longer one is cut). */
const MAX_NOTICE_LENGTH = 4000;
/** Most notices read back from the log at once (a log filled by something else is not read whole). */
const MAX_NOTICES = 200;

/** The log of notices a process without a window left for the app: `.gloss/notices.jsonl`. */
function logFile(glossDir: string): string {
  return path.join(glossDir, 'notices.jsonl');
}

/**
 * Appends notices for the user that this process could not show (the CLI:
 * repairs it made, damaged files it kept aside) to the library's notice
 * log, fdatasynced, so the app shows them when it next opens the library.
 * @throws GlossError('forbidden') for a link; fs errors (ENOSPC...).
 */
export async function recordNotices(glossDir: string, notices: Notice[]): Promise<void> {
  if (notices.length === 0) return;
  const at = new Date().toISOString();
  const lines = notices
    .map((said) => JSON.stringify({ at, ...said, message: said.message.slice(0, MAX_NOTICE_LENGTH) }) + '\n')
    .join('');
  const handle = await openNoFollow(
    logFile(glossDir),
    constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
  );
  try {
    await handle.write(lines);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await fsyncDir(glossDir);
}

/**
 * Takes the notices other processes left in the library's notice log (see
 * recordNotices), oldest first, and removes the log, so each is shown once.
 * Unreadable lines are skipped; a missing log gives none.
 * @throws GlossError('forbidden') for a link; fs errors other than ENOENT.
 */
export async function takeRecordedNotices(glossDir: string): Promise<Notice[]> {
  const file = logFile(glossDir);
  let text: string;
  try {
    text = (await readFileNoFollow(file)).bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const notices: Notice[] = [];
  for (const line of text.split('\n')) {
    if (notices.length >= MAX_NOTICES) break;
    try {
      const parsed = noticeSchema.safeParse(JSON.parse(line));
      if (parsed.success)
        notices.push({ ...parsed.data, message: parsed.data.message.slice(0, MAX_NOTICE_LENGTH) });
    } catch {
      // A torn or foreign line: nothing to show.
    }
  }
  await rm(file, { force: true });
  return notices;
}
