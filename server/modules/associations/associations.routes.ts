import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { associationViewSchema } from "../../../shared/contracts/associations.js";
import { presentAssociation } from "./associations.presenter.js";
import type { AssociationsService } from "./associations.service.js";

export function associationsRoutes(service: AssociationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/associations/current",
      {
        schema: {
          tags: ["associations"],
          summary: "The signed-in user's association",
          response: { 200: associationViewSchema },
        },
      },
      async (request) => presentAssociation(await service.current(request.actor())),
    );
  };
}
