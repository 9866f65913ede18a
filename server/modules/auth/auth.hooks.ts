import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { csrfHeader } from "../../../shared/contracts/auth.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import type { SessionRow } from "./auth.repository.js";
import type { AuthService, SecondFactorState } from "./auth.service.js";

export const sessionCookie = "silah_session";

declare module "fastify" {
  interface FastifyContextConfig {
    /** `public` routes are reachable without a session (sign-in, health, the public complaint page). */
    access?: "public";
    /**
     * `allowed`: reachable by a session that must first enrol a second factor (its own session,
     * sign-out, enrolment). Every other route refuses such a session.
     */
    enrolment?: "allowed";
  }
  interface FastifyRequest {
    silahSession: { row: SessionRow; roles: Actor["roles"]; secondFactor: SecondFactorState } | null;
    /** The signed-in actor; throws `unauthenticated` on a public route reached without a session. */
    actor(): Actor;
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Resolves the session cookie on every API request, refuses protected routes without one, and
 * checks the CSRF token on state-changing requests. Public state-changing routes get an Origin
 * check instead, so another site cannot submit them in a visitor's browser.
 */
export function registerAuthHooks(app: FastifyInstance, service: AuthService): void {
  app.decorateRequest("silahSession", null);
  app.decorateRequest("actor", function (this: FastifyRequest): Actor {
    const session = this.silahSession;
    if (!session) throw new AppError("unauthenticated", "no session");
    return {
      userId: session.row.userId,
      associationId: session.row.associationId,
      roles: session.roles,
      sessionId: session.row.id,
      requestId: String(this.id),
    };
  });

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const isPublic = request.routeOptions.config?.access === "public";
    const token = request.cookies[sessionCookie];
    const resolved = token ? await service.resolve(token) : { status: "none" as const };
    if (resolved.status === "open") {
      request.silahSession = {
        row: resolved.session,
        roles: resolved.roles,
        secondFactor: resolved.secondFactor,
      };
    }
    if (isPublic) {
      if (!safeMethods.has(request.method)) assertSameOrigin(request);
      return;
    }
    if (resolved.status === "expired") throw new AppError("session_expired", "session expired");
    if (resolved.status === "none") throw new AppError("unauthenticated", "no session");
    if (!safeMethods.has(request.method)) {
      const sent = request.headers[csrfHeader];
      if (typeof sent !== "string" || !sameToken(sent, resolved.session.csrfToken)) {
        throw new AppError("csrf_failed", "missing or wrong CSRF token");
      }
    }
    const { required, enrolled } = resolved.secondFactor;
    if (required && !enrolled && request.routeOptions.config?.enrolment !== "allowed") {
      throw new AppError("second_factor_enrolment_required", "this role must enrol a second factor first");
    }
  });
}

function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return; // Non-browser clients send none; browsers always do on cross-site POSTs.
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError("csrf_failed", "malformed origin");
  }
  if (host !== request.headers.host) throw new AppError("csrf_failed", `cross-site origin ${origin}`);
}
