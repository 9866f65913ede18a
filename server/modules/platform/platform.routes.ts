import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  associationIdParamsSchema,
  openAssociationRequestSchema,
  openAssociationResponseSchema,
  platformAssociationListSchema,
  platformAssociationSchema,
} from "../../../shared/contracts/platform.js";
import { presentPlatformAssociation } from "./platform.presenter.js";
import type { PlatformService } from "./platform.service.js";

export function platformRoutes(service: PlatformService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/platform/associations",
      {
        schema: {
          tags: ["platform"],
          summary: "The platform operator's list of associations with their status and usage counts",
          response: { 200: platformAssociationListSchema },
        },
      },
      async (request) => ({ items: (await service.list(request.actor())).map(presentPlatformAssociation) }),
    );

    app.post(
      "/api/platform/associations",
      {
        schema: {
          tags: ["platform"],
          summary:
            "Open an association with its first administrator; the temporary password is answered once",
          body: openAssociationRequestSchema,
          response: { 201: openAssociationResponseSchema },
        },
      },
      async (request, reply) => {
        const opened = await service.open(request.actor(), request.body);
        return reply.status(201).send({
          association: presentPlatformAssociation(opened),
          administrator: {
            id: opened.administrator.id,
            fullName: opened.administrator.fullName,
            email: opened.administrator.email,
          },
          temporaryPassword: opened.temporaryPassword,
        });
      },
    );

    app.post(
      "/api/platform/associations/:associationId/suspend",
      {
        schema: {
          tags: ["platform"],
          summary: "Suspend an association: its sessions end, sign-in and its public pages are refused",
          params: associationIdParamsSchema,
          response: { 200: platformAssociationSchema },
        },
      },
      async (request) =>
        presentPlatformAssociation(await service.suspend(request.actor(), request.params.associationId)),
    );

    app.post(
      "/api/platform/associations/:associationId/reactivate",
      {
        schema: {
          tags: ["platform"],
          summary: "Reactivate a suspended association",
          params: associationIdParamsSchema,
          response: { 200: platformAssociationSchema },
        },
      },
      async (request) =>
        presentPlatformAssociation(await service.reactivate(request.actor(), request.params.associationId)),
    );
  };
}
