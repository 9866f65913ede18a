import { existsSync } from "node:fs";

/** Where the system Chromium lives (the same one the Playwright journeys use); no browser is downloaded. */
export const systemChromium = "/usr/bin/chromium";

export class PdfUnavailableError extends Error {}

/**
 * Renders a self-contained HTML page to an A4 PDF in headless Chromium, which shapes Arabic
 * correctly with the system's Noto fonts. A browser is started per document: printing the policy
 * is rare, and a long-lived browser would hold memory for nothing.
 */
export async function renderPdf(html: string, executablePath: string = systemChromium): Promise<Buffer> {
  if (!existsSync(executablePath)) throw new PdfUnavailableError(`no browser at ${executablePath}`);
  // playwright-core is loaded only when a PDF is asked for; an install without it answers 503.
  const browser = await import("playwright-core")
    .then(({ chromium }) =>
      chromium.launch({
        executablePath,
        headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
      }),
    )
    .catch((error: unknown) => {
      throw new PdfUnavailableError(error instanceof Error ? error.message : String(error));
    });
  try {
    const page = await browser.newPage();
    // The page has no external resources; block the network so nothing in it can reach out.
    await page.route("**/*", (route) =>
      route.request().url().startsWith("data:") ? route.continue() : route.abort(),
    );
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    return Buffer.from(pdf);
  } catch (error) {
    throw new PdfUnavailableError(error instanceof Error ? error.message : String(error));
  } finally {
    await browser.close();
  }
}
