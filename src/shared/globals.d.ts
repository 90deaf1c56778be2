/**
 * The Encoding API (WHATWG) that every runtime of src/shared provides: browsers, Electron and Node.
 * Declared for tsconfig.shared.json alone, which checks src/shared without DOM or Node types; the
 * other projects exclude this file and take the full declarations from their own libraries.
 */
declare class TextEncoder {
  /** UTF-8 bytes of `input`; lone surrogates become U+FFFD. */
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  /** `label` names the encoding, e.g. 'utf-8' or 'utf-16le'. */
  constructor(label?: string);
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
