import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  checklistIdParamsSchema,
  checklistListResponseSchema,
  checklistViewSchema,
  fieldActionIdParamsSchema,
  fieldActionListQuerySchema,
  fieldActionListResponseSchema,
  fieldActionViewSchema,
  fieldPeopleResponseSchema,
  fieldSummarySchema,
  fieldVisitIdParamsSchema,
  fieldVisitListQuerySchema,
  fieldVisitListResponseSchema,
  fieldVisitViewSchema,
  newActionSchema,
  recordVisitRequestSchema,
  saveChecklistRequestSchema,
} from "../../../shared/contracts/fieldwork.js";
import { presentAction, presentChecklist, presentVisit, presentVisitSummary } from "./fieldwork.presenter.js";
import type { FieldworkService } from "./fieldwork.service.js";

const tags = ["fieldwork"];

export function fieldworkRoutes(service: FieldworkService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/field/checklists",
      {
        schema: {
          tags,
          summary: "The association's checklists for field visits, each at its current version",
          response: { 200: checklistListResponseSchema },
        },
      },
      async (request) => ({ items: (await service.checklists(request.actor())).map(presentChecklist) }),
    );

    app.post(
      "/api/field/checklists",
      {
        schema: {
          tags,
          summary: "Define a checklist: a name and its ordered items",
          body: saveChecklistRequestSchema,
          response: { 201: checklistViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentChecklist(await service.createChecklist(request.actor(), request.body))),
    );

    app.put(
      "/api/field/checklists/:checklistId",
      {
        schema: {
          tags,
          summary: "Change a checklist: a new version; visits already recorded keep the items they answered",
          params: checklistIdParamsSchema,
          body: saveChecklistRequestSchema,
          response: { 200: checklistViewSchema },
        },
      },
      async (request) =>
        presentChecklist(
          await service.updateChecklist(request.actor(), request.params.checklistId, request.body),
        ),
    );

    app.get(
      "/api/field/people",
      {
        schema: {
          tags,
          summary: "Staff who may take part in a visit or own a follow-up action",
          response: { 200: fieldPeopleResponseSchema },
        },
      },
      async (request) => ({ items: await service.people(request.actor()) }),
    );

    app.post(
      "/api/field/visits",
      {
        schema: {
          tags,
          summary:
            "Record a field survey, supervisory visit, branch representative visit or interview, with its checklist answers, observations, photos and follow-up actions",
          body: recordVisitRequestSchema,
          response: { 201: fieldVisitViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentVisit(await service.record(request.actor(), request.body))),
    );

    app.get(
      "/api/field/visits",
      {
        schema: {
          tags,
          summary: "Field visits, newest first, by kind and period",
          querystring: fieldVisitListQuerySchema,
          response: { 200: fieldVisitListResponseSchema },
        },
      },
      async (request) => ({
        items: (await service.list(request.actor(), request.query)).map(presentVisitSummary),
      }),
    );

    app.get(
      "/api/field/visits/:visitId",
      {
        schema: {
          tags,
          summary: "A field visit with its checklist answers, observations, photos and actions",
          params: fieldVisitIdParamsSchema,
          response: { 200: fieldVisitViewSchema },
        },
      },
      async (request) => presentVisit(await service.get(request.actor(), request.params.visitId)),
    );

    app.post(
      "/api/field/visits/:visitId/actions",
      {
        schema: {
          tags,
          summary: "Add a follow-up action to a visit: an owner and a due date on the working calendar",
          params: fieldVisitIdParamsSchema,
          body: newActionSchema,
          response: { 201: fieldVisitViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentVisit(await service.addAction(request.actor(), request.params.visitId, request.body))),
    );

    app.get(
      "/api/field/actions",
      {
        schema: {
          tags,
          summary: "My open follow-up actions, or (management) every overdue one",
          querystring: fieldActionListQuerySchema,
          response: { 200: fieldActionListResponseSchema },
        },
      },
      async (request) => ({
        items: (await service.actions(request.actor(), request.query.scope)).map(presentAction),
      }),
    );

    app.post(
      "/api/field/actions/:actionId/done",
      {
        schema: {
          tags,
          summary: "Mark a follow-up action done (its owner or management); who and when are recorded",
          params: fieldActionIdParamsSchema,
          response: { 200: fieldActionViewSchema },
        },
      },
      async (request) => presentAction(await service.markDone(request.actor(), request.params.actionId)),
    );

    app.get(
      "/api/field/summary",
      {
        schema: {
          tags,
          summary: "For the dashboards: open and overdue follow-up actions, and visits per month",
          response: { 200: fieldSummarySchema },
        },
      },
      async (request) => service.summary(request.actor()),
    );
  };
}
