import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  createServiceRequestSchema,
  serviceIdParamsSchema,
  serviceListQuerySchema,
  serviceListResponseSchema,
  serviceRequirementsSheetSchema,
  serviceViewSchema,
  updateServiceRequestSchema,
} from "../../../shared/contracts/services.js";
import { presentRequirementsSheet, presentService } from "./services.presenter.js";
import type { ServicesService } from "./services.service.js";

const tags = ["services"];

export function servicesRoutes(service: ServicesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/services",
      {
        schema: {
          tags,
          summary: "The association's service catalogue",
          querystring: serviceListQuerySchema,
          response: { 200: serviceListResponseSchema },
        },
      },
      async (request) => {
        const active = request.query.active;
        const rows = await service.list(request.actor(), active ? { active: active === "true" } : {});
        return { items: rows.map(presentService) };
      },
    );

    app.post(
      "/api/services",
      {
        schema: {
          tags,
          summary: "Add a service with its eligibility and requirements",
          body: createServiceRequestSchema,
          response: { 201: serviceViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentService(await service.create(request.actor(), request.body))),
    );

    app.get(
      "/api/services/:serviceId",
      {
        schema: {
          tags,
          summary: "One service",
          params: serviceIdParamsSchema,
          response: { 200: serviceViewSchema },
        },
      },
      async (request) => presentService(await service.get(request.actor(), request.params.serviceId)),
    );

    app.patch(
      "/api/services/:serviceId",
      {
        schema: {
          tags,
          summary: "Change a service; open requests keep the requirements they were opened with",
          params: serviceIdParamsSchema,
          body: updateServiceRequestSchema,
          response: { 200: serviceViewSchema },
        },
      },
      async (request) =>
        presentService(await service.update(request.actor(), request.params.serviceId, request.body)),
    );

    app.get(
      "/api/services/:serviceId/requirements",
      {
        schema: {
          tags,
          summary: "The requirements sheet the officer prints or sends before the beneficiary applies",
          params: serviceIdParamsSchema,
          response: { 200: serviceRequirementsSheetSchema },
        },
      },
      async (request) =>
        presentRequirementsSheet(await service.get(request.actor(), request.params.serviceId)),
    );
  };
}
