import { parentPort } from 'node:worker_threads';
import { GlossError } from '../../../shared/result';
import { convertDocument } from './convert';
import type { ConvertReply, ConvertRequest } from './worker-protocol';

/**
 * The import conversion thread: says it is ready once its modules are
 * loaded, then converts one file per message, answering with the document
 * or the error.
 */
parentPort?.on('message', async ({ bytes, fileName }: ConvertRequest) => {
  let reply: ConvertReply;
  try {
    reply = { ok: true, document: await convertDocument(bytes, fileName) };
  } catch (error) {
    reply =
      error instanceof GlossError
        ? { ok: false, code: error.code, message: error.message }
        : { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});

parentPort?.postMessage({ ready: true } satisfies ConvertReply);
