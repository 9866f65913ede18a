import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { icuText } from "./messages.js";

/**
 * How guessable a password is, judged by zxcvbn-ts (a maintained estimator) with its common-password
 * and keyboard dictionaries and the words of the person's own account. The server refuses a weak
 * password wherever one is set; the web runs the same function to warn before submitting. It is
 * deliberately not re-exported from `shared/domain/index.ts`: its dictionaries weigh about a
 * megabyte, so the web loads this file only on the pages that set a password.
 */

/** zxcvbn's "safely unguessable" level: about 10^8 guesses, beyond an online attack (ASVS 2.1.7). */
export const minimumPasswordScore = 3;
export const minimumPasswordLength = 10;
export const maximumPasswordLength = 512;

/** Why a password was refused, as a stable reason the server and the web both word in Arabic. */
export type PasswordWeakness =
  | "too_short"
  | "repeated"
  | "sequence"
  | "keyboard_pattern"
  | "common"
  | "personal"
  | "dates"
  | "guessable";

export type PasswordVerdict = { acceptable: true } | { acceptable: false; weakness: PasswordWeakness };

let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  // Built once: ranking the dictionaries takes a few tens of milliseconds.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary },
    graphs: adjacencyGraphs,
  });
  return estimator;
}

/**
 * The words an attacker who knows the person would try first: the e-mail and its parts, each word
 * of the name, the association's names, and the product itself.
 */
export function personalWords(context: { email?: string; fullName?: string; association?: string[] }) {
  const words = new Set<string>(["silah", "صلة", "صِلة"]);
  const add = (text: string | undefined) => {
    if (!text) return;
    const trimmed = text.trim().toLowerCase();
    if (trimmed.length >= 3) words.add(trimmed);
    for (const part of trimmed.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  };
  add(context.email);
  add(context.email?.split("@")[0]);
  add(context.fullName);
  for (const name of context.association ?? []) add(name);
  return [...words];
}

const weaknessByWarning: Record<string, PasswordWeakness> = {
  simpleRepeat: "repeated",
  extendedRepeat: "repeated",
  repeated: "repeated",
  sequences: "sequence",
  straightRow: "keyboard_pattern",
  keyPattern: "keyboard_pattern",
  topTen: "common",
  topHundred: "common",
  common: "common",
  similarToCommon: "common",
  wordByItself: "common",
  namesByThemselves: "common",
  commonNames: "common",
  userInputs: "personal",
  recentYears: "dates",
  dates: "dates",
};

export function judgePassword(password: string, personal: readonly string[] = []): PasswordVerdict {
  if (password.length < minimumPasswordLength) return { acceptable: false, weakness: "too_short" };
  // The estimator's cost grows with length; past a passphrase's length only the start matters to it.
  const result = zxcvbn().check(password.slice(0, 100), [...personal]);
  if (result.score >= minimumPasswordScore) {
    // The estimator counts each separator as fresh guessing, so "name-org-2026" can pass it. The
    // person's own words add nothing an attacker who knows them must guess: judge what is left.
    const rest = withoutPersonalWords(password, personal);
    if (rest === password) return { acceptable: true };
    const restScore = rest.length >= minimumPasswordLength ? zxcvbn().check(rest.slice(0, 100)).score : 0;
    return restScore >= minimumPasswordScore
      ? { acceptable: true }
      : { acceptable: false, weakness: "personal" };
  }
  const personalMatch = result.sequence.some((match) => match.dictionaryName === "userInputs");
  const weakness: PasswordWeakness = personalMatch
    ? "personal"
    : (weaknessByWarning[result.feedback.warning ?? ""] ?? "guessable");
  return { acceptable: false, weakness };
}

function withoutPersonalWords(password: string, personal: readonly string[]): string {
  let rest = password;
  // Longest first, so the whole e-mail goes before its parts.
  for (const word of [...personal].sort((a, b) => b.length - a.length)) {
    if (word.length < 3) continue;
    let at = rest.toLowerCase().indexOf(word);
    while (at !== -1) {
      rest = rest.slice(0, at) + rest.slice(at + word.length);
      at = rest.toLowerCase().indexOf(word);
    }
  }
  return rest;
}

/** The words a person reads beside the password field, Arabic first. */
export const passwordWeaknessMessages: Record<PasswordWeakness, { ar: string; en: string }> = {
  too_short: icuText(
    {
      ar: "كلمة المرور قصيرة: اجعلها {n, plural, one {حرفًا واحدًا} two {حرفين} few {# أحرف} many {# حرفًا} other {# حرف}} على الأقل.",
      en: "The password is too short: use at least {n, plural, one {# character} other {# characters}}.",
    },
    { n: minimumPasswordLength },
  ),
  repeated: {
    ar: "كلمة المرور سهلة التخمين: فيها تكرار لحرف أو مقطع. اختر عبارة من كلمات غير مترابطة.",
    en: "The password is easy to guess: it repeats a character or a chunk. Choose a phrase of unrelated words.",
  },
  sequence: {
    ar: "كلمة المرور سهلة التخمين: فيها تسلسل مثل 1234 أو abcd. اختر عبارة من كلمات غير مترابطة.",
    en: "The password is easy to guess: it contains a sequence like 1234 or abcd. Choose a phrase of unrelated words.",
  },
  keyboard_pattern: {
    ar: "كلمة المرور سهلة التخمين: هي صفّ متتابع على لوحة المفاتيح. اختر عبارة من كلمات غير مترابطة.",
    en: "The password is easy to guess: it follows a row of the keyboard. Choose a phrase of unrelated words.",
  },
  common: {
    ar: "كلمة المرور شائعة الاستخدام وتُجرَّب أولًا عند الاختراق. اختر عبارة من كلمات غير مترابطة.",
    en: "This password is commonly used and tried first by attackers. Choose a phrase of unrelated words.",
  },
  personal: {
    ar: "كلمة المرور مبنية على الاسم أو البريد الإلكتروني أو اسم الجمعية، فيسهل تخمينها.",
    en: "The password is built on the name, the e-mail or the association's name, so it is easy to guess.",
  },
  dates: {
    ar: "كلمة المرور سهلة التخمين: التواريخ والسنوات تُجرَّب أولًا. أضف كلمات غير مترابطة.",
    en: "The password is easy to guess: dates and years are tried first. Add unrelated words.",
  },
  guessable: {
    ar: "كلمة المرور سهلة التخمين. اختر عبارة أطول من كلمات غير مترابطة.",
    en: "The password is easy to guess. Choose a longer phrase of unrelated words.",
  },
};
