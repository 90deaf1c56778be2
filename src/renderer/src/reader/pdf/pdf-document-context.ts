import { createContext, useContext } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * The PDF the reader has open (pdf.js' document, password given), for the panels beside the pages that
 * draw from it; null while none is open, for an article that is not a PDF, or when the password was not given.
 */
export const PdfDocumentContext = createContext<PDFDocumentProxy | null>(null);

/** The PDF the reader has open, or null (see PdfDocumentContext). */
export function useOpenPdf(): PDFDocumentProxy | null {
  return useContext(PdfDocumentContext);
}
