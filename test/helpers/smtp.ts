import net from 'node:net';

/** A tiny SMTP server (node:net) that keeps every message it is given. */
export async function smtpServer() {
  const messages: { to: string[]; data: string }[] = [];
  const server = net.createServer((sock) => {
    let buf = '';
    let inData = false;
    let cur = { to: [] as string[], data: '' };
    sock.setEncoding('utf8');
    sock.write('220 test ESMTP\r\n');
    sock.on('data', (chunk: string) => {
      buf += chunk;
      for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(cur);
            cur = { to: [], data: '' };
            sock.write('250 queued\r\n');
          } else cur.data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') sock.write('250-test\r\n250 8BITMIME\r\n');
        else if (cmd === 'RCPT') {
          cur.to.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1'));
          sock.write('250 ok\r\n');
        } else if (cmd === 'DATA') {
          inData = true;
          sock.write('354 go ahead\r\n');
        } else if (cmd === 'QUIT') sock.end('221 bye\r\n');
        else sock.write('250 ok\r\n');
      }
    });
    sock.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return { port, messages, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Message text with quoted-printable / base64 bodies and encoded-word headers decoded. */
export function decodeMail(raw: string): string {
  const qp = (s: string) =>
    Buffer.from(
      s
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  // Adjacent encoded words of a folded header join without the folding space (RFC 2047).
  const unfolded = raw.replace(/\?=\r\n[ \t]+=\?/g, '?==?');
  const words = unfolded.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
  );
  const sep = words.indexOf('\r\n\r\n');
  const head = sep >= 0 ? words.slice(0, sep) : words;
  const body = sep >= 0 ? words.slice(sep + 4) : '';
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return `${head}\r\n\r\n${Buffer.from(body, 'base64').toString('utf8')}`;
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return `${head}\r\n\r\n${qp(body)}`;
  return words;
}

export type SmtpServer = Awaited<ReturnType<typeof smtpServer>>;
