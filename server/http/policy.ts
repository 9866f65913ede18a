import type { StaffRole } from "../../shared/contracts/roles.js";
import type { Actor } from "./actor.js";
import { AppError } from "./errors.js";

/** A module's policy: each action names the roles that may perform it (CONVENTIONS: `policy` role). */
export type Policy<Action extends string> = Readonly<Record<Action, readonly StaffRole[]>>;

export function definePolicy<Action extends string>(rules: Policy<Action>): Policy<Action> {
  return rules;
}

export function can<Action extends string>(
  actor: Pick<Actor, "roles">,
  policy: Policy<Action>,
  action: Action,
) {
  const allowed = policy[action];
  return actor.roles.some((role) => allowed.includes(role));
}

export function authorize<Action extends string>(actor: Actor, policy: Policy<Action>, action: Action): void {
  if (!can(actor, policy, action)) {
    throw new AppError("forbidden", `roles [${actor.roles.join(",")}] may not ${action}`);
  }
}
