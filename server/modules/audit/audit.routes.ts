import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditListQuerySchema, auditListResponseSchema } from "../../../shared/contracts/audit.js";
import { auditTypeNames } from "../../../shared/contracts/export-labels.js";
import { exportQuerySchema, exportRowLimit } from "../../../shared/contracts/exports.js";
import { exportProduces, sendAuditedExport } from "../../http/export.js";
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

    app.get(
      "/api/audit-events/export",
      {
        schema: {
          tags: ["audit"],
          summary: "The audit log, with the same filters, as CSV or Excel with Arabic headers",
          querystring: exportQuerySchema(auditListQuerySchema),
          produces: exportProduces,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const actor = request.actor();
        const page = await service.list(actor, { ...q, limit: exportRowLimit + 1 });
        // The page holds at most `limit` rows; a further page means more than the cap.
        return sendAuditedExport(reply, {
          audit: service,
          list: "audit_events",
          query: q,
          found: page.nextBefore ? exportRowLimit + 1 : page.items.length,
          format: q.format,
          name: "سجل التدقيق",
          asciiName: "audit-log",
          sheetName: "سجل التدقيق",
          columns: [
            { header: "رقم الحدث", kind: "number", value: (e) => Number(e.id) },
            { header: "الوقت", kind: "datetime", value: (e) => e.occurredAt },
            { header: "الحدث", value: (e) => auditTypeNames[e.type] },
            { header: "المنفِّذ", value: (e) => e.actor?.fullName ?? "النظام" },
            { header: "المعنيّ بالحدث", value: (e) => e.subjectId },
            {
              header: "التفاصيل",
              value: (e) => (Object.keys(e.payload).length ? JSON.stringify(e.payload) : null),
            },
            { header: "رقم الطلب", value: (e) => e.requestId },
          ],
          rows: page.items.map(presentAuditEvent),
          reader: actor,
        });
      },
    );
  };
}
