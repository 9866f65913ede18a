// Arabic-Indic (U+0660–0669) and Persian/Urdu (U+06F0–06F9) digits arrive from phone keyboards
// and pasted documents; every parser folds them to ASCII first so one rule set handles all three.
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;
const NON_ASCII_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;

export function normalizeDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(48 + code - zero);
  });
}

/** Shows ASCII digits as Arabic-Indic ones, for Arabic text that prefers them. */
export function toArabicIndicDigits(text: string): string {
  return text.replace(/[0-9]/g, (ch) => String.fromCharCode(ARABIC_INDIC_ZERO + ch.charCodeAt(0) - 48));
}

export function hasOnlyDigits(text: string): boolean {
  return /^[0-9]+$/.test(normalizeDigits(text));
}

/**
 * A number as people type it in a form: Western or Arabic-Indic digits, «.» or «٫» before the
 * fraction, «,», «٬» or spaces between thousands. Anything else («ثلاثة آلاف», «3k») is not a
 * number: null, so the form says so instead of sending nothing.
 */
export function parseTypedNumber(text: string, options: { integer?: boolean } = {}): number | null {
  const plain = normalizeDigits(text)
    .trim()
    .replace(/[\u066C,\s\u00a0\u202f]/g, "")
    .replace("\u066B", ".");
  const pattern = options.integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
  if (!pattern.test(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}
