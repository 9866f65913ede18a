import { arabicNameSearchKey } from "../../../shared/domain/arabic-name.js";

export type CategoryNames = { code: string; nameAr: string; nameEn: string | null; aliases: string[] };

/**
 * The key two ways of writing a category name share: hamza forms, ta marbuta/ha, alef maqsura,
 * diacritics and tatweel folded, and the article «ال» dropped («الأرامل» = «ارامل» = «الارامل»).
 */
export function categoryKey(text: string): string {
  return arabicNameSearchKey(text.toLowerCase());
}

/**
 * The category a spreadsheet cell names: its code, its Arabic or English name, or one of the other
 * names it defines (a singular «أرملة» beside the plural «الأرامل»), in any of the spellings above.
 */
export function matchCategory<T extends CategoryNames>(
  value: string,
  categories: readonly T[],
): T | undefined {
  const text = value.trim();
  if (!text) return undefined;
  const byCode = categories.find((c) => c.code.toLowerCase() === text.toLowerCase());
  if (byCode) return byCode;
  const key = categoryKey(text);
  if (!key) return undefined;
  return categories.find((c) =>
    [c.nameAr, c.nameEn ?? "", ...c.aliases].some((name) => name && categoryKey(name) === key),
  );
}
