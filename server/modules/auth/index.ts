import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { RateLimits } from "../../http/rate-limit.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { SilahModule } from "../module.js";
import type { UsersService } from "../users/index.js";
import { registerAuthHooks } from "./auth.hooks.js";
import { createAuthRepository } from "./auth.repository.js";
import { authRoutes } from "./auth.routes.js";
import { createAuthSecrets } from "./auth.secrets.js";
import { type AuthService, createAuthService, type SessionSettings } from "./auth.service.js";
import { createSignInLimits } from "./auth.sign-in-limits.js";

export { sessionCookie } from "./auth.hooks.js";
export { codeAt } from "./auth.second-factor.js";
export type { AuthService } from "./auth.service.js";

export function createAuthModule(deps: {
  db: Database;
  users: UsersService;
  associations: AssociationsService;
  audit: AuditService;
  clock: Clock;
  limits: RateLimits;
  settings: SessionSettings & { secureCookie: boolean };
}): SilahModule & { service: AuthService } {
  const service = createAuthService({
    ...deps,
    repo: createAuthRepository(),
    limits: createSignInLimits(deps.limits),
    secrets: createAuthSecrets(deps.settings.secret),
  });
  return {
    name: "auth",
    service,
    hooks: (app) => registerAuthHooks(app, service),
    routes: authRoutes({
      service,
      users: deps.users,
      associations: deps.associations,
      secureCookie: deps.settings.secureCookie,
    }),
  };
}
