import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  confirmEnrolmentRequestSchema,
  confirmEnrolmentResponseSchema,
  type SessionView,
  secondFactorEnrolmentSchema,
  secondFactorSignInRequestSchema,
  secondFactorStatusSchema,
  sessionViewSchema,
  signInRequestSchema,
  signInResponseSchema,
} from "../../../shared/contracts/auth.js";
import type { AssociationsService } from "../associations/index.js";
import { presentCurrentUser, type UserRow, type UsersService } from "../users/index.js";
import { sessionCookie } from "./auth.hooks.js";
import type { SessionRow } from "./auth.repository.js";
import type { AuthService, SecondFactorState } from "./auth.service.js";

export function authRoutes(deps: {
  service: AuthService;
  users: UsersService;
  associations: AssociationsService;
  secureCookie: boolean;
}): FastifyPluginAsyncZod {
  const { service, users, associations, secureCookie } = deps;

  async function sessionView(
    session: SessionRow,
    user: UserRow,
    secondFactor: SecondFactorState,
  ): Promise<SessionView> {
    const association = await associations.current({ associationId: session.associationId });
    return {
      user: presentCurrentUser(user, association),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
      secondFactor,
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
          summary:
            "Sign in with e-mail and password: a session (cookie set), a choice of association, or the second step",
          body: signInRequestSchema,
          response: { 200: signInResponseSchema },
        },
      },
      async (request, reply) => {
        const outcome = await service.signIn({
          ...request.body,
          source: request.ip,
          requestId: String(request.id),
        });
        if (outcome.step !== "signed_in") return outcome;
        setCookie(reply, outcome.token, outcome.session.expiresAt);
        return {
          step: "signed_in" as const,
          ...(await sessionView(outcome.session, outcome.user, outcome.secondFactor)),
        };
      },
    );

    app.post(
      "/api/auth/sign-in/second-factor",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "The second step of sign-in: the authenticator code or a recovery code; sets the cookie",
          body: secondFactorSignInRequestSchema,
          response: { 200: sessionViewSchema },
        },
      },
      async (request, reply) => {
        const opened = await service.completeSecondFactor({ ...request.body, requestId: String(request.id) });
        setCookie(reply, opened.token, opened.session.expiresAt);
        return sessionView(opened.session, opened.user, opened.secondFactor);
      },
    );

    app.get(
      "/api/auth/session",
      {
        config: { enrolment: "allowed" },
        schema: {
          tags: ["auth"],
          summary: "The current session: who is signed in and the CSRF token to send",
          response: { 200: sessionViewSchema },
        },
      },
      async (request) => {
        const actor = request.actor();
        const current = request.silahSession!;
        return sessionView(current.row, await users.get(actor), current.secondFactor);
      },
    );

    app.post(
      "/api/auth/sign-out",
      {
        config: { enrolment: "allowed" },
        schema: { tags: ["auth"], summary: "End the session on the server and clear the cookie" },
      },
      async (request, reply) => {
        await service.signOut(request.actor());
        reply.clearCookie(sessionCookie, { path: "/" });
        return reply.status(204).send();
      },
    );

    app.get(
      "/api/auth/second-factor",
      {
        config: { enrolment: "allowed" },
        schema: {
          tags: ["auth"],
          summary: "Whether the signed-in user has two-step verification, must have it, and codes left",
          response: { 200: secondFactorStatusSchema },
        },
      },
      async (request) => service.secondFactorStatus(request.actor()),
    );

    app.post(
      "/api/auth/second-factor/enrolment",
      {
        config: { enrolment: "allowed" },
        schema: {
          tags: ["auth"],
          summary: "Start enrolling an authenticator app: a new key, shown as a QR code and as text",
          response: { 200: secondFactorEnrolmentSchema },
        },
      },
      async (request) => service.startEnrolment(request.actor()),
    );

    app.post(
      "/api/auth/second-factor/enrolment/confirm",
      {
        config: { enrolment: "allowed" },
        schema: {
          tags: ["auth"],
          summary: "Confirm enrolment with a code from the app; answers the recovery codes, shown once",
          body: confirmEnrolmentRequestSchema,
          response: { 200: confirmEnrolmentResponseSchema },
        },
      },
      async (request, reply) => {
        const confirmed = await service.confirmEnrolment(request.actor(), request.body.code);
        setCookie(reply, confirmed.token, confirmed.session.expiresAt);
        const required = request.silahSession!.secondFactor.required;
        return {
          recoveryCodes: confirmed.recoveryCodes,
          session: await sessionView(confirmed.session, confirmed.user, { required, enrolled: true }),
        };
      },
    );

    app.post(
      "/api/users/:userId/second-factor/reset",
      {
        schema: {
          tags: ["auth"],
          summary: "An administrator removes a user's two-step verification (a lost phone); they enrol again",
          params: z.object({ userId: z.uuid() }),
        },
      },
      async (request, reply) => {
        await service.resetSecondFactor(request.actor(), request.params.userId);
        return reply.status(204).send();
      },
    );
  };
}
