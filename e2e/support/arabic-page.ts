import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * What an Arabic reader would notice on the page as it stands: English words the interface wrote
 * (text, placeholders, labels, titles), controls whose words the browser writes in its own language
 * (a native date picker, «Choose File»), and forms that let the browser's validation bubble speak
 * («Please fill out this field.»).
 *
 * Codes and what people typed are allowed to be Latin: they are shown through `<UserText>` /
 * `Fact` (a `<bdi>`), inside `dir="ltr"`, in `<code>`, or as a link's address. Everything else
 * that holds a Latin letter is reported with where it is.
 */
export type ArabicPageFinding = { kind: string; where: string; text: string };

export async function findNonArabicInterface(page: Page): Promise<ArabicPageFinding[]> {
  return page.evaluate(() => {
    const findings: { kind: string; where: string; text: string }[] = [];
    const latin = /[A-Za-z]{2,}/;
    const exempt = (element: Element | null): boolean =>
      element?.closest(
        'bdi, code, kbd, samp, [dir="ltr"], script, style, noscript, template, [data-untranslated]',
      ) != null;
    const visible = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return false;
      const style = getComputedStyle(element);
      return style.visibility !== "hidden" && style.display !== "none";
    };
    const where = (element: Element): string => {
      const parts: string[] = [];
      let node: Element | null = element;
      while (node && parts.length < 4 && node !== document.body) {
        const name = node.tagName.toLowerCase();
        const cls = node.classList[0] ? `.${node.classList[0]}` : "";
        parts.unshift(`${name}${cls}`);
        node = node.parentElement;
      }
      return parts.join(" > ");
    };

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!parent || !latin.test(text) || exempt(parent) || !visible(parent)) continue;
      findings.push({ kind: "english_text", where: where(parent), text: text.trim().slice(0, 120) });
    }

    for (const element of Array.from(document.querySelectorAll("[placeholder], [title], [aria-label]"))) {
      if (exempt(element)) continue;
      for (const attribute of ["placeholder", "title", "aria-label"]) {
        const value = element.getAttribute(attribute);
        if (value && latin.test(value)) {
          findings.push({ kind: `english_${attribute}`, where: where(element), text: value.slice(0, 120) });
        }
      }
    }

    for (const input of Array.from(document.querySelectorAll("input"))) {
      const type = input.type;
      if (["date", "datetime-local", "month", "week", "time"].includes(type) && visible(input)) {
        findings.push({ kind: "native_date_picker", where: where(input), text: type });
      }
      if (type === "file" && visible(input)) {
        findings.push({ kind: "native_file_input", where: where(input), text: "Choose File" });
      }
    }

    for (const form of Array.from(document.querySelectorAll("form"))) {
      const validated = form.querySelector(
        "[required], [pattern], [min], [max], [minlength], input[type=email]",
      );
      if (validated && !form.noValidate) {
        findings.push({ kind: "native_validation", where: where(form), text: "form without noValidate" });
      }
    }
    return findings;
  });
}

/** Fails the test with every finding, so one run lists all the English a page still shows. */
export async function expectArabicInterface(page: Page, context = ""): Promise<void> {
  const findings = await findNonArabicInterface(page);
  expect(findings, `${context || page.url()}: interface not in Arabic`).toEqual([]);
}
