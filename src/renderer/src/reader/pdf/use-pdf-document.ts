import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { ApiError } from '../../../../shared/result';
import { useStore } from '../../state/store';
import { SourceFailure, startArticlePdf } from './article-source';
import { openPdf, PasswordCancelled, type OpenPdf } from './pdfjs';

/** Why the pages cannot be shown: a service error, pdf.js' reason, or a password not given. */
export type PdfFailure = { error: ApiError } | { reason: string } | { password: 'cancelled' };

/** The reader waiting for the password of a password-protected PDF (see `usePdfDocument`). */
export interface PdfPasswordAsk {
  wrong: boolean;
  /** Counts the passwords asked since the document was opened, from 0. */
  attempt: number;
  answer(password: string | null): void;
}

/** What `usePdfDocument` gives: the open document and its first page's size, or why not, or a question. */
export interface PdfDocumentState {
  doc: PDFDocumentProxy | null;
  /** Page 1's size at scale 1, in CSS pixels (PDF points). */
  size: { width: number; height: number } | null;
  failure: PdfFailure | null;
  /** Set while pdf.js waits for the password of an encrypted copy. */
  ask: PdfPasswordAsk | null;
  /** Opens the document again (after a cancelled password). */
  retry(): void;
}

/**
 * Opens article `id`'s PDF copy with pdf.js, read by ranges (see articleSource), and lets it go when
 * `id` changes or the reader closes.
 * An encrypted copy asks for its password through `ask` (again when it is wrong); the password goes
 * to pdf.js only and is kept nowhere, so it is asked each time the PDF is opened.
 */
export function usePdfDocument(id: string): PdfDocumentState {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  // Worded when shown, so it follows the interface's language.
  const [failure, setFailure] = useState<PdfFailure | null>(null);
  const [ask, setAsk] = useState<PdfPasswordAsk | null>(null);
  const [opening, setOpening] = useState(0);

  useEffect(() => {
    let open: OpenPdf | null = null;
    let cancelled = false;
    let attempt = 0;
    const askPassword = (wrong: boolean): Promise<string | null> =>
      new Promise((resolve) =>
        setAsk({
          wrong,
          attempt: attempt++,
          answer: (password) => {
            setAsk(null);
            resolve(cancelled ? null : password);
          },
        }),
      );
    void (async () => {
      // Set going when the article was opened, if it was (see openArticle), else now.
      const start = useStore.getState().takePdfStart(id) ?? startArticlePdf(id);
      try {
        open = await openPdf(start, askPassword);
        if (cancelled) return open.close();
        const first = (await open.doc.getPage(1)).getViewport({ scale: 1 });
        if (cancelled) return;
        setSize({ width: first.width, height: first.height });
        setDoc(open.doc);
      } catch (error) {
        if (cancelled) return;
        setFailure(
          error instanceof SourceFailure
            ? { error: error.error }
            : error instanceof PasswordCancelled
              ? { password: 'cancelled' }
              : { reason: (error as Error).message },
        );
      }
    })();
    return () => {
      cancelled = true;
      setAsk(null);
      open?.close();
    };
  }, [id, opening]);

  return {
    doc,
    size,
    failure,
    ask,
    retry: () => {
      setFailure(null);
      setOpening((n) => n + 1);
    },
  };
}
