import path from 'node:path';
import { BOOK_IMAGE_NAME, BOOK_IMAGE_TYPES } from '../../../shared/book-image';
import type { ArticleMeta } from '../../../shared/model/article';
import { atomicWrite } from '../fs/atomic-write';
import { mkdirNoFollow, readFileNoFollow } from '../fs/no-follow';

/** One image of a book, as served: its bytes and media type. */
export interface BookImage {
  bytes: Uint8Array;
  type: string;
}

/**
 * A book's images, kept in `<cacheDir>/content/images/<article id>/<stored name>` (this computer's cache
 * folder of the library, outside it; made again from
 * the copy when missing). Reading one image the first time extracts all of the book's, once, however
 * many are asked for at the same time.
 */
export class BookImages {
  private readonly extracting = new Map<string, Promise<Map<string, Uint8Array>>>();

  /**
   * `cacheDir` is the library's cache folder (see LibraryStore.cacheDir); `readCopy` gives the bytes of
   * an article's imported copy.
   */
  constructor(
    private readonly cacheDir: string,
    private readonly readCopy: (article: ArticleMeta) => Promise<Uint8Array>,
  ) {}

  /**
   * The image stored as `name` (see BOOK_IMAGE_NAME) in EPUB `article`, or null when the name is not
   * one or the book has no such image. The copy is read within the EPUB zip limits.
   * @throws GlossError as readZip for a damaged copy, 'forbidden' for a link on the way, fs errors.
   */
  async read(article: ArticleMeta, name: string): Promise<BookImage | null> {
    if (article.format !== 'epub' || !BOOK_IMAGE_NAME.test(name)) return null;
    const type = BOOK_IMAGE_TYPES[name.slice(name.lastIndexOf('.') + 1)]!;
    const dir = path.join(this.cacheDir, 'content', 'images', article.id);
    try {
      return { bytes: (await readFileNoFollow(path.join(dir, name), this.cacheDir)).bytes, type };
    } catch {
      let pending = this.extracting.get(article.id);
      if (!pending) {
        pending = this.extract(article, dir).finally(() => this.extracting.delete(article.id));
        this.extracting.set(article.id, pending);
      }
      const bytes = (await pending).get(name);
      return bytes ? { bytes, type } : null;
    }
  }

  private async extract(article: ArticleMeta, dir: string): Promise<Map<string, Uint8Array>> {
    const [{ readZip }, { IMAGE_ENTRY, nameImages }] = await Promise.all([
      import('../import/epub/zip'),
      import('../import/epub/images'),
    ]);
    const zip = readZip(await this.readCopy(article), (entry) => IMAGE_ENTRY.test(entry));
    const images = new Map<string, Uint8Array>();
    for (const [entry, name] of nameImages(zip.files)) images.set(name, zip.files.get(entry)!);
    await mkdirNoFollow(dir, this.cacheDir);
    for (const [name, bytes] of images) await atomicWrite(path.join(dir, name), bytes, this.cacheDir);
    return images;
  }
}
