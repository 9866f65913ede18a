import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodes } from "../shared/contracts/errors.js";
import { staffRoles } from "../shared/contracts/roles.js";
import { buildApp } from "./app.js";
import { createAssociation, createHarness, createUser, type Harness, signIn } from "./test/harness.js";
import {
  createSampler,
  type JsonSchema,
  type Known,
  seededRandom,
  stringPaths,
  withValue,
  wrongTypes,
} from "./test/openapi-sample.js";

/**
 * The API under hostile input, driven by its own OpenAPI document: every operation, as an anonymous
 * visitor and as staff of four role sets, receives wrong types, huge and unsafe strings (NUL, lone
 * surrogates, control characters, noncharacters, bidi overrides), extra and polluting fields,
 * malformed and oversized bodies, wrong content types and hostile path and query values. No answer
 * may be a server failure, every error is problem+json with a stable code, and nothing sent ever
 * reaches the log. Seeded (SILAH_FUZZ_SEED) so a failure reproduces.
 */

const seed = Number(process.env.SILAH_FUZZ_SEED ?? 20_261_129);
const random = seededRandom(seed);

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Parameter = { name: string; in: "path" | "query"; required?: boolean; schema: JsonSchema };
type Operation = {
  id: string;
  method: Method;
  template: string;
  path: Parameter[];
  query: Parameter[];
  body?: { contentType: string; schema: JsonSchema };
};
type Role = "anonymous" | "officer" | "manager" | "administrator" | "everyone";
type Sent = {
  operation: string;
  role: Role;
  kind: string;
  url: string;
  status: number;
  body: string;
  contentType: string;
  ms: number;
};

let h: Harness;
let app: FastifyInstance;
const logLines: string[] = [];
const credentials = new Map<Role, { cookie: string; csrf: string }>();
const known: Known = {};
let markerCount = 0;
const markerPrefix = "ZQXM";
const marker = () => `${markerPrefix}${++markerCount}Q`;

// Uploads are not JSON whatever the document says; these are what each such operation expects.
const textBodies: Record<string, string> = {
  "text/csv": "الاسم,رقم الهوية,الجنس\nسلمى بنت حمد,1000000008,أنثى\n",
  "text/plain": "سياسة الفحص\nقنوات التواصل\n1- الاتصال الهاتفي\n",
};
const binaryUploads: Record<string, { contentType: string; body: Buffer; query?: string }> = {
  "POST /api/files": {
    contentType: "application/pdf",
    body: Buffer.from("%PDF-1.4 fuzz\n%%EOF"),
    query: "name=fuzz.pdf",
  },
};

