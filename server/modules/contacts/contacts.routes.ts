import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { beneficiaryIdParamsSchema } from "../../../shared/contracts/beneficiaries.js";
import {
  answerInquiryRequestSchema,
  correspondenceListQuerySchema,
  correspondenceListResponseSchema,
  correspondenceViewSchema,
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
  presentCorrespondence,
  presentInboxItem,
  presentInteraction,
  presentRoute,
} from "./contacts.presenter.js";
import type { ContactsService } from "./contacts.service.js";

const tags = ["contacts"];

export function contactsRoutes(service: ContactsService): FastifyPluginAsyncZod {
  return async (app) => {
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
