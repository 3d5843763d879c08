// The election-day load generator, run in a worker thread so that the simulated observers do not
// share the server's event loop (real observers are on other machines; on one process the client's
// own HTTP work was a third of the measured CPU). Plain JavaScript: a worker does not get the TS loader.
//
// workerData: { port, clients: [{ cookie, path, prefix?, suffix? }], bodies: string[] | null,
//               seconds, rate (per client per second; 0 = closed loop), warm: boolean }
// A POST body is `prefix + clientId + middle + answers + suffix` with a fresh UUID, so replays never
// happen by accident. Posts back { ok, bad, statuses, times } (latencies in ms, sorted).
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

const { port, clients, bodies, seconds, rate, warm } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients.length });

function send(c, body) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: body === null ? c.getPath : c.path,
        method: body === null ? 'GET' : 'POST',
        agent,
        headers: {
          cookie: c.cookie,
          'x-csrf-token': 'bench',
          ...(body === null
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body ?? undefined);
  });
}

let n = 0;
const bodyFor = (c) =>
  bodies === null
    ? null
    : `{"clientId":"${randomUUID()}",${c.fields},"answers":${bodies[n++ % bodies.length]},"submittedAt":"${new Date().toISOString()}"}`;

// Open every connection before the clock starts: 300 sockets opened in the same millisecond measure
// the kernel's accept queue, not the server.
if (warm) await Promise.all(clients.map((c) => send(c, null)));

const times = [];
const statuses = {};
let ok = 0;
let bad = 0;
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
agent.destroy();
times.sort((a, b) => a - b);
parentPort.postMessage({ ok, bad, secs, statuses, times: Float64Array.from(times) });
