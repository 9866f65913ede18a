import { tokenizeName } from "./arabic-name.js";

/**
 * Name matching for search and duplicate detection.
 *
 * A name is read as given name, father, grandfather (and further ancestors), family name. Scores:
 * - positions carry weights (given 0.30, family 0.30, father 0.25, grandfather 0.15); a missing
 *   middle name drops its weight instead of counting as a mismatch, so «محمد عبدالله الشهري» and
 *   «محمد عبدالله سعد الشهري» score high;
 * - a shorter name may also be given + father + grandfather with no family name; the better reading wins;
 * - given and family names gate the score multiplicatively: brothers share everything but the given name;
 * - tokens compare by Jaro–Winkler on normalised letters, rescaled so unrelated names fall to 0;
 * - Latin tokens go through a small dictionary of common names (Mohammed → محمد); otherwise both
 *   scripts are reduced to a consonant skeleton and compared. Limits: the skeleton ignores vowels,
 *   ع, ء, و and ي, so سعد/سعود collide across scripts, and rare transliterations may not line up.
 */

/** A name tokenised and encoded once, so scoring allocates nothing. */
export type PreparedName = {
  readonly count: number;
  /** Normalised letters of all tokens, concatenated (dictionary-mapped Latin tokens in Arabic). */
  readonly codes: Uint16Array;
  /** Offsets into `codes`, `count + 1` entries. */
  readonly starts: Uint16Array;
  /** Consonant skeleton of all tokens, concatenated. */
  readonly skeleton: Uint16Array;
  readonly skeletonStarts: Uint16Array;
  /** 1 when the token stayed Latin (not found in the dictionary). */
  readonly latin: Uint8Array;
  /** FNV-1a hash of each token, for the exact-match shortcut. */
  readonly hashes: Int32Array;
  readonly tokens: readonly string[];
};

const MAX_TOKENS = 12;
const MAX_TOKEN_LENGTH = 48;

// ---------------------------------------------------------------------------------------------
// Latin → Arabic for the most common Saudi names, keyed by the tokenizer's Latin output
// (lower case; «al»/«abd»/«abu» already fused with the next word).

