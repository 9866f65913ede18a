/**
 * The portal's cookie and CSRF header names, apart from the zod contracts so the portal's small web
 * entry can read them without a validation library (ADR 0029).
 */
/** The CSRF token of a portal session travels in this header on every state-changing portal request. */
export const portalCsrfHeader = "x-portal-csrf-token";
/** The portal's cookie: its own name and path, so it never reaches the staff API. */
export const portalCookie = "silah_portal";
export const portalCookiePath = "/api/portal";
