import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { createGate, type Gate } from "./gate.js";

/** Where the system Chromium lives (the same one the Playwright journeys use); no browser is downloaded. */
export const systemChromium = "/usr/bin/chromium";

export class PdfUnavailableError extends Error {}

export type PdfRenderer = {
  /**
   * Renders a self-contained HTML page to an A4 PDF; throws `GateBusyError` when too many wait.
   * `footer` is Chromium's footer template, printed in every page's bottom margin (page numbers:
   * `<span class="pageNumber"></span>` and `totalPages`).
   */
  render(html: string, options?: { footer?: string }): Promise<Buffer>;
  /** Ends the browser, if one was started; the app calls it when it closes. */
  close(): Promise<void>;
};

/**
 * Headless Chromium shapes Arabic correctly with the system's Noto fonts. One browser process is
 * shared by every request (started on the first PDF, restarted if it dies); each document gets its
 * own short-lived context, and a gate bounds how many render at once. Starting a browser per
 * request made six simultaneous prints take 18 s and could start any number of browsers.
 */
export function createPdfRenderer(options: {
  executablePath?: string;
  concurrency?: number;
  queue?: number;
  waitMs?: number;
}): PdfRenderer {
  const executablePath = options.executablePath ?? systemChromium;
  const gate: Gate = createGate({
    concurrency: options.concurrency ?? 2,
    queue: options.queue ?? 6,
    waitMs: options.waitMs ?? 15_000,
  });
  let browser: Promise<Browser> | null = null;
  let closed = false;

  function shared(): Promise<Browser> {
    if (browser) return browser;
    if (!existsSync(executablePath)) {
      return Promise.reject(new PdfUnavailableError(`no browser at ${executablePath}`));
    }
    // playwright-core is loaded only when a PDF is asked for; an install without it answers 503.
    const starting = import("playwright-core")
      .then(({ chromium }) =>
        chromium.launch({
          executablePath,
          headless: true,
          args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        }),
      )
      .then((started) => {
        started.on("disconnected", () => {
          if (browser === starting) browser = null;
        });
        return started;
      })
      .catch((error: unknown) => {
        if (browser === starting) browser = null;
        throw new PdfUnavailableError(error instanceof Error ? error.message : String(error));
      });
    browser = starting;
    return starting;
  }

  return {
    render(html, options = {}) {
      return gate.run(async () => {
        if (closed) throw new PdfUnavailableError("the server is closing");
        const context = await (await shared()).newContext({ javaScriptEnabled: false });
        try {
          context.setDefaultTimeout(20_000);
          const page = await context.newPage();
          // The page has no external resources; block the network so nothing in it can reach out.
          await page.route("**/*", (route) =>
            route.request().url().startsWith("data:") ? route.continue() : route.abort(),
          );
          await page.setContent(html, { waitUntil: "load" });
          const pdf = await page.pdf({
            format: "A4",
            printBackground: true,
            preferCSSPageSize: true,
            ...(options.footer
              ? { displayHeaderFooter: true, headerTemplate: "<span></span>", footerTemplate: options.footer }
              : {}),
          });
          return Buffer.from(pdf);
        } catch (error) {
          throw new PdfUnavailableError(error instanceof Error ? error.message : String(error));
        } finally {
          await context.close().catch(() => undefined);
        }
      });
    },
    async close() {
      closed = true;
      const running = browser;
      browser = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
