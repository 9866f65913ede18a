import type { ContactChannel } from "../../../shared/contracts/channels.js";
import type { FieldError } from "../../../shared/contracts/errors.js";
import {
  type ApprovePolicyRequest,
  officerToolCodes,
  type PolicyContent,
  type PolicyDraftPatch,
  policyContentSchema,
  satisfactionMethodCodes,
} from "../../../shared/contracts/policy.js";
import {
  dayNumberFromIso,
  parseHijri,
  type ResponsePeriodRule,
  riyadhStartOfDay,
  toGregorian,
  toIsoDate,
} from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { assertHappened } from "../../http/dates.js";
import { AppError } from "../../http/errors.js";
import { authorize, can } from "../../http/policy.js";
import { GateBusyError } from "../../lib/gate.js";
import { createPdfRenderer, type PdfRenderer, PdfUnavailableError } from "../../lib/pdf.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import { type FilesService, measureArchive, OffThreadTaskError, readUntrusted } from "../files/index.js";
import type { UsersService } from "../users/index.js";
import { type ImportedPolicy, importPolicyText } from "./import/policy-import.js";
import { foldArabic } from "./import/policy-text.js";
import { policyPolicy } from "./policy.policy.js";
import { contentOf } from "./policy.presenter.js";
import type { PolicyRepository, PolicyVersionWithApproval } from "./policy.repository.js";
import { renderPrintedPolicy } from "./printed-policy.js";

export type PolicyService = ReturnType<typeof createPolicyService>;

function invalid(internal: string, fieldErrors: FieldError[]): AppError {
  return new AppError("validation_failed", internal, { fieldErrors });
}

/** Names compared as a person reads them: spaces collapsed, nothing else changed. */
export function sameName(typed: string, recorded: string): boolean {
  const tidy = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();
  return tidy(typed) === tidy(recorded);
}

/** The words of a library search, folded like titles; a leading «ال» is dropped so «لائحة» and «اللائحة» meet. */
export function libraryQueryWords(query: string): string[] {
  return libraryTitleKey(query)
    .split(" ")
    .filter(Boolean)
    .map((word) => (word.length >= 5 && word.startsWith("ال") ? word.slice(2) : word));
}

