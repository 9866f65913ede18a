import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";

export const demoPassword = "silah-demo-2026";

/**
 * The authenticator app of each demo user, as a person's phone would keep it: the key read off the
 * enrolment page, and the last time-step used (the server accepts a step once).
 */
const authenticators = new Map<string, { secret: string; lastStep: number }>();
const period = 30;

async function nextCode(key: string): Promise<string> {
  const app = authenticators.get(key);
  if (!app) throw new Error(`no authenticator for ${key}`);
  let current = Math.floor(Date.now() / 1000 / period);
  // One step ahead is accepted for drift; past that, wait for the clock like a person would.
  while (app.lastStep + 1 > current + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    current = Math.floor(Date.now() / 1000 / period);
  }
  const step = Math.max(current, app.lastStep + 1);
  app.lastStep = step;
  return TOTP.generate({
    secret: Secret.fromBase32(app.secret),
    algorithm: "SHA1",
    digits: 6,
    period,
    timestamp: step * period * 1000,
  });
}

/**
 * Signs a demo user in on the sign-in page, the way they would: e-mail and password, then — for
 * the roles that require two-step verification — enrolment on first sign-in (the key is read from
 * the page and the code computed from it, as an authenticator app does) or the code afterwards.
 * Ends on the signed-in app (or the policy sign screen, or the screen that replaces a temporary
 * password: the app's own gates). The platform operator signs in on the same page.
 */
export async function signInOnPage(page: Page, email: string, password = demoPassword): Promise<void> {
  if (!page.url().endsWith("/sign-in")) await page.goto("/sign-in");
  const key = `${new URL(page.url()).origin} ${email}`;
  await page.getByLabel("البريد الإلكتروني").fill(email);
  await page.getByLabel("كلمة المرور").fill(password);
  await page.getByRole("button", { name: "دخول" }).click();

  const signedIn = page.locator(".shell, .sign-screen, .temporary-password");
  const enrol = page.getByRole("button", { name: "ابدأ التفعيل" });
  const code = page.getByLabel("رمز التحقق");
  await signedIn.or(enrol).or(code).first().waitFor();

  if (await code.isVisible()) {
    await code.fill(await nextCode(key));
    await page.getByRole("button", { name: "تحقق" }).click();
  } else if (await enrol.isVisible()) {
    await enrolOnPage(page, email);
  }
  await signedIn.first().waitFor();
}

/**
 * Enrols two-step verification from the enrolment screen the signed-in person is on (after first
 * sign-in, or after replacing a temporary password), keeping the key as an authenticator app does.
 */
export async function enrolOnPage(page: Page, email: string): Promise<void> {
  const key = `${new URL(page.url()).origin} ${email}`;
  await page.getByRole("button", { name: "ابدأ التفعيل" }).click();
  const secret = (await page.getByTestId("second-factor-key").textContent())?.replace(/\s/g, "") ?? "";
  authenticators.set(key, { secret, lastStep: Number.NEGATIVE_INFINITY });
  await page.getByLabel("الرمز الظاهر في التطبيق").fill(await nextCode(key));
  await page.getByRole("button", { name: "تأكيد التفعيل" }).click();
  await page.getByRole("heading", { name: "رموز الاسترداد" }).waitFor();
  await page.getByRole("button", { name: "حفظت الرموز، تابع" }).click();
}