beforeAll(async () => {
  h = await createHarness();
  const association = await createAssociation(h, "fuzz");
  const everyone = await createUser(h, association.id, [...staffRoles], "موظف الفحص");
  const users = {
    officer: await createUser(h, association.id, ["officer"]),
    manager: await createUser(h, association.id, ["manager"]),
    administrator: await createUser(h, association.id, ["administrator"]),
  };
  // Someone the fuzzed calls may act on (assign, route, deactivate) without locking the fuzzers out.
  const bystander = await createUser(h, association.id, ["officer", "social_researcher", "committee_member"]);
  const client = await signIn(h, everyone.email);
  const ok = async (response: Promise<LightMyRequestResponse>) => {
    const answer = await response;
    expect(answer.statusCode, answer.body).toBeLessThan(300);
    return answer.statusCode === 204 ? {} : answer.json();
  };

  const file = await ok(
    client.request("POST", "/api/files?name=scan.pdf", Buffer.from("%PDF-1.4 fixture\n%%EOF"), {
      contentType: "application/pdf",
    }),
  );
  const beneficiary = await ok(
    client.request("POST", "/api/beneficiaries", {
      fullName: "سلمى بنت حمد الفاحصة",
      gender: "female",
      nationalId: "1000000008",
      phones: ["0551234567"],
      consent: { purpose: "تلقي الإشعارات", noticeVersion: "1" },
    }),
  );
  const second = await ok(
    client.request("POST", "/api/beneficiaries", {
      fullName: "نوف بنت علي الفاحصة",
      gender: "female",
      lawfulBasis: "service_request",
    }),
  );
  const inquiry = await ok(
    client.request("POST", "/api/interactions", {
      beneficiaryId: beneficiary.id,
      kind: "inquiry",
      channel: "phone",
      direction: "inbound",
      subject: "موعد الصرف",
    }),
  );
  const service = await ok(
    client.request("POST", "/api/services", {
      code: "fuzz_aid",
      nameAr: "خدمة الفحص",
      kind: "financial",
      requirements: [
        { kind: "field", code: "family_size", labelAr: "عدد الأفراد", fieldType: "number" },
        { kind: "document", code: "national_id", labelAr: "الهوية", validity: { kind: "not_expired" } },
      ],
    }),
  );
  const request = await ok(
    client.request("POST", "/api/requests", {
      beneficiaryId: beneficiary.id,
      serviceId: service.id,
      channel: "interview",
      data: { family_size: 3 },
    }),
  );
  await ok(
    client.request("POST", `/api/requests/${request.id}/documents`, {
      requirementCode: "national_id",
      fileId: file.id,
      expiresOn: "2030-01-01",
    }),
  );
  await ok(
    client.request("POST", `/api/requests/${request.id}/declaration`, { method: "scanned", fileId: file.id }),
  );
  const referred = await ok(
    client.request("POST", "/api/requests", {
      beneficiaryId: second.id,
      serviceId: service.id,
      channel: "phone",
    }),
  );
  const referral = (
    await ok(
      client.request("POST", `/api/requests/${referred.id}/referrals`, {
        ownerUserId: bystander.id,
        reason: "دراسة الحالة",
      }),
    )
  ).referrals[0];
  const committee = await ok(
    client.request("POST", "/api/committees", { nameAr: "لجنة الفحص", quorum: 1, memberIds: [bystander.id] }),
  );
  const meeting = await ok(
    client.request("POST", "/api/committee-meetings", {
      committeeId: committee.id,
      heldOn: "2026-03-16",
      requestIds: [request.id],
    }),
  );
  const complaint = await ok(
    client.request("POST", "/api/complaints", {
      channel: "phone",
      category: "service",
      subject: "شكوى الفحص",
      details: "تفاصيل شكوى الفحص",
      name: "مشتكٍ",
    }),
  );
  const complaintId = (await ok(client.request("GET", "/api/complaints?status=all"))).items[0].id;
  const claim = await ok(
    client.request("POST", "/api/compensation-claims", {
      claimantName: "مطالب",
      description: "مطالبة بالتعويض",
      complaintId,
    }),
  );
  const policy = await ok(
    client.request("POST", "/api/policy/drafts", {
      preamble: "مقدمة سياسة الفحص",
      channels: ["phone"],
      handlingSteps: ["الخطوة الأولى"],
      responsePeriod: { value: 1, unit: "months", bound: "min", startsAt: "submission" },
    }),
  );
  await ok(
    client.request("POST", `/api/policy/drafts/${policy.id}/approve`, {
      meetingNumber: "7",
      term: "3",
      hijriDate: "1447-08-01",
      chair: "رئيس المجلس",
      members: [{ name: "عضو", position: "عضو", signature: { kind: "scanned", fileId: file.id } }],
      resolution: "اعتماد السياسة",
    }),
  );
  // Once a policy is in force its staff sign it before working, the setup's own user too.
  await ok(
    client.request("POST", "/api/policy/current/acknowledge", {
      versionId: policy.id,
      typedName: everyone.fullName,
    }),
  );
  const draft = await ok(client.request("POST", "/api/policy/drafts", { preamble: "مسودة" }));
  const library = await ok(
    client.request("POST", "/api/library", {
      kind: "bylaws",
      titleAr: "اللائحة",
      version: { fileId: file.id, versionLabel: "1" },
    }),
  );
  Object.assign(known, {
    slug: association.slug,
    token: complaint.trackingToken,
    beneficiaryId: beneficiary.id,
    duplicateId: second.id,
    consentId: beneficiary.consents[0].id,
    interactionId: inquiry.id,
    fileId: file.id,
    serviceId: service.id,
    requestId: request.id,
    requestIds: request.id,
    referralId: referral.id,
    committeeId: committee.id,
    meetingId: meeting.id,
    complaintId,
    claimId: claim.id,
    versionId: draft.id,
    documentId: library.id,
    userId: bystander.id,
    assigneeId: bystander.id,
    ownerUserId: bystander.id,
    liaisonUserId: bystander.id,
    memberIds: bystander.id,
    date: "2026-05-10",
  });

  // The app under test writes its log where the test reads it, at a level more talkative than production.
  app = await buildApp({
    config: { ...h.config, logLevel: "debug" },
    db: h.db,
    clock: h.clock,
    modules: h.modules,
    logStream: { write: (line) => logLines.push(line) },
  });
  for (const [role, user] of [["everyone", everyone], ...Object.entries(users)] as const) {
    const signedIn = await signIn(h, user.email);
    credentials.set(role as Role, { cookie: signedIn.cookie, csrf: signedIn.session.csrfToken });
    // Staff sign the policy in force, so a server-side sign-off gate does not stop the fuzzing at the door.
    await signedIn.request("POST", "/api/policy/current/acknowledge", {
      versionId: policy.id,
      typedName: user.fullName,
    });
  }
}, 180_000);

