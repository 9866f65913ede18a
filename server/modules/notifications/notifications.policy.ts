import { noticeActorRoles, noticeReaderRoles } from "../../../shared/contracts/notifications.js";
import { definePolicy } from "../../http/policy.js";

/** Who reads the notices sent to people and does the ones no machine can carry (SPEC C2, ADR 0020). */
export const notificationsPolicy = definePolicy({ read: noticeReaderRoles, act: noticeActorRoles });
