import type { FastifyInstance } from "fastify";
import { AppError } from "../../http/errors.js";
import type { PolicyService } from "./policy.service.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * Open to staff who have not yet signed the policy in force (P3): their own session, the
     * policy itself, signing it, and what the sign page needs. Every other route waits for the signature.
     */
    beforeAcknowledgement?: boolean;
  }
}

/**
 * Staff acknowledgement enforced on the server (issue 10): until the signed-in person has signed
 * the version in force, every route not declared `beforeAcknowledgement` answers 403
 * `policy_acknowledgement_required`, and the web app sends them to the sign page. Before any
 * approval there is nothing to sign and nobody is stopped.
 *
 * It runs at onRequest, after the auth hook (app.ts registers the modules' hooks in order, auth
 * before policy) and before any route's own hooks and the body: an upload is refused before a byte
 * of it is read, and the refusal is the same whatever was sent.
 */
export function registerAcknowledgementGate(app: FastifyInstance, service: PolicyService): void {
  app.addHook("onRequest", async (request) => {
    const { url, config } = request.routeOptions;
    if (!url?.startsWith("/api/")) return;
    if (config?.access === "public" || config?.beforeAcknowledgement) return;
    if (!request.silahSession) return;
    const pending = await service.unsignedCurrent(request.actor());
    if (pending) {
      throw new AppError(
        "policy_acknowledgement_required",
        `policy version ${pending.versionNumber ?? pending.id} not signed yet`,
      );
    }
  });
}