export function libraryTitleKey(title: string): string {
  return foldArabic(title.replace(/[«»"'()[\]{}،,.:؛;!?؟\-–—/\\]/g, " "));
}

/** The draft an imported policy makes: what the importer recognised, the rest left for the administrator. */
function contentFromImport(found: ImportedPolicy): PolicyContent {
  const known = <T extends string>(codes: readonly T[], values: readonly string[]) =>
    values.filter((v): v is T => (codes as readonly string[]).includes(v));
  return policyContentSchema.parse({
    channels: [...new Set(found.channels)],
    officerTools: known(officerToolCodes, found.officerTools),
    handlingSteps: found.handlingSteps.slice(0, 50).map((s) => s.slice(0, 2000)),
    referralRole: found.referralRole?.slice(0, 200) ?? null,
    responsePeriod: found.responsePeriod,
    satisfactionMethods: known(satisfactionMethodCodes, found.satisfactionMethods),
  });
}

export function createPolicyService(deps: {
  db: Database;
  repo: PolicyRepository;
  associations: AssociationsService;
  users: UsersService;
  files: FilesService;
  audit: AuditService;
  clock: Clock;
  /** The shared renderer (index.ts closes it with the app); or one for this browser path. */
  pdf?: PdfRenderer;
  chromiumPath?: string;
}) {
  const { db, repo, associations, users, files, audit, clock } = deps;
  const pdfRenderer = deps.pdf ?? createPdfRenderer({ executablePath: deps.chromiumPath });

  async function readable(actor: Actor, tx: Tx, id: string): Promise<PolicyVersionWithApproval> {
    const row = await repo.findVersion(tx, id);
    // A draft is not the policy: staff who may not see drafts are told there is nothing there.
    if (!row || (row.status === "draft" && !can(actor, policyPolicy, "readDrafts")))
      throw new AppError("not_found", "policy version not found");
    return row;
  }

  async function draftForUpdate(tx: Tx, id: string): Promise<PolicyVersionWithApproval> {
    const row = await repo.findVersion(tx, id, { lock: true });
    if (!row) throw new AppError("not_found", "policy draft not found");
    if (row.status !== "draft") throw new AppError("invalid_transition", `version ${id} is ${row.status}`);
    return row;
  }

  async function insertDraft(
    actor: Actor,
    content: PolicyContent,
    source: "manual" | "import",
    imported: ImportedPolicy | null,
  ) {
    const now = clock.now();
    return db.tenant(actor.associationId, async (tx) => {
      const row = await repo.insertVersion(tx, {
        associationId: actor.associationId,
        status: "draft",
        source,
        content,
        imported,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await audit.record(tx, actor, {
        type: "policy.draft_created",
        payload: { source },
        subject: { type: "policy_version", id: row.id },
      });
      return { ...row, approval: null };
    });
  }

  /** A policy the board can approve names at least its channels, steps and response period. */
  function completeness(content: PolicyContent): FieldError[] {
    const missing: FieldError[] = [];
    const need = (path: string, ar: string, en: string) =>
      missing.push({ path: `content.${path}`, code: "policy_incomplete", message: { ar, en } });
    if (content.channels.length === 0)
      need("channels", "حدّد قنوات التواصل قبل الاعتماد.", "Choose the contact channels before approval.");
    if (content.handlingSteps.length === 0)
      need(
        "handlingSteps",
        "أضف خطوات التعامل مع المستفيد قبل الاعتماد.",
        "Add the handling steps before approval.",
      );
    if (!content.responsePeriod)
      need(
        "responsePeriod",
        "حدّد مدة الرد على الطلبات قبل الاعتماد.",
        "Set the response period before approval.",
      );
    return missing;
  }

  return {
    async createDraft(actor: Actor, content: PolicyContent) {
      authorize(actor, policyPolicy, "editDrafts");
      return insertDraft(actor, content, "manual", null);
    },

    async updateDraft(actor: Actor, id: string, patch: PolicyDraftPatch) {
      authorize(actor, policyPolicy, "editDrafts");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await draftForUpdate(tx, id);
        const fields = Object.keys(patch).filter((k) => patch[k as keyof PolicyDraftPatch] !== undefined);
        const content = policyContentSchema.parse({ ...contentOf(row), ...patch });
        const updated = await repo.updateVersion(tx, id, { content, updatedAt: clock.now() });
        await audit.record(tx, actor, {
          type: "policy.draft_updated",
          payload: { fields },
          subject: { type: "policy_version", id },
        });
        return { ...updated, approval: null };
      });
    },

    /** For the import route, before the body is read: a 403 costs the server nothing. */
    authorizeDraftImport(actor: Actor): void {
      authorize(actor, policyPolicy, "editDrafts");
    },

    /** Onboarding: the association's existing policy (text or Word) read into a draft (issue 7). */
    async importDraft(actor: Actor, body: string | Buffer) {
      authorize(actor, policyPolicy, "editDrafts");
      let text: string;
      if (typeof body === "string") text = body;
      else {
        measureArchive(body, "document");
        try {
          // Read in a worker thread, measured before mammoth inflates it (files/untrusted.ts).
          text = await readUntrusted<string>(
            new URL("./import/docx-text.js", import.meta.url),
            "docxToText",
            [body],
          );
        } catch (error) {
          if (error instanceof OffThreadTaskError) throw new AppError("unsupported_file", error.message);
          throw error;
        }
      }
      if (text.trim() === "") {
        throw invalid("empty policy text", [
          {
            path: "body",
            code: "policy_text_empty",
            message: { ar: "الملف لا يحتوي على نص.", en: "The file holds no text." },
          },
        ]);
      }
      const found = importPolicyText(text);
      const draft = await insertDraft(actor, contentFromImport(found), "import", found);
      return { draft, found };
    },

    /**
     * The board's resolution (P2): the draft becomes the current policy and the previous current
     * is superseded, in one transaction. Approvals of one association are serialised by a lock, so
     * of two recorded at once exactly one finds the draft still a draft.
     */
    async approve(actor: Actor, id: string, input: ApprovePolicyRequest) {
      authorize(actor, policyPolicy, "approve");
      const parsed = parseHijri(input.hijriDate);
      if (!parsed.ok) {
        throw invalid(`hijri date ${input.hijriDate}`, [
          { path: "hijriDate", code: parsed.code, message: parsed.message },
        ]);
      }
      const hijriDate = toIsoDate(parsed.value);
      const approvedOn = toIsoDate(toGregorian(parsed.value));
      // An approval replaces the policy in force and asks every employee to sign again: it records
      // a meeting that took place, never one still to come.
      assertHappened(clock.now(), [
        {
          path: "hijriDate",
          date: approvedOn,
          label: { ar: "تاريخ اعتماد المجلس", en: "The board approval date" },
        },
      ]);
      return db.tenant(actor.associationId, async (tx) => {
        await repo.lockApprovals(tx, actor.associationId);
        const draft = await draftForUpdate(tx, id);
        const problems = completeness(contentOf(draft));
        for (const [index, member] of input.members.entries()) {
          if (member.signature.kind === "recorded") continue;
          if (!(await files.lookup(tx, member.signature.fileId))) {
            problems.push({
              path: `members.${index}.signature.fileId`,
              code: "signature_file_unknown",
              message: {
                ar: "ملف التوقيع غير موجود في ملفات الجمعية. ارفعه أولًا.",
                en: "The signature file is not among the association's files. Upload it first.",
              },
            });
          }
        }
        if (problems.length) throw invalid("policy approval refused", problems);

        const now = clock.now();
        const previous = await repo.current(tx);
        if (previous) await repo.updateVersion(tx, previous.id, { status: "superseded", supersededAt: now });
        const versionNumber = (await repo.lastVersionNumber(tx)) + 1;
        const approved = await repo.updateVersion(tx, id, {
          status: "approved",
          versionNumber,
          approvedAt: now,
          updatedAt: now,
        });
        const approval = await repo.insertApproval(tx, {
          associationId: actor.associationId,
          versionId: id,
          meetingNumber: input.meetingNumber,
          term: input.term,
          hijriDate,
          approvedOn,
          chair: input.chair,
          members: input.members,
          resolution: input.resolution,
          recordedBy: actor.userId,
          recordedAt: now,
        });
        await audit.record(tx, actor, {
          type: "policy.approved",
          payload: {
            versionNumber,
            meetingNumber: input.meetingNumber,
            hijriDate,
            supersededId: previous?.id ?? null,
          },
          subject: { type: "policy_version", id },
        });
        return { ...approved, approval };
      });
    },

    async versions(actor: Actor) {
      authorize(actor, policyPolicy, "read");
      const includeDrafts = can(actor, policyPolicy, "readDrafts");
      return db.tenant(actor.associationId, (tx) => repo.listVersions(tx, { includeDrafts }));
    },

    async version(actor: Actor, id: string) {
      authorize(actor, policyPolicy, "read");
      return db.tenant(actor.associationId, (tx) => readable(actor, tx, id));
    },

    async current(actor: Actor) {
      authorize(actor, policyPolicy, "read");
      const row = await db.tenant(actor.associationId, (tx) => repo.current(tx));
      if (!row) throw new AppError("not_found", "no approved policy yet");
      return row;
    },

    /**
     * What the approved version says the rest of the system must do (P1), inside the caller's
     * transaction: the channels offered and the response period. Null before any approval.
     */
    async approvedRules(tx: Tx): Promise<{
      versionId: string;
      versionNumber: number | null;
      channels: ContactChannel[];
      responsePeriod: ResponsePeriodRule | null;
      /** The policy's own words for whom requests are referred to and which bodies decide (ADR 0024). */
      referralRole: string | null;
      committees: string;
      /** How the policy measures satisfaction (periodic survey, field survey…): the survey templates name it. */
      satisfactionMethods: string[];
    } | null> {
      const row = await repo.current(tx);
      if (!row) return null;
      const content = contentOf(row);
      return {
        versionId: row.id,
        versionNumber: row.versionNumber,
        channels: content.channels,
        responsePeriod: content.responsePeriod,
        referralRole: content.referralRole,
        committees: content.committees,
        satisfactionMethods: content.satisfactionMethods,
      };
    },

    /** The official Arabic document of a version (P4), as one self-contained HTML page. */
    async printHtml(actor: Actor, id: string): Promise<string> {
      return (await printed(actor, id)).html;
    },

    /** The same document as PDF, rendered by the system's Chromium; 503 where there is none. */
    async printPdf(actor: Actor, id: string): Promise<{ pdf: Buffer; versionNumber: number | null }> {
      const { html, row } = await printed(actor, id);
      try {
        return {
          pdf: await pdfRenderer.render(html),
          versionNumber: row.versionNumber,
        };
      } catch (error) {
        if (error instanceof PdfUnavailableError) throw new AppError("pdf_unavailable", error.message);
        if (error instanceof GateBusyError) {
          throw new AppError("busy", "too many PDFs being rendered", {
            retryAfterSeconds: error.retryAfterSeconds,
          });
        }
        throw error;
      }
    },

    // ——— Staff acknowledgement (P3) ———

    /** Whether the signed-in user has signed the current version; the web asks at sign-in until they do. */
    async myAcknowledgement(actor: Actor) {
      authorize(actor, policyPolicy, "acknowledge");
      return db.tenant(actor.associationId, async (tx) => {
        const current = await repo.current(tx);
        if (!current) return { current: null, signed: null };
        const signed = await repo.findAcknowledgement(tx, current.id, actor.userId);
        return { current, signed: signed ?? null };
      });
    },

    /**
     * The version the signed-in user must sign before any other work (P3), or null: none approved
     * yet, or already signed. Asked by the policy's hook on every request, so it stays one lookup.
     */
    async unsignedCurrent(actor: Actor) {
      return db.tenant(
        actor.associationId,
        async (tx) => (await repo.unsignedCurrent(tx, actor.userId)) ?? null,
      );
    },

    async acknowledge(actor: Actor, input: { versionId: string; typedName: string }) {
      authorize(actor, policyPolicy, "acknowledge");
      return db.tenant(actor.associationId, async (tx) => {
        const current = await repo.current(tx);
        if (!current) throw new AppError("not_found", "no approved policy to sign");
        if (current.id !== input.versionId) {
          throw new AppError("conflict", "signing a version that is not the current one", {
            fieldErrors: [
              {
                path: "versionId",
                code: "policy_not_current",
                message: {
                  ar: "اعتُمد إصدار أحدث من السياسة. اطّلع على الإصدار الحالي ثم وقّعه.",
                  en: "A newer version of the policy has been approved. Read the current version, then sign it.",
                },
              },
            ],
          });
        }
        const user = await users.lookup(tx, actor.userId);
        if (!user) throw new AppError("not_found", "user not found");
        if (!sameName(input.typedName, user.fullName)) {
          throw invalid("typed name does not match the account", [
            {
              path: "typedName",
              code: "name_mismatch",
              message: {
                ar: "اكتب اسمك الكامل كما هو مسجل في حسابك.",
                en: "Type your full name exactly as your account holds it.",
              },
            },
          ]);
        }
        const inserted = await repo.insertAcknowledgement(tx, {
          associationId: actor.associationId,
          versionId: current.id,
          userId: actor.userId,
          typedName: input.typedName.replace(/\s+/g, " ").trim(),
          signedAt: clock.now(),
        });
        if (inserted) {
          await audit.record(tx, actor, {
            type: "policy.acknowledged",
            payload: { versionId: current.id, versionNumber: current.versionNumber },
            subject: { type: "policy_version", id: current.id },
          });
        }
        const signature = inserted ?? (await repo.findAcknowledgement(tx, current.id, actor.userId))!;
        return { signature, version: current };
      });
    },

    /** For HR and management: every active staff member, signed or not, for the current version. */
    /** Who has signed the version in force and who has not; `show` keeps one of the two, as HR filters it. */
    async acknowledgementReport(actor: Actor, show: "all" | "signed" | "pending" = "all") {
      authorize(actor, policyPolicy, "acknowledgementReport");
      return db.tenant(actor.associationId, async (tx) => {
        const current = await repo.current(tx);
        const staff = await users.activeStaff(tx, actor.associationId);
        const signatures = current ? await repo.acknowledgementsOf(tx, current.id) : [];
        const byUser = new Map(signatures.map((s) => [s.userId, s]));
        const rows = staff.map((u) => ({
          userId: u.id,
          fullName: u.fullName,
          roles: u.roles,
          signed: byUser.has(u.id),
          signedAt: byUser.get(u.id)?.signedAt.toISOString() ?? null,
        }));
        // Who still has to sign comes first: that is what HR acts on.
        rows.sort(
          (a, b) => Number(a.signed) - Number(b.signed) || a.fullName.localeCompare(b.fullName, "ar"),
        );
        return {
          version: current ? { id: current.id, versionNumber: current.versionNumber } : null,
          staff: show === "all" ? rows : rows.filter((r) => r.signed === (show === "signed")),
          signedCount: rows.filter((r) => r.signed).length,
          pendingCount: rows.filter((r) => !r.signed).length,
        };
      });
    },

    /**
     * For the evidence pack (G7, P2, P3), inside the caller's tenant transaction: each version in
     * force at some moment of the period with its board approval, the signatures given to them by
     * the period's end, and the active staff who had not signed the version in force at its end.
     */
    async evidenceFor(tx: Tx, associationId: string, period: { from: string; to: string }) {
      const fromAt = riyadhStartOfDay(dayNumberFromIso(period.from));
      const toAt = riyadhStartOfDay(dayNumberFromIso(period.to) + 1);
      const versions = await repo.versionsInForce(tx, fromAt, toAt);
      const signatures = await repo.acknowledgementsBefore(
        tx,
        versions.map((v) => v.id),
        toAt,
      );
      const staff = await users.activeStaff(tx, associationId);
      const byId = new Map(staff.map((u) => [u.id, u]));
      const numberOf = new Map(versions.map((v) => [v.id, v.versionNumber]));
      const last = versions.at(-1);
      const signedLast = new Set(signatures.filter((s) => s.versionId === last?.id).map((s) => s.userId));
      return {
        versions: versions.map((v) => ({
          id: v.id,
          versionNumber: v.versionNumber,
          status: v.status as "approved" | "superseded",
          approvedAt: v.approvedAt,
          supersededAt: v.supersededAt,
          approval: v.approval
            ? {
                meetingNumber: v.approval.meetingNumber,
                term: v.approval.term,
                hijriDate: v.approval.hijriDate,
                approvedOn: v.approval.approvedOn,
                chair: v.approval.chair,
                members: (v.approval.members as { name: string; position: string }[]).map((m) => ({
                  name: m.name,
                  position: m.position,
                })),
                resolution: v.approval.resolution,
              }
            : null,
        })),
        signatures: signatures.map((s) => ({
          versionNumber: numberOf.get(s.versionId) ?? null,
          userId: s.userId,
          signedName: s.typedName,
          roles: byId.get(s.userId)?.roles ?? [],
          signedAt: s.signedAt,
        })),
        unsigned: last
          ? staff
              .filter((u) => !signedLast.has(u.id))
              .map((u) => ({ userId: u.id, fullName: u.fullName, roles: u.roles }))
              .sort((a, b) => a.fullName.localeCompare(b.fullName, "ar"))
          : [],
      };
    },

    // ——— The officer's library (T1) ———

    async library(
      actor: Actor,
      query: { q?: string | undefined; kind?: string | undefined; step?: number | undefined },
    ) {
      authorize(actor, policyPolicy, "read");
      return db.tenant(actor.associationId, (tx) =>
        repo.searchDocuments(tx, {
          words: libraryQueryWords(query.q ?? ""),
          kind: query.kind,
          step: query.step,
        }),
      );
    },

    async addDocument(
      actor: Actor,
      input: {
        kind: string;
        titleAr: string;
        stepIndexes: number[];
        version: { fileId: string; versionLabel: string };
      },
    ) {
      authorize(actor, policyPolicy, "editLibrary");
      return db.tenant(actor.associationId, async (tx) => {
        const problems = [
          ...(await fileProblems(tx, input.version.fileId, "version.fileId")),
          ...(await stepProblems(tx, input.stepIndexes)),
        ];
        if (problems.length) throw invalid("library document refused", problems);
        const now = clock.now();
        const document = await repo.insertDocument(tx, {
          associationId: actor.associationId,
          kind: input.kind,
          titleAr: input.titleAr,
          titleKey: libraryTitleKey(input.titleAr),
          stepIndexes: [...new Set(input.stepIndexes)].sort((a, b) => a - b),
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await repo.insertDocumentVersion(tx, {
          associationId: actor.associationId,
          documentId: document.id,
          fileId: input.version.fileId,
          versionLabel: input.version.versionLabel,
          uploadedBy: actor.userId,
          uploadedAt: now,
        });
        await audit.record(tx, actor, {
          type: "library.document_added",
          payload: { kind: input.kind, fileId: input.version.fileId },
          subject: { type: "library_document", id: document.id },
        });
        return (await repo.documentWithVersions(tx, document.id))!;
      });
    },

    async addDocumentVersion(actor: Actor, id: string, input: { fileId: string; versionLabel: string }) {
      authorize(actor, policyPolicy, "editLibrary");
      return db.tenant(actor.associationId, async (tx) => {
        const document = await repo.findDocument(tx, id);
        if (!document) throw new AppError("not_found", "library document not found");
        const problems = await fileProblems(tx, input.fileId, "fileId");
        if (problems.length) throw invalid("library version refused", problems);
        const now = clock.now();
        await repo.insertDocumentVersion(tx, {
          associationId: actor.associationId,
          documentId: id,
          fileId: input.fileId,
          versionLabel: input.versionLabel,
          uploadedBy: actor.userId,
          uploadedAt: now,
        });
        await repo.touchDocument(tx, id, now);
        await audit.record(tx, actor, {
          type: "library.version_added",
          payload: { fileId: input.fileId, versionLabel: input.versionLabel },
          subject: { type: "library_document", id },
        });
        return (await repo.documentWithVersions(tx, id))!;
      });
    },
  };

  async function printed(actor: Actor, id: string) {
    authorize(actor, policyPolicy, "read");
    const row = await db.tenant(actor.associationId, (tx) => readable(actor, tx, id));
    const association = await associations.current(actor);
    const html = renderPrintedPolicy({
      association: {
        nameAr: association.nameAr,
        licenseNumber: association.licenseNumber,
        supervisingAuthority: association.supervisingAuthority,
      },
      status: row.status as "draft" | "approved" | "superseded",
      versionNumber: row.versionNumber,
      content: contentOf(row),
      approval: row.approval
        ? {
            meetingNumber: row.approval.meetingNumber,
            term: row.approval.term,
            hijriDate: row.approval.hijriDate,
            approvedOn: row.approval.approvedOn,
            chair: row.approval.chair,
            members: row.approval.members as ApprovePolicyRequest["members"],
            resolution: row.approval.resolution,
          }
        : null,
    });
    return { html, row };
  }

  async function fileProblems(tx: Tx, fileId: string, path: string): Promise<FieldError[]> {
    if (await files.lookup(tx, fileId)) return [];
    return [
      {
        path,
        code: "file_unknown",
        message: {
          ar: "الملف غير موجود في ملفات الجمعية. ارفعه أولًا.",
          en: "The file is not among the association's files. Upload it first.",
        },
      },
    ];
  }

  /** Steps are linked by their place in the current policy; an index past its last step is refused. */
  async function stepProblems(tx: Tx, indexes: number[]): Promise<FieldError[]> {
    const current = await repo.current(tx);
    const count = current ? contentOf(current).handlingSteps.length : null;
    if (count === null) return [];
    return indexes
      .map((value, i) => ({ value, i }))
      .filter(({ value }) => value >= count)
      .map(({ i }) => ({
        path: `stepIndexes.${i}`,
        code: "step_unknown",
        message: {
          ar: "لا توجد خطوة بهذا الرقم في السياسة المعتمدة.",
          en: "The approved policy has no step with this number.",
        },
      }));
  }
}
