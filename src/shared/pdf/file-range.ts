/** The most bytes of a PDF's copy that one `getArticleFileRange` call returns: 1 MiB. */
export const PDF_RANGE_MAX = 1 << 20;
