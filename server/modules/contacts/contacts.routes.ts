import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { beneficiaryIdParamsSchema } from "../../../shared/contracts/beneficiaries.js";
import { channelNames } from "../../../shared/contracts/channels.js";
import {
  answerInquiryRequestSchema,
  type CorrespondenceView,
  correspondenceListQuerySchema,
  correspondenceListResponseSchema,
  correspondenceViewSchema,
  type InteractionView,
  inboxQuerySchema,
  inboxResponseSchema,
  interactionIdParamsSchema,
  interactionListQuerySchema,
  interactionListResponseSchema,
  interactionViewSchema,
  liaisonLoadQuerySchema,
  liaisonLoadResponseSchema,
  liaisonRouteListResponseSchema,
  recordInteractionRequestSchema,
  registerCorrespondenceRequestSchema,
  setLiaisonRoutesRequestSchema,
  timelineResponseSchema,
} from "../../../shared/contracts/contacts.js";
import {
  correspondenceDirectionNames,
  correspondenceMediumNames,
  interactionDirectionNames,
  interactionKindNames,
} from "../../../shared/contracts/export-labels.js";
import { exportQuerySchema, exportRowLimit } from "../../../shared/contracts/exports.js";
import { type ExportColumn, exportProduces, sendAuditedExport } from "../../http/export.js";
import type { AuditService } from "../audit/index.js";
import {
  presentCorrespondence,
  presentInboxItem,
  presentInteraction,
  presentRoute,
} from "./contacts.presenter.js";
import type { ContactsService } from "./contacts.service.js";

const tags = ["contacts"];

const interactionColumns: ExportColumn<InteractionView>[] = [
  { header: "الوقت", kind: "datetime", value: (i) => i.occurredAt },
  { header: "النوع", value: (i) => interactionKindNames[i.kind] },
  { header: "قناة التواصل", value: (i) => channelNames[i.channel].ar },
  { header: "الاتجاه", value: (i) => interactionDirectionNames[i.direction] },
  { header: "الموضوع", value: (i) => i.subject },
  { header: "الملخص", value: (i) => i.summary },
  { header: "الموظف", value: (i) => i.staff.fullName },
  { header: "المحال إليه", value: (i) => i.routedTo?.fullName ?? null },
  { header: "الرد", value: (i) => i.answer },
  { header: "وقت الرد", kind: "datetime", value: (i) => i.answeredAt },
];

const correspondenceColumns: ExportColumn<CorrespondenceView>[] = [
  { header: "رقم القيد", value: (c) => c.referenceNumber },
  { header: "النوع", value: (c) => correspondenceDirectionNames[c.direction] },
  { header: "الوسيلة", value: (c) => correspondenceMediumNames[c.medium] },
  { header: "رقم الجهة", value: (c) => c.externalReference },
  { header: "الجهة", value: (c) => c.counterpart },
  { header: "الموضوع", value: (c) => c.subject },
  { header: "تاريخ الخطاب", kind: "date", value: (c) => c.datedOn },
  { header: "تاريخ القيد", kind: "datetime", value: (c) => c.registeredAt },
  { header: "قيّده", value: (c) => c.recordedBy.fullName },
];

