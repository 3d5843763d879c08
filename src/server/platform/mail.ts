import { createTransport } from 'nodemailer';

/**
 * Send one plain-text message through the configured SMTP server (nodemailer, no native code).
 * E-mail crosses servers the organisation does not control, so callers put no names, answers or
 * places in it: only what tells the reader to open Ukuk (SECURITY.md).
 */
export async function sendMail(
  smtp: { url: string; from: string },
  msg: { to: string; subject: string; text: string },
): Promise<void> {
  const transport = createTransport(smtp.url);
  try {
    await transport.sendMail({ from: smtp.from, to: msg.to, subject: msg.subject, text: msg.text });
  } finally {
    transport.close();
  }
}
