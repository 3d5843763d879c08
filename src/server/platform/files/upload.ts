import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { RecordKey } from '../crypto/envelope.ts';
import { AppError } from '../errors.ts';
import { sanitizeFileName, withExtension } from './names.ts';
import { decideType, SNIFF_BYTES, TextCheck, type TypeDecision } from './sniff.ts';
import type { FileStore, StoredFile } from './store.ts';

/** Room for the multipart framing and small fields around the file itself. */
const MULTIPART_SLACK = 64 * 1024;

/**
 * Let the routes of one plugin accept `multipart/form-data`. Register it inside that plugin only: the
 * parser is then scoped to those routes, and every other route keeps its 1 MiB JSON body limit.
 */
export async function acceptUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { throwFileSizeLimit: true });
}

/** Where an upload goes: the store, the owning record's key and field, and the size limit. */
export interface UploadSink {
  store: FileStore;
  key: RecordKey;
  field: string;
  maxBytes: number;
}

export interface ReceivedUpload extends StoredFile {
  /** The sanitised name (with the extension of its content when it had none). Sensitive: encrypt it. */
  name: string;
  /** The canonical type of the recognised content, never the one the browser declared. */
  mime: string;
  /** The small text fields of the form that were asked for. */
  fields: Record<string, string>;
}

/**
 * Receive one file (form field `file`) and the named text fields from a multipart request, check its
 * content against its name and declared type while it streams, and store it encrypted. On any refusal
 * nothing stays on disk, and the rest of the request is drained so that the client reads the answer.
 */
export async function receiveUpload(
  req: FastifyRequest,
  sink: UploadSink,
  fieldNames: readonly string[] = [],
  /** Longest text field in bytes (default 1 KiB; evidence descriptions need more). */
  fieldBytes = 1024,
): Promise<ReceivedUpload> {
  const length = Number(req.headers['content-length']);
  if (Number.isFinite(length) && length > sink.maxBytes + MULTIPART_SLACK) {
    drain(req);
    throw new AppError('file.too_large');
  }
  if (!req.isMultipart()) {
    drain(req);
    throw new AppError('validation.unsupported_media_type');
  }
  const fields: Record<string, string> = {};
  let stored: (StoredFile & { name: string; mime: string }) | undefined;
  try {
    const parts = req.parts({
      limits: {
        fileSize: sink.maxBytes,
        files: 1,
        fields: 8,
        fieldSize: fieldBytes,
        fieldNameSize: 100,
        parts: 10,
        headerPairs: 20,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (fieldNames.includes(part.fieldname)) fields[part.fieldname] = String(part.value);
      } else if (part.fieldname === 'file' && !stored) {
        stored = await storePart(part, sink);
      } else {
        await discard(part);
      }
    }
  } catch (e) {
    if (stored) await sink.store.remove(stored.storageKey);
    drain(req);
    throw uploadError(e);
  }
  if (!stored) throw new AppError('file.missing');
  return { ...stored, fields };
}

async function storePart(
  part: MultipartFile,
  sink: UploadSink,
): Promise<StoredFile & { name: string; mime: string }> {
  const name = sanitizeFileName(part.filename ?? '');
  let decision: Extract<TypeDecision, { ok: true }> | undefined;
  let text: TextCheck | undefined;
  const decide = (head: Buffer, complete: boolean) => {
    if (head.length === 0) throw new AppError('file.empty');
    const d = decideType(name, part.mimetype, head, complete);
    if (!d.ok) throw new AppError(`file.${d.reason}`);
    decision = d;
    if (d.kind === 'text') text = new TextCheck();
  };
  async function* checked(): AsyncGenerator<Buffer> {
    const head: Buffer[] = [];
    let headLen = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      if (part.file.truncated) throw new AppError('file.too_large');
      if (decision) {
        text?.update(chunk);
        yield chunk;
        continue;
      }
      head.push(chunk);
      headLen += chunk.length;
      if (headLen >= SNIFF_BYTES) {
        const all = Buffer.concat(head);
        decide(all, false);
        text?.update(all);
        yield all;
      }
    }
    if (part.file.truncated) throw new AppError('file.too_large');
    if (!decision) {
      const all = Buffer.concat(head);
      decide(all, true);
      text?.update(all);
      yield all;
    }
  }
  const file = await sink.store.write(sink.key, sink.field, checked(), {
    maxBytes: sink.maxBytes,
    tooLarge: () => new AppError('file.too_large'),
  });
  // The first bytes looked like text; the whole file must be UTF-8 without NUL to stay "text".
  if (text && !text.final()) {
    await sink.store.remove(file.storageKey);
    throw new AppError('file.type_mismatch');
  }
  return { ...file, name: withExtension(name, decision!.extension), mime: decision!.mime };
}

async function discard(part: MultipartFile): Promise<void> {
  for await (const _ of part.file as AsyncIterable<Buffer>) {
    /* read and drop */
  }
}

/** Read and drop what the client is still sending, so that it gets to read our answer. */
function drain(req: FastifyRequest): void {
  req.raw.unpipe();
  req.raw.resume();
}

const MALFORMED = new Set([
  'FST_PARTS_LIMIT',
  'FST_FILES_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_PROTO_VIOLATION',
  'FST_INVALID_JSON_FIELD_ERROR',
  'FST_MP_PREMATURE_CLOSE',
]);

/** Multipart and parser failures as the API's own errors; anything else (a full disk) passes through. */
function uploadError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = (e as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('file.too_large');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('validation.unsupported_media_type');
  if (typeof code === 'string' && MALFORMED.has(code)) return new AppError('file.malformed');
  const message = e instanceof Error ? e.message : '';
  if (!code && /multipart|boundary|part terminated|unexpected end|malformed/i.test(message))
    return new AppError('file.malformed');
  return e;
}
