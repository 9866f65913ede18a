import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

/** One outgoing message as a transport sees it. `key` lets the far end drop a repeat. */
export type OutgoingMessage = { key: string; to: string; subject: string | null; body: string };
export type Transport = { name: string; send(message: OutgoingMessage): Promise<{ providerId: string }> };

export function createSmtpTransport(options: { url: string; from: string }): Transport {
  const mailer = nodemailer.createTransport(options.url);
  return {
    name: "smtp",
    async send(message) {
      const info = await mailer.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject ?? "",
        text: message.body,
        // A retry after a crash carries the same Message-ID, so mail systems can recognise it.
        messageId: `<${message.key}@silah>`,
        headers: { "Content-Language": "ar" },
      });
      return { providerId: info.messageId };
    },
  };
}

/** Development without SMTP: each e-mail becomes a real .eml file in the outbox folder. */
export function createFileMailTransport(options: { dir: string; from: string }): Transport {
  const mailer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    name: "eml-file",
    async send(message) {
      const info = await mailer.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject ?? "",
        text: message.body,
        messageId: `<${message.key}@silah>`,
      });
      await mkdir(options.dir, { recursive: true });
      const file = path.join(options.dir, `${message.key}.eml`);
      await writeFile(file, info.message as Buffer);
      return { providerId: file };
    },
  };
}

/**
 * SMS and WhatsApp through the association's gateway: a JSON POST of
 * `{ channel, to, body, idempotencyKey }` with a bearer token; any 2xx with `{ id }` is accepted.
 */
export function createGatewayTransport(options: {
  url: string;
  token: string | undefined;
  channel: "sms" | "whatsapp";
}): Transport {
  return {
    name: `gateway-${options.channel}`,
    async send(message) {
      const response = await fetch(options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": message.key,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({
          channel: options.channel,
          to: message.to,
          body: message.body,
          idempotencyKey: message.key,
        }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`gateway answered ${response.status}`);
      const answer = (await response.json().catch(() => ({}))) as { id?: unknown };
      return { providerId: typeof answer.id === "string" ? answer.id : `${response.status}` };
    },
  };
}
