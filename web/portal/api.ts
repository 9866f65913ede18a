import type {
  PortalCodeAnswer,
  PortalMe,
  PortalNoticeList,
  PortalRequestList,
  PortalRequestView,
} from "../../shared/contracts/portal.js";
import { portalCsrfHeader } from "../../shared/contracts/portal-http.js";
import { t } from "./messages.js";

/**
 * The portal's few calls. Types come from the shared contract; no schema runs here (the server
 * answers only what its schemas declare), so the portal carries no validation library.
 */
type FieldError = { path: string; code: string; message: { ar: string; en: string } };

export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: string,
    readonly fieldErrors: FieldError[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${status} ${code}`);
  }
  fieldMessage(path: string): string | undefined {
    return this.fieldErrors.find((e) => e.path === path)?.message.ar;
  }
}

// The session's CSRF token lives in memory only; /me and the sign-in answer keep it current.
let csrfToken: string | null = null;

async function call<T>(path: string, options: { method?: "GET" | "POST"; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers[portalCsrfHeader] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new PortalError(0, "network", t("portal.error.network"));
  }
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = (body ?? {}) as { code?: string; message?: { ar?: string }; errors?: FieldError[] };
    const retry = Number(response.headers.get("retry-after"));
    throw new PortalError(
      response.status,
      problem.code ?? "unexpected",
      problem.message?.ar ?? t("portal.error.unexpected"),
      problem.errors ?? [],
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
  }
  return body as T;
}

const remember = (me: PortalMe) => {
  csrfToken = me.csrfToken;
  return me;
};

export const portalApi = {
  requestCode: (slug: string, nationalId: string) =>
    call<PortalCodeAnswer>(`/api/portal/associations/${encodeURIComponent(slug)}/sign-in/code`, {
      method: "POST",
      body: { nationalId },
    }),
  verify: async (slug: string, nationalId: string, code: string) =>
    remember(
      await call<PortalMe>(`/api/portal/associations/${encodeURIComponent(slug)}/sign-in/verify`, {
        method: "POST",
        body: { nationalId, code },
      }),
    ),
  me: async () => remember(await call<PortalMe>("/api/portal/me")),
  signOut: async () => {
    await call<void>("/api/portal/sign-out", { method: "POST" });
    csrfToken = null;
  },
  requests: () => call<PortalRequestList>("/api/portal/requests"),
  request: (id: string) => call<PortalRequestView>(`/api/portal/requests/${encodeURIComponent(id)}`),
  notices: () => call<PortalNoticeList>("/api/portal/notices"),
};
