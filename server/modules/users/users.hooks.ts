import type { FastifyInstance } from "fastify";
import { AppError } from "../../http/errors.js";
import type { UsersService } from "./users.service.js";

/** What a person holding a temporary password may still do: see who they are, replace it, leave. */
const openWithTemporaryPassword = new Set([
  "GET /api/auth/session",
  "POST /api/auth/sign-out",
  "PUT /api/me/password",
  "PATCH /api/me/preferences",
]);

/**
 * A password someone else chose (an administrator's, a reset) opens nothing but the change of
 * password: enforced here on the server, not only by the web app's screen. Runs after the auth
 * hook has resolved the session (preHandler follows every onRequest hook).
 */
export function registerPasswordChangeHook(app: FastifyInstance, service: UsersService): void {
  app.addHook("preHandler", async (request) => {
    const session = request.silahSession;
    if (!session || !request.url.startsWith("/api/")) return;
    if (request.routeOptions.config?.access === "public") return;
    if (openWithTemporaryPassword.has(`${request.method} ${request.routeOptions.url}`)) return;
    const required = await service.passwordChangeRequired({
      associationId: session.row.associationId,
      userId: session.row.userId,
    });
    if (required) throw new AppError("password_change_required", "temporary password must be changed");
  });
}
