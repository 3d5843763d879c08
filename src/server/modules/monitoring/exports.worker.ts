import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from './exports.render.ts';
import type { Labels, RenderPage, RenderSpec } from './exports.types.ts';

/**
 * An export worker thread (exports.pool.ts): renders the pages it is sent, in order, and answers each
 * with the page's sequence number. Bytes and data keys are transferred, not copied; the renderer wipes a
 * page's keys once it is rendered.
 */
type Message =
  { kind: 'labels'; labels: Labels } | { kind: 'page'; seq: number; page: RenderPage } | { kind: 'close' };

const renderer = createRenderer(workerData as RenderSpec);
const port = parentPort!;
port.on('message', (m: Message) => {
  if (m.kind === 'labels') return renderer.learn(m.labels);
  if (m.kind === 'close') {
    renderer.close();
    port.close();
    return;
  }
  try {
    const out = renderer.page(m.page);
    // A page's bytes own their memory (Buffer.from of a large string), so they move without a copy;
    // a small page may sit in Buffer's shared pool, which must not be transferred, and is copied.
    const own = out instanceof Uint8Array && out.byteOffset === 0 && out.byteLength === out.buffer.byteLength;
    port.postMessage({ seq: m.seq, out }, own ? [out.buffer as ArrayBuffer] : []);
  } catch (e) {
    port.postMessage({ seq: m.seq, error: e instanceof Error ? e.message : String(e) });
  }
});
