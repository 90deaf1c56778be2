/**
 * Content Security Policy for every Gloss page, sent as a header by both the
 * Electron protocol handler and the web host. No inline or eval'd script, no
 * remote origins, no plugins, no <base>, no form posts, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
