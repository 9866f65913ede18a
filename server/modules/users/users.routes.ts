import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { currentUserSchema } from "../../../shared/contracts/auth.js";
import {
  createUserRequestSchema,
  updatePreferencesRequestSchema,
  userListResponseSchema,
  userViewSchema,
} from "../../../shared/contracts/users.js";
import type { AssociationsService } from "../associations/index.js";
import { presentCurrentUser, presentUser } from "./users.presenter.js";
import type { UsersService } from "./users.service.js";

export function usersRoutes(service: UsersService, associations: AssociationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.patch(
      "/api/me/preferences",
      {
        // The sign page offers its language switch.
        config: { beforeAcknowledgement: true },
        schema: {
          tags: ["users"],
          summary: "Change the signed-in user's interface language",
          body: updatePreferencesRequestSchema,
          response: { 200: currentUserSchema },
        },
      },
      async (request) => {
        const actor = request.actor();
        const user = await service.setLocale(actor, request.body.locale);
        return presentCurrentUser(user, await associations.current(actor));
      },
    );

    app.get(
      "/api/users",
      {
        schema: {
          tags: ["users"],
          summary: "The association's staff accounts",
          response: { 200: userListResponseSchema },
        },
      },
      async (request) => ({ items: (await service.list(request.actor())).map(presentUser) }),
    );

    app.post(
      "/api/users",
      {
        schema: {
          tags: ["users"],
          summary: "Create a staff account with its roles",
          body: createUserRequestSchema,
          response: { 201: userViewSchema },
        },
      },
      async (request, reply) => {
        const user = await service.create(request.actor(), request.body);
        return reply.status(201).send(presentUser(user));
      },
    );
  };
}