afterAll(async () => {
  await app?.close();
  await h?.close();
});

function operationsOf(document: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }
    >
  >;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const content = Object.entries(operation.requestBody?.content ?? {})[0];
      return {
        id: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase() as Method,
        template,
        path: parameters.filter((p) => p.in === "path"),
        query: parameters.filter((p) => p.in === "query"),
        ...(content ? { body: { contentType: content[0], schema: content[1].schema } } : {}),
      };
    }),
  );
}

type Request = {
  kind: string;
  pathValues?: Record<string, string>;
  query?: string;
  payload?: string | Buffer;
  contentType?: string;
  /** Field paths the guard must name as `unsafe_characters`. */
  unsafeAt?: string[];
};

const sampler = createSampler(random, known);
const sent: Sent[] = [];

async function send(operation: Operation, role: Role, request: Request): Promise<Sent> {
  const pathValues = request.pathValues ?? {};
  // A PDF is rendered by a browser per request: aimed at a missing version, it answers without one.
  const pdf = operation.template.endsWith("/pdf");
  const url = operation.template.replace(
    /\{(\w+)\}/g,
    (_, name: string) =>
      pathValues[name] ?? (pdf ? random.uuid() : encodeURIComponent(known[name] ?? random.uuid())),
  );
  const full = request.query ? `${url}?${request.query}` : url;
  const auth = credentials.get(role);
  const began = performance.now();
  const response = await app.inject({
    method: operation.method,
    url: full,
    headers: {
      ...(auth ? { "x-csrf-token": auth.csrf } : {}),
      ...(request.contentType ? { "content-type": request.contentType } : {}),
    },
    cookies: auth ? { silah_session: auth.cookie } : {},
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  const result: Sent = {
    operation: operation.id,
    role,
    kind: request.kind,
    url: full.slice(0, 200),
    status: response.statusCode,
    body: response.body,
    contentType: String(response.headers["content-type"] ?? ""),
    ms: performance.now() - began,
  };
  sent.push(result);
  if (process.env.SILAH_FUZZ_TRACE) {
    process.stderr.write(
      `${Math.round(result.ms)} ms ${result.status} ${role} ${operation.id} ${request.kind}\n`,
    );
  }
  return result;
}

function baselineQuery(operation: Operation): Record<string, string> {
  return Object.fromEntries(
    operation.query
      .filter((p) => p.required || p.schema.default === undefined)
      .map((p) => [p.name, String(sampler.sample(p.schema, p.name))]),
  );
}

function encodeQuery(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
}

/**
 * How hard each caller pushes: the all-roles user reaches every service and gets every case and the
 * unsafe-value sweep; single-role staff get the cases that differ by role (validation before or after
 * authorization); an anonymous visitor is mostly stopped at the door, except on the public pages.
 */
type Depth = "full" | "standard" | "door";

const unsafeValues = [
  ["nul", "\u0000"],
  ["lone-surrogate", "\uD83D"],
  ["control", "\u0007"],
  ["noncharacter", "\uFFFF"],
] as const;

/** The hostile requests for one operation at one depth. */
function casesFor(operation: Operation, depth: Depth): Request[] {
  const cases: Request[] = [];
  const full = depth === "full";
  const query = baselineQuery(operation);
  const upload = binaryUploads[operation.id];
  const q = (extra: Record<string, string> = {}) => encodeQuery({ ...query, ...extra }) || undefined;
  const json = operation.body?.contentType === "application/json" && !upload;
  const text = operation.body && textBodies[operation.body.contentType];
  const body = json ? sampler.sample(operation.body!.schema) : undefined;
  const strings = json ? stringPaths(body) : [];
  const jsonRequest = (kind: string, payload: unknown, extra: Partial<Request> = {}): Request => ({
    kind,
    query: q(),
    payload: JSON.stringify(payload),
    contentType: "application/json",
    ...extra,
  });
  const raw = (kind: string, payload: string, contentType = "application/json"): Request => ({
    kind,
    query: q(),
    payload,
    contentType,
  });

  // The plausible request (and, for JSON, the same with only what is required).
  if (upload) {
    cases.push({
      kind: "baseline",
      query: upload.query,
      payload: upload.body,
      contentType: upload.contentType,
    });
  } else if (json) {
    cases.push(jsonRequest("baseline", body));
    if (depth !== "door")
      cases.push(jsonRequest("required-only", sampler.sampleRequired(operation.body!.schema)));
  } else if (text) {
    cases.push(raw("baseline", text, operation.body!.contentType));
  } else if (operation.body) {
    // A binary document (Excel, Word) that is not one: a hostile file is refused, never a crash.
    cases.push({
      kind: "baseline",
      query: q(),
      payload: Buffer.from(`PK\u0003\u0004${marker()}`),
      contentType: operation.body.contentType,
    });
  } else {
    cases.push({ kind: "baseline", query: q() });
  }

  if (json || operation.method !== "GET") cases.push(raw("malformed-json", `{"a": "${marker()}", `));
  if (json && depth !== "door") {
    cases.push(jsonRequest("wrong-types", wrongTypes(body)));
    cases.push(jsonRequest("not-an-object", random.pick([[], null, 0, "نص", true])));
    cases.push(jsonRequest("extra-field", { ...(body as object), zzUnexpectedField: marker() }));
    const huge = strings.reduce(
      (value, path) => withValue(value, path, `${marker()}${"ب".repeat(30_000)}`),
      body,
    );
    cases.push(jsonRequest("huge-strings", huge));
  }
  if (json && full) {
    cases.push(
      raw(
        "prototype-pollution",
        `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":"${marker()}"}}}`,
      ),
    );
    cases.push({
      ...jsonRequest("wrong-content-type", body),
      contentType: random.pick([
        "text/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]),
    });
    cases.push(raw("oversized-body", JSON.stringify({ x: `${marker()}${"x".repeat(1_100_000)}` })));
    cases.push(raw("deep-nesting", `${"[".repeat(20_000)}"${marker()}"${"]".repeat(20_000)}`));
    cases.push(raw("empty-body", ""));
  }
  if (!json && !text && !upload && operation.method !== "GET" && operation.method !== "DELETE" && full) {
    cases.push(jsonRequest("unexpected-json-body", { note: marker() }));
  }
  if (text && depth !== "door") {
    cases.push({
      ...raw("text-with-nul", `${text}${marker()}\u0000`, operation.body!.contentType),
      unsafeAt: [""],
    });
  }

  if (depth !== "door") cases.push({ kind: "unknown-query", query: q({ zzUnexpected: marker() }) });
  const queryValues = [
    ["query-nul", `${marker()}\u0000`],
    ["query-huge-number", "9".repeat(400)],
    ["query-negative", "-1"],
    ["query-huge-string", `${marker()}${"ق".repeat(5_000)}`],
  ] as const;
  for (const parameter of operation.query) {
    if (depth === "door") break;
    for (const [kind, value] of full ? queryValues : queryValues.slice(0, 2)) {
      cases.push({
        kind,
        query: q({ [parameter.name]: value }),
        ...(kind === "query-nul" ? { unsafeAt: [`querystring.${parameter.name}`] } : {}),
      });
    }
    if (full)
      cases.push({ kind: "query-repeated", query: `${q() ?? ""}&${parameter.name}=1&${parameter.name}=2` });
  }
  const pathValues = [
    ["path-too-long", "9".repeat(150)],
    ["path-nul", `${marker()}%00`],
    ["path-traversal", "..%2F..%2Fetc%2Fpasswd"],
    ["path-bidi", `${marker()}%E2%80%AE`],
    ["path-bad-encoding", "%E0%A4%A"],
  ] as const;
  for (const parameter of operation.path) {
    for (const [kind, value] of full ? pathValues : pathValues.slice(0, depth === "door" ? 1 : 2)) {
      cases.push({ kind, query: q(), pathValues: { [parameter.name]: value } });
    }
  }

  if (!full) return cases;
  // The sweep: every string field carries an unsafe value (each field another one, in turn), then
  // NUL in every field at once (each must be named), then a bidi override in every field (allowed).
  strings.forEach((path, i) => {
    const [name, value] = unsafeValues[i % unsafeValues.length]!;
    cases.push(
      jsonRequest(`unsafe-${name}`, withValue(body, path, `${marker()}${value}سطر`), {
        unsafeAt: [path.join(".")],
      }),
    );
  });
  if (strings.length > 1) {
    const everywhere = strings.reduce((value, path) => withValue(value, path, `${marker()}\u0000`), body);
    cases.push(
      jsonRequest("unsafe-nul-everywhere", everywhere, { unsafeAt: strings.map((p) => p.join(".")) }),
    );
  }
  if (strings.length > 0) {
    const bidi = strings.reduce((value, path) => withValue(value, path, `\u202E${marker()}\u202C`), body);
    cases.push(jsonRequest("bidi-override-everywhere", bidi));
    const path = random.pick(strings);
    const noise = Array.from({ length: 16 }, () => String.fromCodePoint(random.int(0x110000))).join("");
    cases.push(jsonRequest("random-code-points", withValue(body, path, `${marker()}${noise}`)));
  }
  operation.query.forEach((parameter, i) => {
    const [name, value] = unsafeValues[(i + 1) % unsafeValues.length]!;
    if (name === "lone-surrogate") {
      // An address cannot carry one as UTF-8; its encoded halves are what a client could send.
      cases.push({
        kind: "unsafe-surrogate-bytes",
        query: `${q() ?? ""}&${parameter.name}=${marker()}%ED%A0%BD`,
      });
    } else {
      cases.push({
        kind: `unsafe-${name}`,
        query: q({ [parameter.name]: `${marker()}${value}` }),
        unsafeAt: [`querystring.${parameter.name}`],
      });
    }
  });
  return cases;
}

describe("the API under hostile input", () => {
  it("never fails on the server, answers every error as a problem, and logs nothing it was sent", async () => {
    const started = Date.now();
    const document = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    // Signing out ends the fuzzers' sessions: it goes last.
    const only = process.env.SILAH_FUZZ_ONLY ? new RegExp(process.env.SILAH_FUZZ_ONLY) : undefined;
    const operations = operationsOf(document)
      .filter((operation) => !only || only.test(operation.id))
      .sort((x, y) => Number(x.id.includes("sign-out")) - Number(y.id.includes("sign-out")));
    const roles: Role[] = ["anonymous", "officer", "manager", "administrator", "everyone"];
    const caseKinds = new Set<string>();
    const unsafeMisses: string[] = [];
    for (const operation of operations) {
      const isPublic =
        operation.template.startsWith("/api/public/") ||
        operation.template.startsWith("/api/portal/associations/") ||
        operation.template === "/healthz";
      for (const role of roles) {
        const depth: Depth =
          role === "everyone" || (role === "anonymous" && isPublic)
            ? "full"
            : role === "anonymous"
              ? "door"
              : "standard";
        for (const request of casesFor(operation, depth)) {
          caseKinds.add(request.kind);
          const result = await send(operation, role, request);
          if (request.unsafeAt && depth === "full") {
            const named = new Set(
              result.status === 400
                ? (JSON.parse(result.body).errors ?? [])
                    .filter((e: { code: string }) => e.code === "unsafe_characters")
                    .map((e: { path: string }) => e.path)
                : [],
            );
            const missing = request.unsafeAt.filter((path) => !named.has(path));
            if (missing.length > 0) {
              unsafeMisses.push(`${operation.id} [${request.kind}] ${missing.join(", ")} → ${result.status}`);
            }
          }
        }
      }
    }
    const seconds = Math.round((Date.now() - started) / 1000);

    const failures = sent
      .filter((s) => s.status >= 500)
      .map((s) => `${s.status} ${s.role} ${s.operation} [${s.kind}] ${s.body.slice(0, 160)}`);
    const notProblems = sent
      .filter((s) => s.status >= 400)
      .filter((s) => {
        if (!s.contentType.includes("application/problem+json")) return true;
        const code = JSON.parse(s.body).code;
        return !(errorCodes as readonly string[]).includes(code);
      })
      .map(
        (s) => `${s.status} ${s.role} ${s.operation} [${s.kind}] ${s.contentType} ${s.body.slice(0, 120)}`,
      );
    const echoed = sent
      .filter((s) => [400, 413, 414, 415].includes(s.status) && s.body.includes(markerPrefix))
      .map((s) => `${s.status} ${s.role} ${s.operation} [${s.kind}]`);
    const log = logLines.join("");
    const logged = logLines.filter((line) => line.includes(markerPrefix)).map((line) => line.slice(0, 300));

    const byStatus: Record<number, number> = {};
    for (const s of sent) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    const reached = new Set(
      sent.filter((s) => s.kind === "baseline" && s.status < 300).map((s) => s.operation),
    ).size;
    console.info(
      `fuzz seed ${seed}: ${operations.length} operations × ${caseKinds.size} kinds of case × ${roles.length} roles, ` +
        `${sent.length} requests in ${seconds} s; baseline succeeded on ${reached} operations; statuses ${JSON.stringify(byStatus)}; ` +
        `${log.length} bytes of log`,
    );

    const slowest = (key: (s: Sent) => string) =>
      Object.entries(
        sent.reduce<Record<string, number>>((sum, s) => {
          sum[key(s)] = (sum[key(s)] ?? 0) + s.ms;
          return sum;
        }, {}),
      )
        .sort(([, a], [, b]) => b - a)
        .slice(0, 8)
        .map(([name, ms]) => `${name} ${Math.round(ms)} ms`);
    console.info(`slowest operations: ${slowest((s) => s.operation).join("; ")}`);
    console.info(`slowest cases: ${slowest((s) => s.kind).join("; ")}`);

    expect(failures, `server failures (seed ${seed})`).toEqual([]);
    expect(notProblems, "error answers that are not problem+json with a code").toEqual([]);
    expect(unsafeMisses, "unsafe values not refused by name").toEqual([]);
    expect(echoed, "refusals that quote what was sent").toEqual([]);
    expect(logged, "log lines carrying a value that was sent").toEqual([]);
    expect(sent.length).toBeGreaterThan(operations.length * roles.length * 5);
  }, 600_000);
});
