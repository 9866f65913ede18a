import type { FastifyServerOptions } from "fastify";
import { isAppError } from "./errors.js";

/**
 * Logs say what happened to which route, never who: no IP, query string, body, cookie or header
 * values reach the log, so personal data stays in the database where access is controlled and audited.
 */
export function loggerOptions(
  level: string,
  stream?: { write(line: string): void },
): FastifyServerOptions["logger"] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: ["req.headers", "headers", "*.password", "*.email"], remove: true },
    serializers: {
      req: (req: { method: string; url: string; id: string; routeOptions?: { url?: string } }) => ({
        id: req.id,
        method: req.method,
        // The route's template, never the address asked for: an unmatched path can carry anything.
        route: req.routeOptions?.url ?? "(no route)",
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // Fastify's type expects pino's default shape (message, stack as text); ours drops the message.
      err: (error: unknown) => describeError(error) as never,
      error: (error: unknown) => describeError(error) as never,
    },
  };
}

/** What an operator may read about a failure; a database error adds where it happened, never what. */
export type ErrorSummary = {
  type: string;
  /** The application's own code, a Node or Fastify code, or the SQLSTATE of a database error. */
  code?: string;
  /** Only the application's own messages, written by developers, never a driver's or a runtime's. */
  message?: string;
  statusCode?: number;
  constraint?: string;
  table?: string;
  column?: string;
  causes?: ErrorSummary[];
  /** Code locations only: the first lines of a stack repeat the message. */
  stack?: string[];
};

// Identifier-like values: a code, a constraint, a table or column name. Anything else is dropped.
const identifier = /^[A-Za-z_][A-Za-z0-9_.$-]{0,62}$|^[0-9A-Z]{5}$/;

function pick(source: Record<string, unknown>, key: string): string | undefined {
  const value = source[key];
  return typeof value === "string" && identifier.test(value) ? value : undefined;
}

/**
 * Reduces any thrown value to its class, codes and code locations. A driver or ORM error carries the
 * failed SQL, every bound parameter (health notes, national IDs, password hashes) and PostgreSQL's
 * `detail` (which echoes the conflicting key values): none of those, nor any message but the
 * application's own, may reach a log line.
 */
export function describeError(error: unknown, depth = 0): ErrorSummary {
  if (error === null || typeof error !== "object") {
    // A bare string or number thrown or logged as an error is someone's message: keep only its kind.
    return { type: typeof error };
  }
  const source = error as Record<string, unknown>;
  // The class says more than `name`, which many drivers leave as "Error" or "error".
  const className = (error as { constructor?: { name?: unknown } }).constructor?.name;
  const summary: ErrorSummary = {
    type:
      typeof className === "string" && identifier.test(className) && className !== "Object"
        ? className
        : typeof source.name === "string" && identifier.test(source.name)
          ? source.name
          : "Error",
  };
  const code = pick(source, "code");
  if (code) summary.code = code;
  if (isAppError(error)) summary.message = error.message;
  if (typeof source.statusCode === "number") summary.statusCode = source.statusCode;
  for (const key of ["constraint", "table", "column"] as const) {
    const value = pick(source, key);
    if (value) summary[key] = value;
  }
  if (source.cause !== undefined && depth < 4) summary.causes = [describeError(source.cause, depth + 1)];
  if (depth === 0) {
    const frames = stackFrames(source);
    if (frames) summary.stack = frames;
  }
  return summary;
}

/**
 * The frames of a V8 stack are what follows its first line, `name: message`; the message may span
 * lines (a failed query and its parameters), so the header is cut by its exact text, never by
 * guessing which lines look like frames. A stack of any other shape is left out.
 */
function stackFrames(source: Record<string, unknown>): string[] | undefined {
  const { stack, name, message } = source;
  if (typeof stack !== "string" || typeof name !== "string" || typeof message !== "string") return undefined;
  const header = message ? `${name}: ${message}` : name;
  if (!stack.startsWith(`${header}\n`)) return undefined;
  return stack
    .slice(header.length + 1)
    .split("\n")
    .slice(0, 12)
    .map((line) => line.trim());
}
