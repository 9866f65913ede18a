import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type ContactChannel, channelNames } from "../../../shared/contracts/channels.js";
import {
  approveClaimRequestSchema,
  assignComplaintRequestSchema,
  associationSlugParamsSchema,
  type ClaimView,
  type ComplaintView,
  challengeResponseSchema,
  claimIdParamsSchema,
  claimListResponseSchema,
  claimViewSchema,
  closeComplaintRequestSchema,
  complaintDirectionRequestSchema,
  complaintIdParamsSchema,
  complaintListQuerySchema,
  complaintListResponseSchema,
  complaintNoteRequestSchema,
  complaintReceiptSchema,
  complaintsDashboardSchema,
  complaintTrackingSchema,
  complaintViewSchema,
  negotiationRoundRequestSchema,
  openClaimRequestSchema,
  paymentRequestSchema,
  publicComplaintRequestSchema,
  recordProofRequestSchema,
  settlementRequestSchema,
  staffComplaintRequestSchema,
  trackingParamsSchema,
} from "../../../shared/contracts/complaints.js";
import {
  claimStatusNames,
  complaintCategoryNames,
  complaintOutcomeNames,
  complaintSourceNames,
  complaintStatusNames,
} from "../../../shared/contracts/export-labels.js";
import { exportFormatSchema, exportQuerySchema, exportRowLimit } from "../../../shared/contracts/exports.js";
import type { Clock } from "../../clock.js";
import { type ExportColumn, exportProduces, sendAuditedExport } from "../../http/export.js";
import type { AuditService } from "../audit/index.js";
import type { CompensationService } from "./compensation.service.js";
import { presentClaim, presentComplaint, presentTracking } from "./complaints.presenter.js";
import type { ComplaintsService } from "./complaints.service.js";

const tags = ["complaints"];
const publicTags = ["public"];

const halalasToRiyals = (amount: number | null) => (amount === null ? null : amount / 100);

const complaintColumns: ExportColumn<ComplaintView>[] = [
  { header: "رقم الشكوى", value: (c) => c.referenceNumber },
  { header: "وردت من", value: (c) => complaintSourceNames[c.source] },
  // Every channel a complaint is recorded through is a contact channel (the public page is "website").
  { header: "قناة التواصل", value: (c) => channelNames[c.channel as ContactChannel]?.ar ?? null },
  { header: "التصنيف", value: (c) => complaintCategoryNames[c.category] },
  { header: "الموضوع", value: (c) => c.subject },
  { header: "دون ذكر الاسم", value: (c) => c.anonymous },
  { header: "اسم المشتكي", field: "complaint.complainant", value: (c) => c.complainant?.name ?? null },
  { header: "جوال المشتكي", field: "complaint.complainant", value: (c) => c.complainant?.phone ?? null },
  { header: "بريد المشتكي", field: "complaint.complainant", value: (c) => c.complainant?.email ?? null },
  { header: "تفاصيل الشكوى", field: "complaint.details", value: (c) => c.details },
  { header: "الحالة", value: (c) => complaintStatusNames[c.status] },
  { header: "النتيجة", value: (c) => (c.outcome ? complaintOutcomeNames[c.outcome] : null) },
  { header: "المسندة إليه", value: (c) => c.assignedTo?.fullName ?? null },
  { header: "تاريخ الاستلام", kind: "datetime", value: (c) => c.receivedAt },
  { header: "موعد الرد", kind: "date", value: (c) => c.dueDate },
  { header: "متأخرة", value: (c) => c.overdue },
  { header: "تاريخ التصعيد", kind: "datetime", value: (c) => c.escalatedAt },
  { header: "تاريخ الإغلاق", kind: "datetime", value: (c) => c.closedAt },
];

const claimColumns: ExportColumn<ClaimView>[] = [
  { header: "صاحب المطالبة", value: (c) => c.claimantName },
  { header: "الحالة", value: (c) => claimStatusNames[c.status] },
  { header: "الضرر المدّعى", field: "compensation.harm", value: (c) => c.description },
  { header: "مبلغ التسوية (ريال)", kind: "number", value: (c) => halalasToRiyals(c.settledAmount) },
  { header: "المبلغ المعتمد (ريال)", kind: "number", value: (c) => halalasToRiyals(c.approvedAmount) },
  { header: "المصروف (ريال)", kind: "number", value: (c) => halalasToRiyals(c.paidAmount) },
  { header: "تاريخ الفتح", kind: "datetime", value: (c) => c.createdAt },
];

