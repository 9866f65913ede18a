import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { channelNames } from "../../../shared/contracts/channels.js";
import { dueStatusNames, requestStateNames } from "../../../shared/contracts/export-labels.js";
import { exportQuerySchema, exportRowLimit } from "../../../shared/contracts/exports.js";
import {
  agendaItemParamsSchema,
  attachDocumentSchema,
  cancelRequestSchema,
  closeReferralSchema,
  committeeListResponseSchema,
  committeeViewSchema,
  complianceQuerySchema,
  complianceReportSchema,
  confirmPolicyWordingSchema,
  conflictViewSchema,
  createCommitteeSchema,
  createMeetingSchema,
  decideSchema,
  declarationStartedSchema,
  declareConflictSchema,
  meetingIdParamsSchema,
  meetingListResponseSchema,
  meetingViewSchema,
  myWorkResponseSchema,
  openRequestSchema,
  policyWordingMappingSchema,
  type RequestSummary,
  recordAttendanceSchema,
  recordDeliverySchema,
  recordStudySchema,
  referRequestSchema,
  referralIdParamsSchema,
  requestIdParamsSchema,
  requestListQuerySchema,
  requestListResponseSchema,
  requestSettingsSchema,
  requestViewSchema,
  startDeclarationSchema,
  updateRequestDataSchema,
  updateRequestSettingsSchema,
  verifyDeclarationSchema,
  voteSchema,
} from "../../../shared/contracts/requests.js";
import { type ExportColumn, exportProduces, sendAuditedExport } from "../../http/export.js";
import type { AuditService } from "../audit/index.js";
import type { CommitteesService } from "./committees.service.js";
import type { PolicyWordingService } from "./policy-wording.service.js";
import {
  presentMeeting,
  presentMeetingList,
  presentRequest,
  presentRequestSummary,
} from "./requests.presenter.js";
import type { RequestsService } from "./requests.service.js";
import type { WorkService } from "./work.service.js";

const tags = ["requests"];

const requestColumns: ExportColumn<RequestSummary>[] = [
  { header: "رقم الطلب", value: (r) => r.referenceNumber },
  { header: "المستفيد", value: (r) => r.beneficiary.fullName },
  { header: "رقم الملف", kind: "number", value: (r) => r.beneficiary.fileNumber },
  { header: "الخدمة", value: (r) => r.service.nameAr },
  { header: "قناة التواصل", value: (r) => channelNames[r.channel].ar },
  { header: "الحالة", value: (r) => requestStateNames[r.state] },
  { header: "تاريخ الفتح", kind: "datetime", value: (r) => r.openedAt },
  { header: "فتحه", value: (r) => r.openedBy.fullName },
  { header: "تاريخ الاكتمال", kind: "datetime", value: (r) => r.completedAt },
  { header: "تاريخ القرار", kind: "datetime", value: (r) => r.decidedAt },
  { header: "موعد الرد", kind: "date", value: (r) => r.due?.dueDate ?? null },
  { header: "حال الموعد", value: (r) => (r.due ? dueStatusNames[r.due.status] : "") },
];
const committeeTags = ["committees"];

