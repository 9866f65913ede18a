import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { currentUserSchema } from "../../../shared/contracts/auth.js";
import {
  changeOwnPasswordRequestSchema,
  changeRolesRequestSchema,
  createUserRequestSchema,
  resetPasswordRequestSchema,
  resetPasswordResponseSchema,
  updatePreferencesRequestSchema,
  userIdParamsSchema,
  userListResponseSchema,
  userViewSchema,
} from "../../../shared/contracts/users.js";
import type { AssociationsService } from "../associations/index.js";
import { presentCurrentUser, presentUser } from "./users.presenter.js";
import type { UsersService } from "./users.service.js";

export function usersRoutes(service: UsersService, associations: AssociationsService): FastifyPluginAsyncZod {
  return async (app) => {
    const view = (user: Parameters<typeof presentUser>[0]) => presentUser(user, {});
    const administration = (summary: string) => ({
      tags: ["users"],
      summary,
      params: userIdParamsSchema,
      response: { 200: userViewSchema },
    });

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

    app.put(
      "/api/me/password",
      {
        // A temporary password is replaced first (the users hook opens nothing else), then the second
        // factor enrolled by the person who now holds the account, then the policy signed.
        config: { beforeAcknowledgement: true, enrolment: "allowed" },
        schema: {
          tags: ["users"],
          summary: "Change one's own password; every other session of the person ends",
          body: changeOwnPasswordRequestSchema,
          response: { 200: currentUserSchema },
        },
      },
      async (request) => {
        const actor = request.actor();
        const user = await service.changeOwnPassword(actor, request.body);
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
      async (request) => {
        const accounts = await service.accounts(request.actor());
        return { items: accounts.map(({ user, ...context }) => presentUser(user, context)) };
      },
    );

    app.post(
      "/api/users",
      {
        schema: {
          tags: ["users"],
          summary: "Create a staff account with its roles and a temporary password",
          body: createUserRequestSchema,
          response: { 201: userViewSchema },
        },
      },
      async (request, reply) => {
        const user = await service.create(request.actor(), request.body);
        return reply.status(201).send(view(user));
      },
    );

    app.put(
      "/api/users/:userId/roles",
      {
        schema: {
          ...administration("Replace a staff member's roles; their sessions end"),
          body: changeRolesRequestSchema,
        },
      },
      async (request) =>
        view(await service.changeRoles(request.actor(), request.params.userId, request.body.roles)),
    );

    app.post(
      "/api/users/:userId/deactivate",
      { schema: administration("Deactivate a staff account; its sessions end at once") },
      async (request) => view(await service.deactivate(request.actor(), request.params.userId)),
    );

    app.post(
      "/api/users/:userId/reactivate",
      { schema: administration("Reactivate a staff account") },
      async (request) => view(await service.reactivate(request.actor(), request.params.userId)),
    );

    app.post(
      "/api/users/:userId/unlock",
      { schema: administration("Lift the lockout after repeated failed sign-ins") },
      async (request) => view(await service.unlock(request.actor(), request.params.userId)),
    );

    app.post(
      "/api/users/:userId/sessions/end",
      { schema: administration("Sign a staff member out everywhere") },
      async (request) => view(await service.endSessions(request.actor(), request.params.userId)),
    );

    app.post(
      "/api/users/:userId/password-reset",
      {
        schema: {
          tags: ["users"],
          summary:
            "Set a temporary password (typed, or generated and shown once); sessions end and the person must choose a new one",
          params: userIdParamsSchema,
          body: resetPasswordRequestSchema,
          response: { 200: resetPasswordResponseSchema },
        },
      },
      async (request) => {
        const { user, temporaryPassword } = await service.resetPassword(
          request.actor(),
          request.params.userId,
          request.body.password,
        );
        return { user: view(user), temporaryPassword };
      },
    );
  };
}
