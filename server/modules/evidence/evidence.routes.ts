import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  createEvidencePackRequestSchema,
  evidencePackIdParamsSchema,
  evidencePackListResponseSchema,
  evidencePackViewSchema,
} from "../../../shared/contracts/evidence.js";
import { presentEvidencePack } from "./evidence.presenter.js";
import type { EvidenceService } from "./evidence.service.js";

const tags = ["evidence"];

export function evidenceRoutes(service: EvidenceService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/evidence-packs",
      {
        schema: {
          tags,
          summary:
            "Ask for the governance assessment's evidence pack for a period (Riyadh days, inclusive): queued, made in the background",
          body: createEvidencePackRequestSchema,
          response: { 202: evidencePackViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(202).send(presentEvidencePack(await service.request(request.actor(), request.body))),
    );

    app.get(
      "/api/evidence-packs",
      {
        schema: {
          tags,
          summary: "Evidence packs, newest first: period, who asked and when, status and progress, the files",
          response: { 200: evidencePackListResponseSchema },
        },
      },
      async (request) => ({ items: (await service.list(request.actor())).map(presentEvidencePack) }),
    );

    app.get(
      "/api/evidence-packs/:packId",
      {
        schema: {
          tags,
          summary:
            "One evidence pack, polled while it is made; its PDF and workbook download through /api/files",
          params: evidencePackIdParamsSchema,
          response: { 200: evidencePackViewSchema },
        },
      },
      async (request) => presentEvidencePack(await service.get(request.actor(), request.params.packId)),
    );
  };
}
