import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy the built web app runs under (ADR 0009): every script, style sheet,
 * font and request comes from this server, nothing from a CDN, and no inline script may run, so an
 * injected `<script>` or `onerror=` does nothing even if a page ever rendered one.
 */
export const contentSecurityPolicy = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  // Style elements some widgets inject (the human check) are allowed; scripts never are.
  "style-src": ["'self'", "'unsafe-inline'"],
  // Vite inlines small font subsets as data: URLs; QR codes and previews are data: or blob: images.
  "font-src": ["'self'", "data:"],
  "img-src": ["'self'", "data:", "blob:"],
  "connect-src": ["'self'"],
  // A proof-of-work check may run in a worker built from a blob of this origin's own script.
  "worker-src": ["'self'", "blob:"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
} as const;

/** Caching of the web app's files: hashed assets forever, the page shell revalidated each time. */
export function staticCacheControl(filePath: string): string {
  return /[/\\]assets[/\\]/.test(filePath) ? "public, max-age=31536000, immutable" : "no-cache";
}

/**
 * Security headers for every answer, errors and 404s included, registered before any module so an
 * answer refused by the auth hook carries them too. HSTS and upgrading requests only make sense
 * behind HTTPS, so only in production.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { production: boolean },
): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...contentSecurityPolicy,
        ...(options.production ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: options.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // Personal JSON must not stay in the cache of a shared office computer or a proxy.
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });
}