export function contactsRoutes(service: ContactsService, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/interactions/export",
      {
        schema: {
          tags,
          summary: "Contacts and inquiries, with the same filters, as CSV or Excel with Arabic headers",
          querystring: exportQuerySchema(interactionListQuerySchema),
          produces: exportProduces,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const actor = request.actor();
        const rows = await service.list(actor, {
          ...(q.beneficiaryId ? { beneficiaryId: q.beneficiaryId } : {}),
          openInquiries: q.openInquiries === "true",
          routedToMe: q.routedToMe === "true",
          limit: exportRowLimit + 1,
        });
        return sendAuditedExport(reply, {
          audit: audit,
          list: "interactions",
          query: q,
          format: q.format,
          name: "سجل التواصل",
          asciiName: "contacts",
          sheetName: "سجل التواصل",
          columns: interactionColumns,
          rows: rows.map(presentInteraction),
          reader: actor,
        });
      },
    );

    app.get(
      "/api/correspondence/export",
      {
        schema: {
          tags,
          summary: "The correspondence register, with the same filters, as CSV or Excel",
          querystring: exportQuerySchema(correspondenceListQuerySchema),
          produces: exportProduces,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const actor = request.actor();
        const rows = await service.correspondence(actor, {
          ...(q.beneficiaryId ? { beneficiaryId: q.beneficiaryId } : {}),
          ...(q.direction ? { direction: q.direction } : {}),
          limit: exportRowLimit + 1,
        });
        return sendAuditedExport(reply, {
          audit: audit,
          list: "correspondence",
          query: q,
          format: q.format,
          name: "سجل المراسلات",
          asciiName: "correspondence",
          sheetName: "سجل المراسلات",
          columns: correspondenceColumns,
          rows: rows.map(presentCorrespondence),
          reader: actor,
        });
      },
    );

    app.post(
      "/api/interactions",
      {
        schema: {
          tags,
          summary:
            "Record a contact or an inquiry on any channel; an unanswered inquiry goes to the liaison officer",
          body: recordInteractionRequestSchema,
          response: { 201: interactionViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentInteraction(await service.record(request.actor(), request.body))),
    );

    app.get(
      "/api/interactions",
      {
        schema: {
          tags,
          summary: "Contacts and inquiries: of a beneficiary, open ones, or those routed to me",
          querystring: interactionListQuerySchema,
          response: { 200: interactionListResponseSchema },
        },
      },
      async (request) => {
        const q = request.query;
        const rows = await service.list(request.actor(), {
          ...(q.beneficiaryId ? { beneficiaryId: q.beneficiaryId } : {}),
          openInquiries: q.openInquiries === "true",
          routedToMe: q.routedToMe === "true",
          limit: q.limit,
        });
        return { items: rows.map(presentInteraction) };
      },
    );

    app.post(
      "/api/interactions/:interactionId/answer",
      {
        schema: {
          tags,
          summary:
            "Record the answer given to an inquiry, optionally citing a library document; the beneficiary is told on their channel",
          params: interactionIdParamsSchema,
          body: answerInquiryRequestSchema,
          response: { 200: interactionViewSchema },
        },
      },
      async (request) =>
        presentInteraction(await service.answer(request.actor(), request.params.interactionId, request.body)),
    );

    app.get(
      "/api/liaison/inbox",
      {
        schema: {
          tags,
          summary:
            "The signed-in liaison officer's routed inquiries, open (oldest first) or answered, with their age in working days",
          querystring: inboxQuerySchema,
          response: { 200: inboxResponseSchema },
        },
      },
      async (request) => {
        const inbox = await service.inbox(request.actor(), request.query);
        return { ...inbox, items: inbox.items.map(presentInboxItem) };
      },
    );

    app.get(
      "/api/liaison/load",
      {
        schema: {
          tags,
          summary:
            "Senior management's view of each liaison officer: open and overdue inquiries, answers and average answer time in a period",
          querystring: liaisonLoadQuerySchema,
          response: { 200: liaisonLoadResponseSchema },
        },
      },
      async (request) => service.liaisonLoad(request.actor(), request.query),
    );

    app.get(
      "/api/beneficiaries/:beneficiaryId/timeline",
      {
        schema: {
          tags,
          summary: "Everything that happened with a beneficiary, newest first",
          params: beneficiaryIdParamsSchema,
          response: { 200: timelineResponseSchema },
        },
      },
      async (request) => ({ items: await service.timeline(request.actor(), request.params.beneficiaryId) }),
    );

    app.post(
      "/api/correspondence",
      {
        schema: {
          tags,
          summary:
            "Register a letter, fax or e-mail, incoming or outgoing; it gets the register's next reference",
          body: registerCorrespondenceRequestSchema,
          response: { 201: correspondenceViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentCorrespondence(await service.registerCorrespondence(request.actor(), request.body))),
    );

    app.get(
      "/api/correspondence",
      {
        schema: {
          tags,
          summary: "The correspondence register, newest first",
          querystring: correspondenceListQuerySchema,
          response: { 200: correspondenceListResponseSchema },
        },
      },
      async (request) => {
        const q = request.query;
        const rows = await service.correspondence(request.actor(), {
          ...(q.beneficiaryId ? { beneficiaryId: q.beneficiaryId } : {}),
          ...(q.direction ? { direction: q.direction } : {}),
          limit: q.limit,
        });
        return { items: rows.map(presentCorrespondence) };
      },
    );

    app.get(
      "/api/liaison-routes",
      {
        schema: {
          tags,
          summary: "Which liaison officer answers which category",
          response: { 200: liaisonRouteListResponseSchema },
        },
      },
      async (request) => ({ items: (await service.routes(request.actor())).map(presentRoute) }),
    );

    app.put(
      "/api/liaison-routes",
      {
        schema: {
          tags,
          summary: "Replace the liaison routing table",
          body: setLiaisonRoutesRequestSchema,
          response: { 200: liaisonRouteListResponseSchema },
        },
      },
      async (request) => ({
        items: (await service.setRoutes(request.actor(), request.body.routes)).map(presentRoute),
      }),
    );
  };
}
