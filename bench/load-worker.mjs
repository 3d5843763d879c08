// The election-day load generator, run in a worker thread so that the simulated observers do not
// share the server's event loop (real observers are on other machines; on one process the client's
// own HTTP work was a third of the measured CPU). Plain JavaScript: a worker does not get the TS loader.
//
// It speaks HTTP/1.1 over plain sockets with keep-alive, as wrk or autocannon do, rather than
// through node:http: on a 2-core machine the load generator shares the cores with the server it
// measures, and node:http's client cost about 100 µs of CPU a request, a sixth of the whole. Answers
// are read by their Content-Length (every answer of the endpoints measured has one); anything else
// counts as a failed request.
//
// workerData: { port, clients: [{ cookie, path, getPath, fields }], bodies: string[] | null,
//               seconds, rate (per client per second; 0 = closed loop), warm: boolean,
//               ids: 'v7' | 'v4' }
// A POST body carries a fresh clientId (a UUIDv7 as the field app makes, or a random v4 with
// `ids: 'v4'`) and one of `bodies` as its answers, so replays never happen by accident. Posts back
// { ok, bad, secs, cpuMs (this thread's), statuses, times } (latencies in ms, sorted).
import fs from 'node:fs';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

const { port, clients, bodies, seconds, rate, warm, ids } = workerData;
const MAX_SOCKETS = clients.length;

const HEADER_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection: one request at a time, answered with its status (0 on a failure). */
class Conn {
  constructor() {
    this.socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
    this.buf = Buffer.alloc(0);
    this.want = -1; // bytes of the whole answer once its headers are in; -1 before
    this.status = 0;
    this.done = null;
    this.closed = false;
    this.socket.on('data', (d) => this.data(d));
    const end = () => {
      this.closed = true;
      this.finish(0);
    };
    this.socket.on('error', end);
    this.socket.on('close', end);
  }

  send(head, body) {
    return new Promise((resolve) => {
      this.done = resolve;
      this.socket.write(body === null ? head : head + body);
    });
  }

  data(d) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    if (this.want < 0) {
      const at = this.buf.indexOf(HEADER_END);
      if (at < 0) return;
      const head = this.buf.toString('latin1', 0, at);
      this.status = Number(head.slice(9, 12));
      const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!m) {
        this.socket.destroy();
        return;
      }
      this.want = at + 4 + Number(m[1]);
    }
    if (this.buf.length < this.want) return;
    this.buf = this.buf.subarray(this.want);
    this.want = -1;
    this.finish(this.status);
  }

  finish(status) {
    const d = this.done;
    this.done = null;
    d?.(status);
  }
}

// A pool shared by all observers, as node:http's agent was: an idle connection, else a new one up to
// one per observer, else wait for one.
const idle = [];
const waiting = [];
let open = 0;

async function acquire() {
  for (;;) {
    const c = idle.pop();
    if (c && !c.closed) return c;
    if (!c) break;
    open -= 1;
  }
  if (open < MAX_SOCKETS) {
    open += 1;
    return new Conn();
  }
  return new Promise((r) => waiting.push(r));
}

function release(c) {
  if (c.closed) {
    open -= 1;
    const w = waiting.shift();
    if (w) void acquire().then(w);
    return;
  }
  const w = waiting.shift();
  if (w) w(c);
  else idle.push(c);
}

const heads = new Map();
function headFor(c, length) {
  const base =
    length === null
      ? `GET ${c.getPath} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncookie: ${c.cookie}\r\nx-csrf-token: bench\r\n\r\n`
      : `POST ${c.path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncookie: ${c.cookie}\r\nx-csrf-token: bench\r\n` +
        `content-type: application/json\r\ncontent-length: ${length}\r\n\r\n`;
  if (length === null) {
    let h = heads.get(c);
    if (!h) heads.set(c, (h = base));
    return h;
  }
  return base;
}

async function send(c, body) {
  const conn = await acquire();
  const status = await conn.send(headFor(c, body === null ? null : Buffer.byteLength(body)), body);
  release(conn);
  return status;
}

let n = 0;
// As the field app makes them (src/web/features/field/clientId.ts): UUIDv7, the time in milliseconds
// then random bits. `ids: 'v4'` sends random UUIDs instead, as a client of the API other than ours may.
const v7 = () => {
  const h = Date.now().toString(16).padStart(12, '0');
  const r = randomUUID();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${r.slice(15, 18)}-${r.slice(19)}`;
};
const newId = ids === 'v4' ? randomUUID : v7;
const bodyFor = (c) =>
  bodies === null
    ? null
    : `{"clientId":"${newId()}",${c.fields},"answers":${bodies[n++ % bodies.length]},"submittedAt":"${new Date().toISOString()}"}`;

// Open every connection before the clock starts: 300 sockets opened in the same millisecond measure
// the kernel's accept queue, not the server.
if (warm) await Promise.all(clients.map((c) => send(c, null)));

// This thread's own CPU time (Linux): what the simulated observers cost the machine they share.
const threadCpuMs = () => {
  try {
    const st = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in ticks of 10 ms
  } catch {
    return NaN;
  }
};

const times = [];
const statuses = {};
let ok = 0;
let bad = 0;
const cpu0 = threadCpuMs();
const t0 = performance.now();
const end = t0 + seconds * 1000;
const record = (status, ms) => {
  times.push(ms);
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (status === 200 || status === 201) ok += 1;
  else bad += 1;
};

if (rate > 0) {
  // Open loop: each observer sends on its own schedule whether or not the last answer came back, and
  // latency counts from the scheduled moment (no coordinated omission: a stalled server is not
  // rewarded with fewer requests).
  const gap = 1000 / rate;
  const inflight = [];
  await Promise.all(
    clients.map(async (c, i) => {
      let next = t0 + (gap * i) / clients.length;
      while (next < end) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const due = next;
        inflight.push(send(c, bodyFor(c)).then((s) => record(s, performance.now() - due)));
        next += gap;
      }
    }),
  );
  await Promise.all(inflight);
} else {
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < end) {
        const s = performance.now();
        const status = await send(c, bodyFor(c));
        record(status, performance.now() - s);
      }
    }),
  );
}
const secs = (performance.now() - t0) / 1000;
const cpuMs = threadCpuMs() - cpu0;
for (const c of idle) c.socket.destroy();
times.sort((a, b) => a - b);
parentPort.postMessage({ ok, bad, secs, cpuMs, statuses, times: Float64Array.from(times) });
