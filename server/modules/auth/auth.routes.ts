import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type SessionView, sessionViewSchema, signInRequestSchema } from "../../../shared/contracts/auth.js";
import type { AssociationsService } from "../associations/index.js";
import { presentCurrentUser, type UserRow, type UsersService } from "../users/index.js";
import { sessionCookie } from "./auth.hooks.js";
import type { SessionRow } from "./auth.repository.js";
import type { AuthService } from "./auth.service.js";

export function authRoutes(deps: {
  service: AuthService;
  users: UsersService;
  associations: AssociationsService;
  secureCookie: boolean;
}): FastifyPluginAsyncZod {
  const { service, users, associations, secureCookie } = deps;

  async function sessionView(session: SessionRow, user: UserRow): Promise<SessionView> {
    const association = await associations.current({ associationId: session.associationId });
    return {
      user: presentCurrentUser(user, association),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  function setCookie(reply: FastifyReply, token: string, expires: Date) {
    reply.setCookie(sessionCookie, token, {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      secure: secureCookie,
      expires,
    });
  }

  return async (app) => {
    app.post(
      "/api/auth/sign-in",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "Sign in with e-mail and password; sets the session cookie",
          body: signInRequestSchema,
          response: { 200: sessionViewSchema },
        },
      },
      async (request, reply) => {
        const { token, session, user } = await service.signIn({
          ...request.body,
          source: request.ip,
          requestId: String(request.id),
        });
        setCookie(reply, token, session.expiresAt);
        return sessionView(session, user);
      },
    );

    app.get(
      "/api/auth/session",
      {
        config: { beforeAcknowledgement: true },
        schema: {
          tags: ["auth"],
          summary: "The current session: who is signed in and the CSRF token to send",
          response: { 200: sessionViewSchema },
        },
      },
      async (request) => {
        const actor = request.actor();
        return sessionView(request.silahSession!.row, await users.get(actor));
      },
    );

    app.post(
      "/api/auth/sign-out",
      {
        config: { beforeAcknowledgement: true },
        schema: { tags: ["auth"], summary: "End the session on the server and clear the cookie" },
      },
      async (request, reply) => {
        await service.signOut(request.actor());
        reply.clearCookie(sessionCookie, { path: "/" });
        return reply.status(204).send();
      },
    );
  };
}