const LATIN_NAMES: Record<string, readonly string[]> = {
  محمد: ["mohammed", "muhammad", "mohamed", "mohammad", "mohamad", "muhammed", "mohd", "mhmd", "mohamud"],
  احمد: ["ahmed", "ahmad", "ahmet"],
  عبدالله: ["abdullah", "abdulla", "abdallah", "abdalla", "abdellah", "abdollah"],
  عبدالرحمن: ["abdulrahman", "abdurrahman", "abdelrahman", "abdalrahman", "abdurahman", "abdulrehman"],
  عبدالعزيز: ["abdulaziz", "abdelaziz", "abdalaziz", "abdulazeez", "abdulazez"],
  عبدالمحسن: ["abdulmohsen", "abdulmuhsin", "abdelmohsen"],
  عبدالكريم: ["abdulkarim", "abdulkareem", "abdelkarim"],
  عبدالاله: ["abdulelah", "abdulilah", "abdullelah"],
  علي: ["ali"],
  عمر: ["omar", "umar", "omer"],
  عثمان: ["othman", "uthman", "osman", "usman"],
  خالد: ["khalid", "khaled"],
  سعود: ["saud", "saoud", "soud"],
  سعد: ["saad", "saad", "sad"],
  سلطان: ["sultan", "soltan"],
  فهد: ["fahad", "fahd"],
  فيصل: ["faisal", "faysal", "faisel"],
  تركي: ["turki", "torki"],
  ناصر: ["nasser", "nasir", "naser", "nassir"],
  سلمان: ["salman", "salmann"],
  صالح: ["saleh", "salih", "salah"],
  ابراهيم: ["ibrahim", "ebrahim", "ibraheem"],
  يوسف: ["yousef", "yousif", "youssef", "yusuf", "yosef", "yousuf"],
  حسن: ["hassan", "hasan"],
  حسين: ["hussein", "hussain", "husain", "hussien", "hosain"],
  ماجد: ["majed", "majid"],
  منصور: ["mansour", "mansur", "mansoor"],
  نواف: ["nawaf", "nawwaf"],
  بندر: ["bandar", "bander"],
  بدر: ["badr", "bader"],
  طلال: ["talal"],
  وليد: ["waleed", "walid"],
  حمد: ["hamad"],
  حامد: ["hamed", "hamid"],
  سامي: ["sami", "samy"],
  ياسر: ["yasser", "yasir", "yaser"],
  مشاري: ["mishari", "meshari", "mashari"],
  عادل: ["adel", "adil"],
  معاذ: ["muath", "moath", "muadh", "moaz", "muaz"],
  فارس: ["fares", "faris"],
  راشد: ["rashed", "rashid"],
  سعيد: ["saeed", "said", "saied"],
  فاطمه: ["fatimah", "fatima", "fatma", "fatemah"],
  عايشه: ["aisha", "aishah", "ayesha", "aysha", "aicha"],
  مريم: ["maryam", "mariam", "mariyam", "meryem"],
  نوره: ["noura", "nora", "nourah", "norah", "nura"],
  ساره: ["sarah", "sara"],
  حصه: ["hessa", "hissa", "hussa", "hessah"],
  لطيفه: ["latifa", "latifah", "lateefa"],
  منيره: ["munira", "muneera", "monira", "munirah"],
  ريم: ["reem", "rim"],
  خديجه: ["khadija", "khadijah", "khadeeja"],
  هيا: ["haya"],
  امل: ["amal"],
  هدي: ["huda", "hoda"],
  نوف: ["nouf", "nuf"],
  الجوهره: ["aljohara", "aljawhara", "aljouhara"],
  القحطاني: ["alqahtani", "qahtani", "algahtani"],
  العتيبي: ["alotaibi", "otaibi", "aloteibi"],
  الغامدي: ["alghamdi", "ghamdi"],
  الشهري: ["alshahri", "alshehri", "shahri", "shehri"],
  الزهراني: ["alzahrani", "zahrani"],
  الدوسري: ["aldosari", "aldossary", "aldossari", "dosari"],
  المطيري: ["almutairi", "mutairi", "almutiri"],
  الحربي: ["alharbi", "harbi"],
  الشمري: ["alshammari", "shammari", "alshamari"],
  العنزي: ["alanazi", "alenezi", "alenazi", "anazi"],
  السبيعي: ["alsubaie", "alsubaiei", "subaie"],
  العمري: ["alomari", "alamri", "omari"],
  المالكي: ["almalki", "malki", "almaliki"],
  الجهني: ["aljohani", "johani", "aljuhani"],
  اليامي: ["alyami", "yami"],
  الاسمري: ["alasmari", "asmari"],
  السهلي: ["alsahli", "sahli"],
  الرشيدي: ["alrashidi", "alrasheedi", "rashidi"],
};

const LATIN_TO_ARABIC = new Map<string, string>();
for (const [arabic, spellings] of Object.entries(LATIN_NAMES)) {
  for (const spelling of spellings) LATIN_TO_ARABIC.set(spelling, arabic);
}

// ---------------------------------------------------------------------------------------------
// Consonant skeleton. Classes are small integers; 0 means "dropped" (vowels, ع, ء, و, ي).

const B = 1;
const T = 2;
const J = 3;
const H = 4;
const K = 5;
const D = 6;
const R = 7;
const Z = 8;
const S = 9;
const F = 10;
const L = 11;
const M = 12;
const N = 13;
const G = 14;

const ARABIC_CLASS = new Map<string, number>([
  ["ب", B],
  ["ت", T],
  ["ث", T],
  ["ذ", T], // Gulf transliteration writes ذ as "th" (Muath, Thamer) more often than "dh"
  ["ط", T],
  ["ج", J],
  ["ح", H],
  ["ه", H],
  ["خ", K],
  ["ق", K],
  ["ك", K],
  ["د", D],
  ["ض", D],
  ["ظ", D],
  ["ر", R],
  ["ز", Z],
  ["س", S],
  ["ش", S],
  ["ص", S],
  ["غ", G],
  ["ف", F],
  ["ل", L],
  ["م", M],
  ["ن", N],
]);

const LATIN_DIGRAPHS = new Map<string, number>([
  ["kh", K],
  ["sh", S],
  ["th", T],
  ["dh", D],
  ["gh", G],
  ["ph", F],
  ["ch", S],
  ["zh", Z],
]);

const LATIN_CLASS = new Map<string, number>([
  ["b", B],
  ["p", B],
  ["t", T],
  ["j", J],
  ["g", J],
  ["h", H],
  ["k", K],
  ["q", K],
  ["c", K],
  ["d", D],
  ["r", R],
  ["z", Z],
  ["s", S],
  ["x", S],
  ["f", F],
  ["v", F],
  ["l", L],
  ["m", M],
  ["n", N],
]);

