import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import {
  type ErrorCode,
  errorMessages,
  type FieldError,
  type Problem,
} from "../../shared/contracts/errors.js";
import { AppError, httpStatusByCode, isAppError } from "./errors.js";

const fieldMessages = {
  required: { ar: "هذا الحقل مطلوب.", en: "This field is required." },
  unknown: { ar: "حقل غير معروف؛ أزله من الطلب.", en: "Unknown field; remove it from the request." },
  invalid: { ar: "القيمة غير صحيحة.", en: "The value is not valid." },
  tooShort: { ar: "القيمة أقصر من المسموح.", en: "The value is too short." },
  tooLong: { ar: "القيمة أطول من المسموح.", en: "The value is too long." },
  email: { ar: "أدخل بريدًا إلكترونيًا صحيحًا.", en: "Enter a valid e-mail address." },
} as const;

type ZodLikeIssue = {
  code?: string;
  path?: PropertyKey[];
  message?: string;
  keys?: string[];
  format?: string;
  params?: { code?: string; ar?: string; en?: string };
};

/** Turns zod issues into the field errors a form shows next to each field. */
export function toFieldErrors(issues: readonly ZodLikeIssue[], prefix = ""): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const base = [prefix, ...(issue.path ?? []).map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      return (issue.keys ?? []).map((key) => ({
        path: [base, key].filter(Boolean).join("."),
        code: "unknown_field",
        message: fieldMessages.unknown,
      }));
    }
    if (issue.code === "custom" && issue.params?.code && issue.params.ar && issue.params.en) {
      return [{ path: base, code: issue.params.code, message: { ar: issue.params.ar, en: issue.params.en } }];
    }
    // zod reports a missing value as an invalid type whose input was undefined.
    const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message ?? "");
    const message = missing
      ? fieldMessages.required
      : issue.code === "too_small"
        ? fieldMessages.tooShort
        : issue.code === "too_big"
          ? fieldMessages.tooLong
          : issue.format === "email"
            ? fieldMessages.email
            : fieldMessages.invalid;
    return [{ path: base, code: missing ? "required" : (issue.code ?? "invalid"), message }];
  });
}

export function problemBody(code: ErrorCode, requestId: string, fieldErrors?: FieldError[]): Problem {
  const message = errorMessages[code];
  return {
    type: `urn:silah:problem:${code}`,
    title: message.en,
    status: httpStatusByCode[code],
    code,
    message,
    requestId,
    ...(fieldErrors?.length ? { errors: fieldErrors } : {}),
  };
}

function send(reply: FastifyReply, code: ErrorCode, fieldErrors?: FieldError[]) {
  return reply
    .status(httpStatusByCode[code])
    .type("application/problem+json")
    .send(problemBody(code, String(reply.request.id), fieldErrors));
}

/** The one place errors become responses (CONVENTIONS §5); handlers never shape their own. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler(
    (error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
      if (isAppError(error)) {
        if (error.details.retryAfterSeconds)
          reply.header("retry-after", String(error.details.retryAfterSeconds));
        if (httpStatusByCode[error.code] >= 500)
          request.log.error({ err: error, route: request.routeOptions.url }, "application error");
        return send(reply, error.code, error.details.fieldErrors);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const context = error.validationContext ?? "body";
        const issues = error.validation.map(
          (v): ZodLikeIssue => ({
            ...(v.params as ZodLikeIssue),
            code: v.keyword,
            path: v.instancePath.split("/").filter(Boolean),
            message: v.message,
          }),
        );
        return send(reply, "validation_failed", toFieldErrors(issues, context === "body" ? "" : context));
      }
      const status = (error as FastifyError).statusCode;
      if (status === 413) return send(reply, "payload_too_large");
      if (status === 415 || status === 400) {
        // Malformed JSON, an empty body with a JSON content type, an unsupported media type.
        return send(reply, "validation_failed");
      }
      if (status === 429) return send(reply, "too_many_attempts");
      request.log.error({ err: error, route: request.routeOptions.url }, "unhandled error");
      return send(reply, "internal_error");
    },
  );

  app.setNotFoundHandler((_request, reply) => send(reply, "not_found"));
}

/**
 * Errors Fastify raises before any route runs (a path parameter past `maxParamLength`, a malformed
 * percent-encoding). Its own answers are plain JSON that quote the address, which may carry a
 * national ID or a tracking token; these answer like every other error and quote nothing.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // No route, so no hooks: the headers every answer carries are set here.
  reply.header("x-request-id", request.id).header("x-content-type-options", "nosniff");
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") return send(reply, "uri_too_long");
  if (error.code === "FST_ERR_BAD_URL") return send(reply, "validation_failed");
  reply.log.error({ err: error }, "framework error");
  return send(reply, "internal_error");
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}