export function complaintsRoutes(deps: {
  complaints: ComplaintsService;
  compensation: CompensationService;
  clock: Clock;
  audit: AuditService;
}): FastifyPluginAsyncZod {
  const { complaints, compensation, clock, audit } = deps;
  const receipt = (r: {
    complaint: { referenceNumber: string };
    trackingToken: string;
    dueDate: string;
  }) => ({
    referenceNumber: r.complaint.referenceNumber,
    trackingToken: r.trackingToken,
    trackingPath: `/complaints/track/${r.trackingToken}`,
    dueDate: r.dueDate,
  });

  return async (app) => {
    // ——— Public: no account (Q1) ———
    app.get(
      "/api/public/associations/:slug/complaint-challenge",
      {
        config: { access: "public" },
        schema: {
          tags: publicTags,
          summary:
            "A proof-of-work challenge (ALTCHA) for the public complaint form, bound to the association; harder for an address that asks often",
          params: associationSlugParamsSchema,
          response: { 200: challengeResponseSchema },
        },
      },
      async (request, reply) => {
        // Each challenge is single-use and counted against the address: never from a cache.
        reply.header("cache-control", "no-store");
        return complaints.publicChallenge(request.params.slug, request.ip);
      },
    );

    app.post(
      "/api/public/associations/:slug/complaints",
      {
        config: { access: "public" },
        bodyLimit: 32 * 1024,
        schema: {
          tags: publicTags,
          summary: "File a complaint without an account; answers with a reference number and a tracking link",
          params: associationSlugParamsSchema,
          body: publicComplaintRequestSchema,
          response: { 201: complaintReceiptSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(receipt(await complaints.receivePublic(request.params.slug, request.body, request.ip))),
    );

    app.get(
      "/api/public/complaints/:token",
      {
        config: { access: "public" },
        schema: {
          tags: publicTags,
          summary: "A complaint's status and steps; nothing personal",
          params: trackingParamsSchema,
          response: { 200: complaintTrackingSchema },
        },
      },
      async (request) => presentTracking(await complaints.track(request.params.token)),
    );

    // ——— Staff ———
    app.post(
      "/api/complaints",
      {
        schema: {
          tags,
          summary: "Record a complaint received by fax, phone, letter or in person",
          body: staffComplaintRequestSchema,
          response: { 201: complaintReceiptSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(receipt(await complaints.record(request.actor(), request.body))),
    );

    app.get(
      "/api/complaints",
      {
        schema: {
          tags,
          summary: "Complaints, most urgent first",
          querystring: complaintListQuerySchema,
          response: { 200: complaintListResponseSchema },
        },
      },
      async (request) => {
        const rows = await complaints.list(request.actor(), {
          status: request.query.status,
          assignedToMe: request.query.assignedToMe === "true",
          limit: request.query.limit,
        });
        const now = clock.now();
        return { items: rows.map((r) => presentComplaint(r, now, request.actor())) };
      },
    );

    app.get(
      "/api/complaints/export",
      {
        schema: {
          tags,
          summary: "The complaint list, with the same filters, as CSV or Excel with Arabic headers",
          querystring: exportQuerySchema(complaintListQuerySchema),
          produces: exportProduces,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const actor = request.actor();
        const rows = await complaints.list(actor, {
          status: q.status,
          assignedToMe: q.assignedToMe === "true",
          limit: exportRowLimit + 1,
        });
        const now = clock.now();
        return sendAuditedExport(reply, {
          audit: audit,
          list: "complaints",
          query: q,
          format: q.format,
          name: "الشكاوى",
          asciiName: "complaints",
          sheetName: "الشكاوى",
          columns: complaintColumns,
          rows: rows.map((r) => presentComplaint(r, now, actor)),
          reader: actor,
        });
      },
    );

    app.get(
      "/api/complaints/dashboard",
      {
        schema: {
          tags,
          summary: "Senior management: open, overdue, escalated, ageing, trends",
          response: { 200: complaintsDashboardSchema },
        },
      },
      async (request) => complaints.dashboard(request.actor()),
    );

    app.get(
      "/api/complaints/:complaintId",
      {
        schema: {
          tags,
          summary: "A complaint with its steps",
          params: complaintIdParamsSchema,
          response: { 200: complaintViewSchema },
        },
      },
      async (request) =>
        presentComplaint(
          await complaints.get(request.actor(), request.params.complaintId),
          clock.now(),
          request.actor(),
        ),
    );

    app.post(
      "/api/complaints/:complaintId/assign",
      {
        schema: {
          tags,
          summary: "Assign to a member of the follow-up committee",
          params: complaintIdParamsSchema,
          body: assignComplaintRequestSchema,
          response: { 200: complaintViewSchema },
        },
      },
      async (request) =>
        presentComplaint(
          await complaints.assign(request.actor(), request.params.complaintId, request.body.assigneeId),
          clock.now(),
          request.actor(),
        ),
    );

    app.post(
      "/api/complaints/:complaintId/notes",
      {
        schema: {
          tags,
          summary: "Record an investigation note or a contact with the complainant",
          params: complaintIdParamsSchema,
          body: complaintNoteRequestSchema,
          response: { 200: complaintViewSchema },
        },
      },
      async (request) =>
        presentComplaint(
          await complaints.addNote(request.actor(), request.params.complaintId, request.body),
          clock.now(),
          request.actor(),
        ),
    );

    app.post(
      "/api/complaints/:complaintId/directions",
      {
        schema: {
          tags,
          summary: "Senior management comments on and directs the handling of a complaint",
          params: complaintIdParamsSchema,
          body: complaintDirectionRequestSchema,
          response: { 200: complaintViewSchema },
        },
      },
      async (request) =>
        presentComplaint(
          await complaints.direct(request.actor(), request.params.complaintId, request.body.note),
          clock.now(),
          request.actor(),
        ),
    );

    app.post(
      "/api/complaints/:complaintId/close",
      {
        schema: {
          tags,
          summary: "Close with an outcome: resolved, amicable settlement, rejected, referred to compensation",
          params: complaintIdParamsSchema,
          body: closeComplaintRequestSchema,
          response: { 200: complaintViewSchema },
        },
      },
      async (request) =>
        presentComplaint(
          await complaints.close(request.actor(), request.params.complaintId, request.body),
          clock.now(),
          request.actor(),
        ),
    );

    // ——— Compensation (K1, K2) ———
    app.post(
      "/api/compensation-claims",
      {
        schema: {
          tags,
          summary: "Open a compensation claim, from a complaint or directly",
          body: openClaimRequestSchema,
          response: { 201: claimViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentClaim(await compensation.open(request.actor(), request.body), request.actor())),
    );
    app.get(
      "/api/compensation-claims",
      { schema: { tags, summary: "Compensation claims", response: { 200: claimListResponseSchema } } },
      async (request) => ({
        items: (await compensation.list(request.actor())).map((c) => presentClaim(c, request.actor())),
      }),
    );
    app.get(
      "/api/compensation-claims/export",
      {
        schema: {
          tags,
          summary: "Compensation claims as CSV or Excel with Arabic headers",
          querystring: z.strictObject({ format: exportFormatSchema }),
          produces: exportProduces,
        },
      },
      async (request, reply) => {
        const actor = request.actor();
        const rows = await compensation.list(actor);
        return sendAuditedExport(reply, {
          audit: audit,
          list: "compensation_claims",
          query: request.query,
          format: request.query.format,
          name: "مطالبات التعويض",
          asciiName: "compensation-claims",
          sheetName: "مطالبات التعويض",
          columns: claimColumns,
          rows: rows.map((c) => presentClaim(c, actor)),
          reader: actor,
        });
      },
    );

    app.get(
      "/api/compensation-claims/:claimId",
      {
        schema: {
          tags,
          summary: "A claim with its negotiation and payments",
          params: claimIdParamsSchema,
          response: { 200: claimViewSchema },
        },
      },
      async (request) =>
        presentClaim(await compensation.get(request.actor(), request.params.claimId), request.actor()),
    );
    app.post(
      "/api/compensation-claims/:claimId/proof",
      {
        schema: {
          tags,
          summary: "Record the proof: investigation minutes or a judicial ruling",
          params: claimIdParamsSchema,
          body: recordProofRequestSchema,
          response: { 200: claimViewSchema },
        },
      },
      async (request) =>
        presentClaim(
          await compensation.recordProof(request.actor(), request.params.claimId, request.body),
          request.actor(),
        ),
    );
    app.post(
      "/api/compensation-claims/:claimId/rounds",
      {
        schema: {
          tags,
          summary: "Record a negotiation round",
          params: claimIdParamsSchema,
          body: negotiationRoundRequestSchema,
          response: { 200: claimViewSchema },
        },
      },
      async (request) =>
        presentClaim(
          await compensation.recordRound(request.actor(), request.params.claimId, request.body),
          request.actor(),
        ),
    );
    app.post(
      "/api/compensation-claims/:claimId/settlement",
      {
        schema: {
          tags,
          summary: "Record the settlement agreement",
          params: claimIdParamsSchema,
          body: settlementRequestSchema,
          response: { 200: claimViewSchema },
        },
      },
      async (request) =>
        presentClaim(
          await compensation.settle(request.actor(), request.params.claimId, request.body),
          request.actor(),
        ),
    );
    app.post(
      "/api/compensation-claims/:claimId/approve",
      {
        schema: {
          tags,
          summary: "Approve the amount (requires proof)",
          params: claimIdParamsSchema,
          body: approveClaimRequestSchema,
          response: { 200: claimViewSchema },
        },
      },
      async (request) =>
        presentClaim(
          await compensation.approve(request.actor(), request.params.claimId, request.body.amount),
          request.actor(),
        ),
    );
    app.post(
      "/api/compensation-claims/:claimId/payments",
      {
        schema: {
          tags,
          summary: "Record a payment; the total never exceeds the approval",
          params: claimIdParamsSchema,
          body: paymentRequestSchema,
          response: { 200: claimViewSchema },
        },
      },
      async (request) =>
        presentClaim(
          await compensation.pay(request.actor(), request.params.claimId, request.body),
          request.actor(),
        ),
    );
  };
}
