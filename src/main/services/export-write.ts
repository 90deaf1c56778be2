import { access, constants, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENTS_FOLDER } from '../../shared/export/attachments';
import { collisionKey, numberedName } from '../../shared/export/file-names';
import { mergeDocument, readDocument, sectionIds } from '../../shared/export/markers';
import type { ExportAttachment, ExportFile } from '../../shared/model/export';
import { exportAttachmentSchema } from '../../shared/model/export';
import { GlossError } from '../../shared/result';
import { atomicWrite } from './fs/atomic-write';

/** One file to write: the note's path and text, and the files it embeds. */
interface Planned {
  file: string;
  content: string;
  attachments?: ExportAttachment[];
}

/** Where exported files go: into a folder under their own names, or one named file. */
export type ExportTarget = { kind: 'folder'; path: string } | { kind: 'file'; path: string };

/** Files written at once; enough to overlap fsync latency without flooding the disk. */
const WRITE_CONCURRENCY = 16;

function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'part of that path is a file, not a folder';
  if (code === 'EISDIR') return 'that is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}

/** Creates `folder` if needed. @throws GlossError('io') when it cannot be created or written, naming the reason. */
export async function writableFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (error) {
    throw new GlossError(
      'io',
      `Cannot write to the folder ${folder}: ${ioReason(error)}. Choose another folder.`,
    );
  }
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new GlossError('io', `Cannot read ${file}: ${ioReason(error)}.`);
  }
}

function merged(file: string, existing: string, generated: string): string {
  try {
    return mergeDocument(existing, readDocument(generated));
  } catch (error) {
    if (error instanceof GlossError) throw new GlossError(error.code, `${file}: ${error.message}`);
    throw error;
  }
}

const isMarkdown = (name: string) => name.toLowerCase().endsWith('.md');

/**
 * Decides where each Markdown file goes in a folder: its own name, unless
 * that file exists and holds none of the same articles (then " (2)", " (3)"...),
 * merged into the existing file when it holds them.
 */
async function planFolder(folder: string, files: ExportFile[], names?: FolderNames): Promise<Planned[]> {
  const { existing, taken } = names ?? (await folderNames(folder));
  const plan: Planned[] = [];
  for (const { name, content, attachments } of files) {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : numberedName(name, n);
      const key = collisionKey(candidate);
      if (taken.has(key)) continue;
      const onDisk = existing.get(key);
      const file = path.join(folder, onDisk ?? candidate);
      const current = onDisk === undefined || !isMarkdown(name) ? null : await readIfExists(file);
      if (current !== null && !sectionIds(current).some((id) => sectionIds(content).includes(id))) continue;
      taken.add(key);
      if (onDisk === undefined) existing.set(key, candidate);
      const text = current === null ? content : merged(file, current, content);
      plan.push(attachments ? { file, content: text, attachments } : { file, content: text });
      break;
    }
  }
  return plan;
}

/** The names in an export folder (by collision key) and those this export has used. */
export interface FolderNames {
  existing: Map<string, string>;
  taken: Set<string>;
}

/** The names already in `folder`, for an export written into it in several steps (see writeExportFiles). */
export async function folderNames(folder: string): Promise<FolderNames> {
  return {
    existing: new Map((await readdir(folder)).map((name) => [collisionKey(name), name])),
    taken: new Set(),
  };
}

/** Writes a note's attachments into the `attachments` folder beside it, replacing those an earlier export wrote. */
async function writeAttachments({ file, attachments }: Planned): Promise<void> {
  if (!attachments?.length) return;
  const folder = path.join(path.dirname(file), ATTACHMENTS_FOLDER);
  await mkdir(folder, { recursive: true });
  for (const attachment of attachments) {
    await atomicWrite(path.join(folder, attachment.name), Buffer.from(attachment.data, 'base64'));
  }
}

async function writeAll(plan: Planned[]): Promise<void> {
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < plan.length) {
      const item = plan[next++];
      if (!item) return;
      try {
        await writeAttachments(item);
        await atomicWrite(item.file, item.content);
        written++;
      } catch (error) {
        next = plan.length;
        throw new GlossError(
          'io',
          `Cannot write ${item.file}: ${ioReason(error)}. ${written} of ${plan.length} files were written before that, each complete; fix the problem and export again.`,
        );
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: WRITE_CONCURRENCY }, worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * Writes rendered export files. Into a folder, each Markdown file is merged
 * into the file a previous export of the same article wrote (only the parts
 * between Gloss's markers are regenerated; the user's text and front-matter
 * properties stay), and never overwrites a file Gloss did not write for those
 * articles. A named Markdown file is merged the same way; JSON replaces the
 * file. A file's attachments (images its note embeds) go into the
 * `attachments` folder beside it, under their own names, before the note
 * itself. Every merge is prepared before the first write, and each file is
 * replaced atomically. Resolves to the paths of the notes written. `names` carries the
 * folder's names from one call to the next when an export is written in
 * several calls (see folderNames); otherwise the folder is listed.
 *
 * @throws GlossError('io') when the folder cannot be created or written,
 * naming the reason; GlossError('damaged') when an existing file's markers or
 * front matter cannot be read (nothing is written then);
 * GlossError('invalid-argument') for several files into one named file, or
 * an attachment whose name is not a plain file name (nothing is written then).
 */
export async function writeExportFiles(
  files: ExportFile[],
  target: ExportTarget,
  names?: FolderNames,
): Promise<string[]> {
  if (target.kind === 'file' && files.length !== 1) {
    throw new GlossError(
      'invalid-argument',
      `This export makes ${files.length} files, which cannot go into the one file ${target.path}. Give a folder, or combine them into one file.`,
    );
  }
  for (const attachment of files.flatMap((f) => f.attachments ?? [])) {
    if (!exportAttachmentSchema.safeParse(attachment).success) {
      throw new GlossError(
        'invalid-argument',
        `“${attachment.name}” is not a file name an export may write.`,
      );
    }
  }
  const folder = target.kind === 'folder' ? target.path : path.dirname(target.path);
  await writableFolder(folder);
  let plan: Planned[];
  if (target.kind === 'folder') {
    plan = await planFolder(folder, files, names);
  } else {
    const content = files[0]?.content ?? '';
    const current = isMarkdown(target.path) ? await readIfExists(target.path) : null;
    const text = current === null ? content : merged(target.path, current, content);
    const attachments = files[0]?.attachments;
    plan = [
      attachments ? { file: target.path, content: text, attachments } : { file: target.path, content: text },
    ];
  }
  await writeAll(plan);
  return plan.map((p) => p.file);
}
