import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditListQuerySchema, auditListResponseSchema } from "../../../shared/contracts/audit.js";
import { presentAuditEvent } from "./audit.presenter.js";
import type { AuditService } from "./audit.service.js";

export function auditRoutes(service: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/audit-events",
      {
        schema: {
          tags: ["audit"],
          summary: "Read the association's audit log, newest first",
          querystring: auditListQuerySchema,
          response: { 200: auditListResponseSchema },
        },
      },
      async (request) => {
        const page = await service.list(request.actor(), request.query);
        return { items: page.items.map(presentAuditEvent), nextBefore: page.nextBefore };
      },
    );
  };
}
