import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation, createHarness, createUser, type Harness, signIn } from "../../test/harness.js";
import { createGatewayTransport, createSmtpTransport } from "./transports.js";

/** A real SMTP server and a real HTTP gateway on loopback, as the association's providers would be. */
const received: { raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, done) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      received.push({ raw: Buffer.concat(chunks).toString("utf8") });
      done();
    });
  },
});
const gatewayCalls: { key: string | undefined; body: { to: string; body: string; channel: string } }[] = [];
let gatewayFailures = 0;
const gateway = createServer(async (request: IncomingMessage, response) => {
  let text = "";
  for await (const chunk of request) text += chunk;
  gatewayCalls.push({
    key: request.headers["idempotency-key"] as string | undefined,
    body: JSON.parse(text),
  });
  if (gatewayFailures > 0) {
    gatewayFailures--;
    response.writeHead(503).end();
    return;
  }
  response
    .writeHead(200, { "content-type": "application/json" })
    .end(JSON.stringify({ id: `gw-${gatewayCalls.length}` }));
});

let h: Harness;
let associationId: string;
let officer: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  h = await createHarness(
    {},
    {
      transports: {
        email: createSmtpTransport({
          url: `smtp://127.0.0.1:${smtpPort}`,
          from: "جمعية صلة <no-reply@silah.test>",
        }),
        sms: createGatewayTransport({ url: gatewayUrl, token: "secret-token", channel: "sms" }),
      },
    },
  );
  const association = await createAssociation(h, "notify");
  associationId = association.id;
  officer = await signIn(h, (await createUser(h, association.id, ["officer"])).email);
});
afterAll(async () => {
  await h.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
});

async function person(body: Record<string, unknown>) {
  const response = await officer.request("POST", "/api/beneficiaries", {
    gender: "female",
    lawfulBasis: "service_request",
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

const notify = (beneficiaryId: string, eventKey: string) =>
  h.db.tenant(associationId, (tx) =>
    h.modules.notifications.service.notifyBeneficiary(
      tx,
      { system: true, associationId },
      { beneficiaryId, eventKey, subject: "قرار طلبك", body: "نفيدك بقبول طلبك رقم ١٢." },
    ),
  );

describe("notifying a beneficiary on the agreed channel", () => {
  it("sends an e-mail over SMTP once, in Arabic, after the change commits", async () => {
    const reem = await person({
      fullName: "ريم بنت فهد العتيبي",
      email: "reem@example.test",
      preferredChannel: "email",
    });
    const queued = await notify(reem.id, "request:1:decided");
    expect(queued?.status).toBe("queued");
    expect(received).toHaveLength(0); // nothing leaves before the worker runs

    expect(await h.queue.drain()).toBe(1);
    expect(received).toHaveLength(1);
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.subject).toBe("قرار طلبك");
    expect(mail.text?.trim()).toBe("نفيدك بقبول طلبك رقم ١٢.");
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("reem@example.test");
    expect(mail.messageId).toBe(`<${queued!.id}@silah>`);

    expect(await notify(reem.id, "request:1:decided")).toBeUndefined();
    expect(await h.queue.drain()).toBe(0);
    expect(received).toHaveLength(1);
  });

  it("sends nothing when the change that caused it rolls back", async () => {
    const sara = await person({
      fullName: "سارة بنت علي القحطاني",
      email: "sara@example.test",
      preferredChannel: "email",
    });
    await expect(
      h.db.tenant(associationId, async (tx) => {
        await h.modules.notifications.service.notifyBeneficiary(
          tx,
          { system: true, associationId },
          { beneficiaryId: sara.id, eventKey: "request:2:decided", subject: "س", body: "ب" },
        );
        throw new Error("the decision failed to save");
      }),
    ).rejects.toThrow();
    expect(await h.queue.drain()).toBe(0);
    expect(received.filter((r) => r.raw.includes("sara@example.test"))).toHaveLength(0);
  });

  it("retries an SMS when the gateway is down, with the same idempotency key, until it is delivered", async () => {
    const nora = await person({
      fullName: "نورة بنت سعد الدوسري",
      phones: ["0551239876"],
      preferredChannel: "sms",
    });
    gatewayFailures = 1;
    const queued = await notify(nora.id, "request:3:complete");
    expect(await h.queue.drain()).toBe(0);
    h.clock.advance(10_000);
    expect(await h.queue.drain()).toBe(1);
    const calls = gatewayCalls.filter((c) => c.body.to === "+966551239876");
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set([queued!.id]));
    expect(calls[1]!.body).toMatchObject({ channel: "sms", body: "نفيدك بقبول طلبك رقم ١٢." });
    const rows = await h.db.tenant(associationId, (tx) =>
      h.modules.notifications.service.forBeneficiary(tx, nora.id),
    );
    expect(rows[0]).toMatchObject({
      status: "sent",
      attempts: 2,
      providerMessageId: expect.stringMatching(/^gw-/),
    });
  });

  it("turns a phone-call or letter channel into a task for staff, and says when there is no contact", async () => {
    const huda = await person({
      fullName: "هدى بنت ناصر الشمري",
      phones: ["0561112222"],
      preferredChannel: "phone",
    });
    expect((await notify(huda.id, "request:4:decided"))?.status).toBe("manual");
    const noEmail = await person({ fullName: "أمل بنت سالم المري", preferredChannel: "email" });
    expect(await notify(noEmail.id, "request:5:decided")).toMatchObject({
      status: "failed",
      failureReason: "no_recipient",
    });
    expect(await h.queue.drain()).toBe(0);
  });
});