function skeletonOf(token: string): number[] {
  const out: number[] = [];
  const latin = /^[a-z]/.test(token);
  for (let i = 0; i < token.length; i++) {
    let cls = 0;
    if (latin) {
      const pair = LATIN_DIGRAPHS.get(token.slice(i, i + 2));
      if (pair !== undefined) {
        cls = pair;
        i++;
      } else {
        cls = LATIN_CLASS.get(token[i]!) ?? 0;
      }
    } else {
      cls = ARABIC_CLASS.get(token[i]!) ?? 0;
    }
    if (cls !== 0 && out[out.length - 1] !== cls) out.push(cls);
  }
  // A final ه/h is mostly ta marbuta or a silent ending (فاطمه/Fatima, عبدالله/Abdulla).
  if (out.length > 1 && out[out.length - 1] === H) out.pop();
  // The article (ال / al / el) is written or dropped freely in transliteration.
  const article = latin ? token.startsWith("al") || token.startsWith("el") : token.startsWith("ال");
  if (article && out[0] === L && out.length >= 3) out.shift();
  return out;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Tokenises and encodes a name once; keep the result for repeated scoring. */
export function prepareName(text: string): PreparedName {
  const tokens = tokenizeName(text)
    .slice(0, MAX_TOKENS)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
  const primary = tokens.map((t) => LATIN_TO_ARABIC.get(t) ?? t);
  const skeletons = primary.map(skeletonOf);
  const count = tokens.length;
  const codes = new Uint16Array(primary.reduce((sum, t) => sum + t.length, 0));
  const starts = new Uint16Array(count + 1);
  const skeleton = new Uint16Array(skeletons.reduce((sum, s) => sum + s.length, 0));
  const skeletonStarts = new Uint16Array(count + 1);
  const latin = new Uint8Array(count);
  const hashes = new Int32Array(count);
  let offset = 0;
  let skOffset = 0;
  for (let i = 0; i < count; i++) {
    const t = primary[i]!;
    starts[i] = offset;
    for (let c = 0; c < t.length; c++) codes[offset++] = t.charCodeAt(c);
    skeletonStarts[i] = skOffset;
    for (const cls of skeletons[i]!) skeleton[skOffset++] = cls;
    latin[i] = /^[a-z]/.test(t) ? 1 : 0;
    hashes[i] = fnv1a(t);
  }
  starts[count] = offset;
  skeletonStarts[count] = skOffset;
  return { count, codes, starts, skeleton, skeletonStarts, latin, hashes, tokens: primary };
}

// ---------------------------------------------------------------------------------------------
// Hot path: no allocation below this line.

const flagsA = new Uint8Array(MAX_TOKEN_LENGTH);
const flagsB = new Uint8Array(MAX_TOKEN_LENGTH);

function jaroWinkler(a: Uint16Array, ao: number, al: number, b: Uint16Array, bo: number, bl: number): number {
  if (al === 0 || bl === 0) return 0;
  const window = Math.max(0, (Math.max(al, bl) >> 1) - 1);
  for (let i = 0; i < al; i++) flagsA[i] = 0;
  for (let j = 0; j < bl; j++) flagsB[j] = 0;
  let matches = 0;
  for (let i = 0; i < al; i++) {
    const lo = i > window ? i - window : 0;
    const hi = Math.min(i + window, bl - 1);
    const ch = a[ao + i];
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b[bo + j] === ch) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let halfTranspositions = 0;
  for (let i = 0; i < al; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a[ao + i] !== b[bo + k]) halfTranspositions++;
    k++;
  }
  const jaro = (matches / al + matches / bl + (matches - halfTranspositions / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, al, bl);
  while (prefix < maxPrefix && a[ao + prefix] === b[bo + prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Jaro–Winkler gives unrelated short names ~0.7; rescale so that only close spellings count.
const JW_FLOOR = 0.72;

function sharpen(jw: number): number {
  return jw <= JW_FLOOR ? 0 : (jw - JW_FLOOR) / (1 - JW_FLOOR);
}

function sameToken(a: PreparedName, i: number, b: PreparedName, j: number): boolean {
  if (a.hashes[i] !== b.hashes[j]) return false;
  const as = a.starts[i]!;
  const bs = b.starts[j]!;
  const len = a.starts[i + 1]! - as;
  if (b.starts[j + 1]! - bs !== len) return false;
  for (let c = 0; c < len; c++) if (a.codes[as + c] !== b.codes[bs + c]) return false;
  return true;
}

/** Similarity of token i of a and token j of b, in [0, 1]. */
function tokenSimilarity(a: PreparedName, i: number, b: PreparedName, j: number): number {
  if (sameToken(a, i, b, j)) return 1;
  const crossScript = a.latin[i] !== b.latin[j];
  const aSk = a.skeletonStarts[i]!;
  const aSkLen = a.skeletonStarts[i + 1]! - aSk;
  const bSk = b.skeletonStarts[j]!;
  const bSkLen = b.skeletonStarts[j + 1]! - bSk;
  if (crossScript) {
    if (aSkLen === 0 || bSkLen === 0) return 0;
    if (aSkLen === bSkLen && aSkLen >= 2) {
      let equal = true;
      for (let c = 0; c < aSkLen; c++) {
        if (a.skeleton[aSk + c] !== b.skeleton[bSk + c]) {
          equal = false;
          break;
        }
      }
      if (equal) return 0.9;
    }
    return 0.8 * sharpen(jaroWinkler(a.skeleton, aSk, aSkLen, b.skeleton, bSk, bSkLen));
  }
  const as = a.starts[i]!;
  const bs = b.starts[j]!;
  const direct = sharpen(jaroWinkler(a.codes, as, a.starts[i + 1]! - as, b.codes, bs, b.starts[j + 1]! - bs));
  if (a.latin[i] === 0) return direct;
  // Two unknown Latin spellings: vowels vary freely, so let the skeleton vouch as well.
  const viaSkeleton = 0.9 * sharpen(jaroWinkler(a.skeleton, aSk, aSkLen, b.skeleton, bSk, bSkLen));
  return Math.max(direct, viaSkeleton);
}

const W_GIVEN = 0.3;
const W_FAMILY = 0.3;
const W_FATHER = 0.25;
const W_GRANDFATHER = 0.15;

function gate(similarity: number): number {
  return 0.55 + 0.45 * similarity;
}

// Family names are long and attract typos, so they gate more gently than the given name.
function familyGate(similarity: number): number {
  return 0.7 + 0.3 * similarity;
}

/** Similarity of two prepared names in [0, 1]; symmetric. */
export function scorePrepared(a: PreparedName, b: PreparedName): number {
  const n = a.count;
  const m = b.count;
  if (n === 0 || m === 0) return 0;
  const given = tokenSimilarity(a, 0, b, 0);
  // One word alone is too little to call two people the same.
  if (n === 1 || m === 1) return n === m ? 0.7 * given : 0.5 * given;

  // Reading 1: first is the given name, last is the family name, middles align from the father on.
  const family = tokenSimilarity(a, n - 1, b, m - 1);
  let sum = W_GIVEN * given + W_FAMILY * family;
  let weights = W_GIVEN + W_FAMILY;
  const middles = Math.min(n, m) - 2;
  for (let i = 0; i < middles; i++) {
    const w = i === 0 ? W_FATHER : W_GRANDFATHER;
    sum += w * tokenSimilarity(a, 1 + i, b, 1 + i);
    weights += w;
  }
  const penalty = n === m ? 1 : middles === 0 ? 0.9 : 0.97;
  let best = (sum / weights) * gate(given) * familyGate(family) * penalty;

  // Reading 2: the shorter name is given + father + grandfather with no family name.
  const shorter = Math.min(n, m);
  if (n !== m && shorter >= 3) {
    let sum2 = W_GIVEN * given;
    let weights2 = W_GIVEN;
    for (let i = 1; i < shorter; i++) {
      const w = i === 1 ? W_FATHER : W_GRANDFATHER;
      sum2 += w * tokenSimilarity(a, i, b, i);
      weights2 += w;
    }
    const alternative = (sum2 / weights2) * gate(given) * 0.9;
    if (alternative > best) best = alternative;
  }
  return best;
}

/** Convenience form for one-off comparisons; prepare names once when comparing many. */
export function scoreNames(a: string, b: string): number {
  return scorePrepared(prepareName(a), prepareName(b));
}

/** Score at or above which two names are treated as probably the same person. */
export const PROBABLE_MATCH_SCORE = 0.85;
