import type { z } from "zod";
import {
  type ErrorCode,
  errorMessages,
  type FieldError,
  type LocalizedText,
  problemSchema,
} from "../../shared/contracts/errors.js";

/** An error answered by the API, carrying what the person needs to read and the form needs to mark. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  /** The server's words for the person; null when the server was not reached (the UI says so itself). */
  readonly userMessage: LocalizedText | null;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: ErrorCode;
    userMessage: LocalizedText | null;
    fieldErrors?: FieldError[];
    requestId?: string | null;
  }) {
    super(`${init.status} ${init.code}`);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.userMessage = init.userMessage;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId ?? null;
  }

  /** The message beside one form field, if the server named that field. */
  fieldMessage(path: string): LocalizedText | undefined {
    return this.fieldErrors.find((error) => error.path === path)?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// The session's CSRF token lives in memory only; the session fetchers keep it current.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  /** Sent as is instead of JSON: a file's bytes, a CSV's text. */
  raw?: { content: Blob | string; type: string };
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
};

function withQuery(path: string, query: RequestOptions["query"]): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to the generic message.
  }
  const problem = problemSchema.safeParse(body);
  if (problem.success) {
    return new ApiError({
      status: problem.data.status,
      code: problem.data.code,
      userMessage: problem.data.message,
      fieldErrors: problem.data.errors ?? [],
      requestId: problem.data.requestId,
    });
  }
  const code: ErrorCode = response.status === 401 ? "unauthenticated" : "internal_error";
  return new ApiError({ status: response.status, code, userMessage: errorMessages[code] });
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.raw) headers["content-type"] = options.raw.type;
  else if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.raw
        ? options.raw.content
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({ status: 0, code: "internal_error", userMessage: null });
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** Sends a request and parses the JSON answer with the contract's schema. */
export async function requestJson<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options: RequestOptions = {},
): Promise<z.infer<Schema>> {
  const response = await send(path, options);
  return schema.parse(await response.json());
}

/** Sends a request whose answer has no body (204). */
export async function requestVoid(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

/**
 * Sends a GET whose answer is a file (an export) and hands back its bytes and the name the server
 * gave it (`filename*`, RFC 5987, else `filename`). An error answer is read as problem+json like any other.
 */
export async function requestFile(
  path: string,
  options: Pick<RequestOptions, "query" | "signal"> = {},
): Promise<{ blob: Blob; fileName: string }> {
  const response = await send(path, options);
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  let fileName = plain ?? "export";
  if (encoded) {
    try {
      fileName = decodeURIComponent(encoded);
    } catch {
      // A malformed name: keep the ASCII one.
    }
  }
  return { blob: await response.blob(), fileName };
}
