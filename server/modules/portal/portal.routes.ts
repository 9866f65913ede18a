import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  portalCodeAnswerSchema,
  portalCodeRequestSchema,
  portalCookie,
  portalCookiePath,
  portalMeSchema,
  portalNoticeListSchema,
  portalRequestListSchema,
  portalRequestParamsSchema,
  portalRequestViewSchema,
  portalSlugParamsSchema,
  portalVerifyRequestSchema,
} from "../../../shared/contracts/portal.js";
import {
  presentPortalMe,
  presentPortalNotices,
  presentPortalRequest,
  presentPortalRequests,
} from "./portal.presenter.js";
import type { PortalService } from "./portal.service.js";

const tags = ["portal"];
// Public to the staff hook (no staff session needed, and none is read), the portal's own to its hook.
const signedIn = { access: "public", portal: "session" } as const;

export function portalRoutes(deps: { service: PortalService; secureCookie: boolean }): FastifyPluginAsyncZod {
  const { service, secureCookie } = deps;
  return async (app) => {
    app.post(
      "/api/portal/associations/:slug/sign-in/code",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary:
            "A beneficiary asks for a sign-in code by national ID or Iqama: the same answer whether the ID is registered or not",
          params: portalSlugParamsSchema,
          body: portalCodeRequestSchema,
          response: { 200: portalCodeAnswerSchema },
        },
      },
      async (request) =>
        service.requestCode({
          slug: request.params.slug,
          nationalId: request.body.nationalId,
          source: request.ip,
          requestId: String(request.id),
        }),
    );

    app.post(
      "/api/portal/associations/:slug/sign-in/verify",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary:
            "The code from the message opens a portal session (its own cookie); five wrong tries void a code",
          params: portalSlugParamsSchema,
          body: portalVerifyRequestSchema,
          response: { 200: portalMeSchema },
        },
      },
      async (request, reply) => {
        const opened = await service.verify({
          slug: request.params.slug,
          nationalId: request.body.nationalId,
          code: request.body.code,
          source: request.ip,
          requestId: String(request.id),
        });
        reply.setCookie(portalCookie, opened.token, {
          path: portalCookiePath,
          httpOnly: true,
          sameSite: "strict",
          secure: secureCookie,
          expires: opened.session.expiresAt,
        });
        const actor = {
          sessionId: opened.session.id,
          associationId: opened.session.associationId,
          beneficiaryId: opened.session.beneficiaryId,
          csrfToken: opened.session.csrfToken,
          expiresAt: opened.session.expiresAt,
          requestId: String(request.id),
        };
        return presentPortalMe(actor, await service.me(actor));
      },
    );

    app.post(
      "/api/portal/sign-out",
      {
        config: signedIn,
        schema: { tags, summary: "End the portal session on the server and clear its cookie" },
      },
      async (request, reply) => {
        await service.signOut(request.beneficiary());
        reply.clearCookie(portalCookie, { path: portalCookiePath });
        return reply.status(204).send();
      },
    );

    app.get(
      "/api/portal/me",
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            "The signed-in beneficiary, the household recorded on their file, and the portal CSRF token",
          response: { 200: portalMeSchema },
        },
      },
      async (request) => {
        const actor = request.beneficiary();
        return presentPortalMe(actor, await service.me(actor));
      },
    );

    app.get(
      "/api/portal/requests",
      {
        config: signedIn,
        schema: {
          tags,
          summary:
            "Their requests and their household's: state in plain Arabic, what is awaited from them, due date, decision",
          response: { 200: portalRequestListSchema },
        },
      },
      async (request) => {
        const { scope, items } = await service.requests(request.beneficiary());
        return presentPortalRequests(items, scope);
      },
    );

    app.get(
      "/api/portal/requests/:requestId",
      {
        config: signedIn,
        schema: {
          tags,
          summary: "One of their requests; anyone else's answers 404 like a missing one",
          params: portalRequestParamsSchema,
          response: { 200: portalRequestViewSchema },
        },
      },
      async (request) => {
        const { scope, detail } = await service.request(request.beneficiary(), request.params.requestId);
        return presentPortalRequest(detail, scope);
      },
    );

    app.get(
      "/api/portal/notices",
      {
        config: signedIn,
        schema: {
          tags,
          summary: "The notices the association sent them (never a sign-in code)",
          response: { 200: portalNoticeListSchema },
        },
      },
      async (request) => presentPortalNotices(await service.notices(request.beneficiary())),
    );
  };
}