export function requestsRoutes(
  service: RequestsService,
  committees: CommitteesService,
  work: WorkService,
  audit: AuditService,
  wording: PolicyWordingService,
): FastifyPluginAsyncZod {
  return async (app) => {
    const view = { 200: requestViewSchema };

    app.get(
      "/api/request-settings",
      {
        schema: {
          tags,
          summary: "How the association handles requests: response period, referral role",
          response: { 200: requestSettingsSchema },
        },
      },
      async (request) => service.settings(request.actor()),
    );

    app.put(
      "/api/request-settings",
      {
        schema: {
          tags,
          summary: "Set the response period and the role requests are referred to",
          body: updateRequestSettingsSchema,
          response: { 200: requestSettingsSchema },
        },
      },
      async (request) => service.updateSettings(request.actor(), request.body),
    );

    app.get(
      "/api/request-settings/policy-wording",
      {
        schema: {
          tags,
          summary:
            "What the approved policy's referral and committee wording means here: suggestions and the confirmed mapping",
          response: { 200: policyWordingMappingSchema },
        },
      },
      async (request) => wording.get(request.actor()),
    );

    app.put(
      "/api/request-settings/policy-wording",
      {
        schema: {
          tags,
          summary: "Confirm or correct the mapping of the policy's wording to a staff role and committees",
          body: confirmPolicyWordingSchema,
          response: { 200: policyWordingMappingSchema },
        },
      },
      async (request) => wording.confirm(request.actor(), request.body),
    );

    app.post(
      "/api/requests",
      {
        schema: {
          tags,
          summary: "Open a support request for a beneficiary and a service, on any channel",
          body: openRequestSchema,
          response: { 201: requestViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentRequest(await service.open(request.actor(), request.body), request.actor())),
    );

    app.get(
      "/api/requests",
      {
        schema: {
          tags,
          summary: "Support requests with their due dates and time left",
          querystring: requestListQuerySchema,
          response: { 200: requestListResponseSchema },
        },
      },
      async (request) => {
        const q = request.query;
        const items = await service.list(request.actor(), {
          ...(q.beneficiaryId ? { beneficiaryId: q.beneficiaryId } : {}),
          ...(q.state ? { state: q.state } : {}),
          mine: q.mine === "true",
          limit: q.limit,
        });
        return { items: items.map(presentRequestSummary) };
      },
    );

    app.get(
      "/api/requests/export",
      {
        schema: {
          tags,
          summary: "The support-request list, with the same filters, as CSV or Excel with Arabic headers",
          querystring: exportQuerySchema(requestListQuerySchema),
          produces: exportProduces,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const actor = request.actor();
        const items = await service.list(actor, {
          ...(q.beneficiaryId ? { beneficiaryId: q.beneficiaryId } : {}),
          ...(q.state ? { state: q.state } : {}),
          mine: q.mine === "true",
          limit: exportRowLimit + 1,
        });
        return sendAuditedExport(reply, {
          audit: audit,
          list: "requests",
          query: q,
          format: q.format,
          name: "طلبات الدعم",
          asciiName: "support-requests",
          sheetName: "طلبات الدعم",
          columns: requestColumns,
          rows: items.map(presentRequestSummary),
          reader: actor,
        });
      },
    );

    app.get(
      "/api/requests/:requestId",
      {
        schema: {
          tags,
          summary: "A request: what is missing or expired, referrals, declaration, decision, deliveries",
          params: requestIdParamsSchema,
          response: view,
        },
      },
      async (request) =>
        presentRequest(await service.get(request.actor(), request.params.requestId), request.actor()),
    );

    app.put(
      "/api/requests/:requestId/data",
      {
        schema: {
          tags,
          summary: "Enter or correct the request's data fields (null clears one)",
          params: requestIdParamsSchema,
          body: updateRequestDataSchema,
          response: view,
        },
      },
      async (request) =>
        presentRequest(
          await service.updateData(request.actor(), request.params.requestId, request.body.data),
          request.actor(),
        ),
    );

    app.post(
      "/api/requests/:requestId/documents",
      {
        schema: {
          tags,
          summary: "Attach an uploaded file to a document requirement, with its issue or expiry date",
          params: requestIdParamsSchema,
          body: attachDocumentSchema,
          response: view,
        },
      },
      async (request) =>
        presentRequest(
          await service.attachDocument(request.actor(), request.params.requestId, request.body),
          request.actor(),
        ),
    );

    app.post(
      "/api/requests/:requestId/referrals",
      {
        schema: {
          tags,
          summary: "Refer the request to the role the association names",
          params: requestIdParamsSchema,
          body: referRequestSchema,
          response: view,
        },
      },
      async (request) =>
        presentRequest(
          await service.refer(request.actor(), request.params.requestId, request.body),
          request.actor(),
        ),
    );

    app.post(
      "/api/referrals/:referralId/study",
      {
        schema: {
          tags,
          summary: "Record the social study or home visit of a referral",
          params: referralIdParamsSchema,
          body: recordStudySchema,
          response: view,
        },
      },
      async (request) =>
        presentRequest(
          await service.recordStudy(request.actor(), request.params.referralId, request.body),
          request.actor(),
        ),
    );

    app.post(
      "/api/referrals/:referralId/close",
      {
        schema: {
          tags,
          summary: "Close a referral with its outcome; the request follows its completeness",
          params: referralIdParamsSchema,
          body: closeReferralSchema,
          response: view,
        },
      },
      async (request) =>
        presentRequest(
          await service.closeReferral(request.actor(), request.params.referralId, request.body.outcome),
          request.actor(),
        ),
    );

    app.post(
      "/api/requests/:requestId/declaration",
      {
        schema: {
          tags,
          summary:
            "The beneficiary's declaration: signed on screen, scanned, or by a one-time code sent to them",
          params: requestIdParamsSchema,
          body: startDeclarationSchema,
          response: { 200: declarationStartedSchema },
        },
      },
      async (request) => {
        const result = await service.startDeclaration(
          request.actor(),
          request.params.requestId,
          request.body,
        );
        return { request: presentRequest(result.request, request.actor()), sentTo: result.sentTo };
      },
    );

    app.post(
      "/api/requests/:requestId/declaration/verify",
      {
        schema: {
          tags,
          summary: "Confirm the declaration with the one-time code the beneficiary received",
          params: requestIdParamsSchema,
          body: verifyDeclarationSchema,
          response: view,
        },
      },
      async (request) =>
        presentRequest(
          await service.verifyDeclaration(request.actor(), request.params.requestId, request.body.code),
          request.actor(),
        ),
    );

    app.post(
      "/api/requests/:requestId/cancel",
      {
        schema: {
          tags,
          summary: "Cancel a request before its decision",
          params: requestIdParamsSchema,
          body: cancelRequestSchema,
          response: view,
        },
      },
      async (request) =>
        presentRequest(
          await service.cancel(request.actor(), request.params.requestId, request.body.reason),
          request.actor(),
        ),
    );

    app.post(
      "/api/requests/:requestId/deliveries",
      {
        schema: {
          tags,
          summary: "Record a delivery (cash in halalas, in-kind items, a session) within the approved amount",
          params: requestIdParamsSchema,
          body: recordDeliverySchema,
          response: view,
        },
      },
      async (request) =>
        presentRequest(
          await service.recordDelivery(request.actor(), request.params.requestId, request.body),
          request.actor(),
        ),
    );

    app.post(
      "/api/requests/:requestId/close",
      {
        schema: {
          tags,
          summary: "Close an accepted request once served",
          params: requestIdParamsSchema,
          response: view,
        },
      },
      async (request) =>
        presentRequest(await service.close(request.actor(), request.params.requestId), request.actor()),
    );

    app.get(
      "/api/my-work",
      {
        schema: {
          tags,
          summary: "What waits for me, most urgent and oldest first",
          response: { 200: myWorkResponseSchema },
        },
      },
      async (request) => ({ items: await work.myWork(request.actor()) }),
    );

    app.get(
      "/api/reports/response-compliance",
      {
        schema: {
          tags,
          summary: "Share of requests answered within the response period",
          querystring: complianceQuerySchema,
          response: { 200: complianceReportSchema },
        },
      },
      async (request) => service.compliance(request.actor(), request.query),
    );

    app.get(
      "/api/reports/response-compliance/export",
      {
        schema: {
          tags,
          summary: "The response-compliance report for a period as CSV or Excel",
          querystring: exportQuerySchema(complianceQuerySchema),
          produces: exportProduces,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const actor = request.actor();
        const report = await service.compliance(actor, {
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
        });
        const rows = [
          { figure: "من تاريخ", value: report.from ?? "" },
          { figure: "إلى تاريخ", value: report.to ?? "" },
          { figure: "رُدّ عليها في الموعد", value: report.answeredInTime },
          { figure: "رُدّ عليها بعد الموعد", value: report.answeredLate },
          { figure: "متأخرة لم يُرَدّ عليها", value: report.overdue },
          { figure: "لم يحن موعدها", value: report.pending },
          {
            figure: "نسبة الرد في الموعد",
            value: report.shareInTime === null ? "" : `${Math.round(report.shareInTime * 1000) / 10}%`,
          },
        ];
        return sendAuditedExport(reply, {
          audit: audit,
          list: "response_compliance",
          query: q,
          format: q.format,
          name: "تقرير الالتزام بمهلة الرد",
          asciiName: "response-compliance",
          sheetName: "الالتزام بمهلة الرد",
          columns: [
            { header: "البند", value: (r) => r.figure },
            { header: "القيمة", value: (r) => r.value },
          ],
          rows,
          reader: actor,
        });
      },
    );

    // ——— Committees ———

    app.get(
      "/api/committees",
      {
        schema: {
          tags: committeeTags,
          summary: "Research committees and their members",
          response: { 200: committeeListResponseSchema },
        },
      },
      async (request) => ({ items: await committees.committees(request.actor()) }),
    );

    app.post(
      "/api/committees",
      {
        schema: {
          tags: committeeTags,
          summary: "Form a research committee with its members and quorum",
          body: createCommitteeSchema,
          response: { 201: committeeViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await committees.createCommittee(request.actor(), request.body)),
    );

    app.post(
      "/api/committee-meetings",
      {
        schema: {
          tags: committeeTags,
          summary: "Call a meeting with an agenda of complete, declared requests",
          body: createMeetingSchema,
          response: { 201: meetingViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            presentMeeting(await committees.createMeeting(request.actor(), request.body), request.actor()),
          ),
    );

    app.get(
      "/api/committee-meetings",
      {
        schema: {
          tags: committeeTags,
          summary: "Committee meetings, newest first, with their requests and how far each has come",
          response: { 200: meetingListResponseSchema },
        },
      },
      async (request) => presentMeetingList(await committees.meetings(request.actor())),
    );

    app.put(
      "/api/committee-meetings/:meetingId/attendance",
      {
        schema: {
          tags: committeeTags,
          summary: "Record who attended the meeting; the other members are recorded absent",
          params: meetingIdParamsSchema,
          body: recordAttendanceSchema,
          response: { 200: meetingViewSchema },
        },
      },
      async (request) =>
        presentMeeting(
          await committees.recordAttendance(
            request.actor(),
            request.params.meetingId,
            request.body.presentMemberIds,
          ),
          request.actor(),
        ),
    );

    app.get(
      "/api/committee-meetings/:meetingId",
      {
        schema: {
          tags: committeeTags,
          summary: "A meeting: agenda, votes, decisions, minutes",
          params: meetingIdParamsSchema,
          response: { 200: meetingViewSchema },
        },
      },
      async (request) =>
        presentMeeting(await committees.meeting(request.actor(), request.params.meetingId), request.actor()),
    );

    app.post(
      "/api/committee-meetings/:meetingId/items/:requestId/votes",
      {
        schema: {
          tags: committeeTags,
          summary: "A member's vote on a request, with a note",
          params: agendaItemParamsSchema,
          body: voteSchema,
          response: { 200: meetingViewSchema },
        },
      },
      async (request) =>
        presentMeeting(
          await committees.vote(
            request.actor(),
            request.params.meetingId,
            request.params.requestId,
            request.body,
          ),
          request.actor(),
        ),
    );

    app.post(
      "/api/committee-meetings/:meetingId/items/:requestId/decision",
      {
        schema: {
          tags: committeeTags,
          summary: "The committee's decision once the quorum voted; the beneficiary is told on their channel",
          params: agendaItemParamsSchema,
          body: decideSchema,
          response: { 200: meetingViewSchema },
        },
      },
      async (request) =>
        presentMeeting(
          await committees.decide(
            request.actor(),
            request.params.meetingId,
            request.params.requestId,
            request.body,
          ),
          request.actor(),
        ),
    );

    app.post(
      "/api/committee-meetings/:meetingId/minutes",
      {
        schema: {
          tags: committeeTags,
          summary: "Draft the minutes in Arabic from the meeting",
          params: meetingIdParamsSchema,
          response: { 200: meetingViewSchema },
        },
      },
      async (request) =>
        presentMeeting(
          await committees.generateMinutes(request.actor(), request.params.meetingId),
          request.actor(),
        ),
    );

    app.post(
      "/api/committee-meetings/:meetingId/minutes/approve",
      {
        schema: {
          tags: committeeTags,
          summary: "A member approves the minutes",
          params: meetingIdParamsSchema,
          response: { 200: meetingViewSchema },
        },
      },
      async (request) =>
        presentMeeting(
          await committees.approveMinutes(request.actor(), request.params.meetingId),
          request.actor(),
        ),
    );

    app.post(
      "/api/conflict-declarations",
      {
        schema: {
          tags: committeeTags,
          summary:
            "A member declares a relation to a beneficiary; they will not vote on that person's requests",
          body: declareConflictSchema,
          response: { 201: conflictViewSchema },
        },
      },
      async (request, reply) => {
        const row = await committees.declareConflict(request.actor(), request.body);
        return reply
          .status(201)
          .send({ id: row.id, beneficiaryId: row.beneficiaryId, declaredAt: row.declaredAt.toISOString() });
      },
    );
  };
}
