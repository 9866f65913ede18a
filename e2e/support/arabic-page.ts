import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * What an Arabic reader would notice on the page as it stands: English words the interface wrote
 * (text, placeholders, labels, titles), controls whose words the browser writes in its own language
 * (a native date picker, «Choose File», a number box), and forms that let the browser's validation bubble speak
 * («Please fill out this field.»).
 *
 * A file input is reported only when it is seen (the browser draws «Choose File» on it): our file
 * picker keeps the input visually hidden behind an Arabic button. Options are read with their list.
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
    const exempt = (element: Element | null): boolean => {
      if (!element) return false;
      // Words declared in another language on purpose (the language switch's «English»).
      const language = element.closest("body [lang]")?.getAttribute("lang") ?? "ar";
      if (!language.startsWith("ar")) return true;
      return (
        element.closest(
          'bdi, code, kbd, samp, [dir="ltr"], script, style, noscript, template, [data-untranslated]',
        ) != null
      );
    };
    const visible = (element: Element): boolean => {
      // An option has no box of its own: it is seen when its list is.
      const select = element.closest("select, datalist");
      if (select && select !== element) return select.tagName === "DATALIST" || visible(select);
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

    // What a sighted person sees: a control shrunk to a pixel and clipped (our file picker's input,
    // opened by an Arabic button) is not seen, though a screen reader still reads its text.
    const seen = (element: Element): boolean => {
      if (!visible(element)) return false;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 2 && box.height > 2 && style.clipPath !== "inset(50%)" && style.opacity !== "0";
    };

    if (latin.test(document.title)) {
      findings.push({ kind: "english_title", where: "document.title", text: document.title.slice(0, 120) });
    }

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!parent || !latin.test(text) || exempt(parent) || !visible(parent)) continue;
      findings.push({ kind: "english_text", where: where(parent), text: text.trim().slice(0, 120) });
    }

    const attributes = [
      "placeholder",
      "title",
      "aria-label",
      "alt",
      "aria-placeholder",
      "aria-roledescription",
    ];
    for (const element of Array.from(document.querySelectorAll(attributes.map((a) => `[${a}]`).join(", ")))) {
      if (exempt(element)) continue;
      for (const attribute of attributes) {
        const value = element.getAttribute(attribute);
        if (value && latin.test(value)) {
          findings.push({ kind: `english_${attribute}`, where: where(element), text: value.slice(0, 120) });
        }
      }
    }

    for (const input of Array.from(document.querySelectorAll("input"))) {
      const type = input.type;
      // A button input writes its value as its words.
      if (["submit", "button", "reset"].includes(type) && latin.test(input.value) && !exempt(input)) {
        findings.push({ kind: "english_text", where: where(input), text: input.value.slice(0, 120) });
      }
      if (["date", "datetime-local", "month", "week", "time"].includes(type) && visible(input)) {
        findings.push({ kind: "native_date_picker", where: where(input), text: type });
      }
      // The browser's number box drops what is not a number («ثلاثة آلاف») without a word.
      if (type === "number" && visible(input)) {
        findings.push({ kind: "native_number_input", where: where(input), text: type });
      }
      if (type === "file" && seen(input)) {
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
      // A message the browser wrote for a field (setCustomValidity or a failed constraint) is shown
      // in its own bubble and its own language as soon as the form is sent.
      if (!form.noValidate) {
        for (const field of Array.from(form.elements) as HTMLInputElement[]) {
          if (field.validationMessage) {
            findings.push({ kind: "native_validation", where: where(field), text: field.validationMessage });
          }
        }
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
