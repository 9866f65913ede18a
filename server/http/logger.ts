import type { FastifyServerOptions } from "fastify";

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
        route: req.routeOptions?.url ?? req.url.split("?")[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
