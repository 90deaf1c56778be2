import { parentPort } from 'node:worker_threads';
import { GlossError } from '../../../shared/result';
import { encodeAnswerText } from './answer-text';
import { garbageCollector } from './collect-garbage';
import { convertDocument, loadConverterFor } from './convert';
import {
  dropPlainHtml,
  LARGE_FILE_BYTES,
  type ConvertReply,
  type ConvertRequest,
  type PrepareRequest,
} from './worker-protocol';

/**
 * The import conversion thread: converts one file per message (or only loads a format's converter,
 * see PrepareRequest). It loads the converter of the file's format first (jsdom only for formats that
 * need it) and says when it starts converting (the time budget counts from then), then answers with
 * the document or the error. The text (see
 * encodeAnswerText), and the rest of the document as UTF-8 JSON, go back as
 * bytes, moved with the file's bytes rather than copied (a structured clone costs a serialized
 * copy here and the objects there while this thread's heap is still alive),
 * and a block's html that is only its text is not sent again.
 */
parentPort?.on('message', async (request: ConvertRequest | PrepareRequest) => {
  if ('prepare' in request) {
    await loadConverterFor(request.prepare).catch(() => undefined);
    return;
  }
  const { bytes, fileName, password } = request;
  let reply: ConvertReply;
  let transfer: ArrayBuffer[] = [];
  // A module that fails to load fails the conversion below, with its message.
  await loadConverterFor(fileName).catch(() => undefined);
  parentPort?.postMessage({ started: true } satisfies ConvertReply);
  try {
    const { text, ...document } = await convertDocument(bytes, fileName, password);
    // What a large conversion left behind goes before its answer is encoded, not when the heap next fills.
    if (bytes.length >= LARGE_FILE_BYTES) garbageCollector()();
    const encoded = encodeAnswerText(text, document.format);
    const plainHtml = dropPlainHtml(text, document.blocks);
    const json = new TextEncoder().encode(JSON.stringify(document));
    reply = { ok: true, document: json, text: encoded, plainHtml, bytes };
    transfer = [bytes.buffer as ArrayBuffer, plainHtml.buffer as ArrayBuffer, json.buffer];
    if (typeof encoded !== 'string') transfer.push(encoded.bytes.buffer as ArrayBuffer);
  } catch (error) {
    reply =
      error instanceof GlossError
        ? { ok: false, code: error.code, message: error.message, params: error.params }
        : { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply, transfer);
});
