import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Mailbox = {
  /** The `SILAH_SMTP_URL` that delivers here. */
  url: string;
  /** Waits for the first message to `to` whose subject or text matches, parsed. */
  waitFor(to: string, matches: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
};

/** A real SMTP server on loopback that keeps every message Silah sends, as an association's provider would. */
export async function openMailbox(): Promise<Mailbox> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  const addressedTo = (mail: ParsedMail, to: string) => {
    const list = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    return list.some((group) => group.value.some((a) => a.address?.toLowerCase() === to.toLowerCase()));
  };

  return {
    url: `smtp://127.0.0.1:${port}`,
    async waitFor(to, matches, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = received.find((mail) => addressedTo(mail, to) && matches(mail));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const seen = received.map((m) => `${m.subject ?? ""}`).join(" | ");
      throw new Error(`no message to ${to} within ${timeoutMs / 1000} s; received: ${seen || "none"}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
