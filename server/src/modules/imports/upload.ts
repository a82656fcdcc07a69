import type { FastifyRequest } from 'fastify';
import { multipartReadError } from '../../common/errors/malformed-body.exception.js';
import { normalizeText } from '../../common/text/normalize-text.js';
import { ImportFileMissingException } from './imports.exception.js';
import type { Upload } from './imports.service.js';

/**
 * Browsers send the file name as raw UTF-8 bytes, which busboy reads as latin1 ("Ø§Ù…ØªÛŒØ§Ø²"): read those
 * bytes again as UTF-8 when they are valid UTF-8.
 */
export function decodeFileName(name: string): string {
  if ([...name].some((c) => c.charCodeAt(0) > 0xff)) return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}

/**
 * The uploaded file of a multipart request (field `file`). Too large a file fails in @fastify/multipart with
 * 413, which the error filter reports as PAYLOAD_TOO_LARGE; a body cut short is MALFORMED_BODY (400).
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new ImportFileMissingException();
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  let buffer: Buffer;
  try {
    part = await request.file();
    if (!part || part.fieldname !== 'file') throw new ImportFileMissingException();
    buffer = await part.toBuffer();
  } catch (error) {
    throw multipartReadError(error);
  }
  const fileName = normalizeText(decodeFileName(part.filename ?? '')).slice(0, 255) || 'upload';
  return { fileName, buffer };
}
