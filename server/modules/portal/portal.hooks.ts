import type { FastifyInstance, FastifyRequest } from "fastify";
import { portalCookie, portalCsrfHeader } from "../../../shared/contracts/portal.js";
import { AppError } from "../../http/errors.js";
import type { PortalSecrets } from "./portal.secrets.js";
import type { PortalActor, PortalService } from "./portal.service.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * `session`: a beneficiary portal route; only the portal cookie opens it (ADR 0029). Such
     * routes are `access: "public"` to the staff hook, so a staff session opens nothing here.
     */
    portal?: "session";
  }
  interface FastifyRequest {
    portalActor: PortalActor | null;
    /** The signed-in beneficiary; throws `unauthenticated` without a portal session. */
    beneficiary(): PortalActor;
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the portal cookie on the portal's own routes and refuses them without an open portal
 * session; a state-changing portal request also carries the session's CSRF token in its own header.
 * The staff cookie is never read here, and the portal cookie (path /api/portal) never reaches the
 * staff API, whose hook reads only its own.
 */
export function registerPortalHooks(app: FastifyInstance, service: PortalService, secrets: PortalSecrets) {
  app.decorateRequest("portalActor", null);
  app.decorateRequest("beneficiary", function (this: FastifyRequest): PortalActor {
    if (!this.portalActor) throw new AppError("unauthenticated", "no portal session");
    return this.portalActor;
  });

  app.addHook("onRequest", async (request) => {
    if (request.routeOptions.config?.portal !== "session") return;
    const token = request.cookies[portalCookie];
    const resolved = token ? await service.resolve(token) : { status: "none" as const };
    if (resolved.status === "expired") throw new AppError("session_expired", "portal session expired");
    if (resolved.status === "none") throw new AppError("unauthenticated", "no portal session");
    const { session } = resolved;
    if (!safeMethods.has(request.method)) {
      const sent = request.headers[portalCsrfHeader];
      if (typeof sent !== "string" || !secrets.sameHash(sent, session.csrfToken)) {
        throw new AppError("csrf_failed", "missing or wrong portal CSRF token");
      }
    }
    request.portalActor = {
      sessionId: session.id,
      associationId: session.associationId,
      beneficiaryId: session.beneficiaryId,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      requestId: String(request.id),
    };
  });
}
