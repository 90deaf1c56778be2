import { describe, expect, it, vi } from 'vitest';

const started = vi.hoisted(() => ({ workers: 0 }));
vi.mock('pdfjs-dist/build/pdf.worker.mjs?worker', () => ({
  default: class {
    constructor() {
      started.workers++;
    }
    terminate(): void {}
  },
}));
vi.mock('pdfjs-dist', () => ({}));

const { dropPdf, startPdf, warmPdf } = await import('./pdfjs');

/** A source that never answers: these tests look at the worker only. */
const pending = () => new Promise<never>(() => undefined);

describe('warmPdf', () => {
  it('starts one worker ahead, which the next PDF opened takes instead of starting its own', () => {
    warmPdf();
    warmPdf();
    expect(started.workers).toBe(1);
    const first = startPdf(pending());
    expect(started.workers).toBe(1);
    const second = startPdf(pending());
    expect(started.workers).toBe(2);
    expect(second.port).not.toBe(first.port);
    dropPdf(first);
    dropPdf(second);
  });
});
