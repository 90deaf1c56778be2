import { closeSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import {
  blockLayoutSchema,
  blockSchema,
  pageSchema,
  type Block,
  type BlockLayout,
  type Page,
} from '../../../shared/model/article';
import { blockLayout } from '../../../shared/text/block-layout';

/** Blocks held by one record of a block file: a screen's window of blocks spans at most two. */
export const BLOCKS_PER_RECORD = 256;

/** The first line of a block file: its magic and version, then the header's length in bytes, padded. */
const PREFIX = 'gloss-blocks 1 ';
const PREFIX_BYTES = PREFIX.length + 16 + 1;

const offsets = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);

const headerSchema = z.object({
  /** The `contentHash` of the text the blocks lie in. */
  hash: z.string(),
  /** The text's length, in UTF-16 units. */
  length: z.number().int().nonnegative(),
  layout: blockLayoutSchema,
  pages: z.array(pageSchema).optional(),
  /** Where each record starts in the body, in bytes, and where the last ends (records + 1 numbers). */
  records: z.custom<number[]>(offsets, 'records must be offsets'),
});

/** What a block file says about its article before any block is read. */
export interface BlockFileHeader {
  hash: string;
  /** Length of the canonical text, in UTF-16 units. */
  length: number;
  layout: BlockLayout;
  pages?: Page[];
}

/**
 * The bytes of an article's block file (`content/<id>.blocks`): a first line of fixed length naming the
 * header's size, the header (JSON: the text's hash and length, the block layout, the pages of a PDF, and
 * where each record lies), then records of BLOCKS_PER_RECORD blocks each as JSON arrays, so that the layout
 * and any range of blocks are read without reading the rest.
 */
export function encodeBlockFile(
  content: { text: string; blocks: Block[]; pages?: Page[] },
  hash: string,
): Buffer[] {
  const records: Buffer[] = [];
  const offsets = [0];
  for (let i = 0; i < content.blocks.length; i += BLOCKS_PER_RECORD) {
    const record = Buffer.from(JSON.stringify(content.blocks.slice(i, i + BLOCKS_PER_RECORD)), 'utf8');
    records.push(record);
    offsets.push(offsets[offsets.length - 1]! + record.length);
  }
  const header = Buffer.from(
    JSON.stringify({
      hash,
      length: content.text.length,
      layout: blockLayout(content.blocks),
      ...(content.pages && { pages: content.pages }),
      records: offsets,
    }),
    'utf8',
  );
  const prefix = Buffer.from(`${PREFIX}${String(header.length).padStart(16, '0')}\n`, 'latin1');
  return [prefix, header, ...records];
}

/**
 * An open block file, read synchronously by range (see encodeBlockFile). Every read checks what it
 * reads; a file that is missing, damaged or written for another text than `hash` gives undefined.
 */
export class BlockFile {
  private constructor(
    private readonly fd: number,
    /** The header, checked. */
    readonly header: BlockFileHeader,
    private readonly records: number[],
    private readonly bodyAt: number,
  ) {}

  /** Opens `file` and reads its header; undefined when it is missing, damaged, or not for `hash`. */
  static open(file: string, hash: string): BlockFile | undefined {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return undefined;
    }
    try {
      const prefix = readExactly(fd, PREFIX_BYTES, 0)?.toString('latin1');
      if (!prefix?.startsWith(PREFIX) || !prefix.endsWith('\n')) throw new Error('not a block file');
      const size = Number(prefix.slice(PREFIX.length, -1));
      if (!Number.isSafeInteger(size)) throw new Error('bad header size');
      const bytes = readExactly(fd, size, PREFIX_BYTES);
      if (!bytes) throw new Error('short header');
      const parsed = headerSchema.safeParse(JSON.parse(bytes.toString('utf8')));
      if (!parsed.success || parsed.data.hash !== hash) throw new Error('another text');
      const { records, ...header } = parsed.data;
      const count = header.layout.kinds.length;
      if (
        header.layout.bounds.length !== 2 * count ||
        records.length !== Math.ceil(count / BLOCKS_PER_RECORD) + 1
      )
        throw new Error('inconsistent header');
      if (header.layout.bounds.some((bound) => bound > header.length))
        throw new Error('blocks outside the text');
      return new BlockFile(fd, header, records, PREFIX_BYTES + size);
    } catch {
      closeSync(fd);
      return undefined;
    }
  }

  /**
   * The blocks [from, to) (clamped to the blocks there are), whole and checked against the layout;
   * undefined when the file is damaged there.
   */
  blocks(from: number, to: number): Block[] | undefined {
    const count = this.header.layout.kinds.length;
    const start = Math.max(0, Math.min(from, count));
    const end = Math.max(start, Math.min(to, count));
    if (end === start) return [];
    const first = Math.floor(start / BLOCKS_PER_RECORD);
    const last = Math.floor((end - 1) / BLOCKS_PER_RECORD);
    const at = this.records[first]!;
    const bytes = readExactly(this.fd, this.records[last + 1]! - at, this.bodyAt + at);
    if (!bytes) return undefined;
    const read: unknown[] = [];
    try {
      for (let record = first; record <= last; record++) {
        const slice = bytes.subarray(this.records[record]! - at, this.records[record + 1]! - at);
        const blocks: unknown = JSON.parse(slice.toString('utf8'));
        if (!Array.isArray(blocks)) return undefined;
        read.push(...blocks);
      }
    } catch {
      return undefined;
    }
    const offset = first * BLOCKS_PER_RECORD;
    const parsed = z.array(blockSchema).safeParse(read.slice(start - offset, end - offset));
    if (!parsed.success || parsed.data.length !== end - start) return undefined;
    const { bounds } = this.header.layout;
    const matches = parsed.data.every(
      (block, k) => block.start === bounds[2 * (start + k)] && block.end === bounds[2 * (start + k) + 1],
    );
    return matches ? parsed.data : undefined;
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.fd);
  }
}

/** `length` bytes of `fd` from byte `position`, or undefined when the file is shorter or unreadable. */
function readExactly(fd: number, length: number, position: number): Buffer | undefined {
  const buffer = Buffer.alloc(length);
  let done = 0;
  try {
    while (done < length) {
      const read = readSync(fd, buffer, done, length - done, position + done);
      if (read === 0) return undefined;
      done += read;
    }
  } catch {
    return undefined;
  }
  return buffer;
}
