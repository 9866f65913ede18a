import {
  PROBABLE_MATCH_SCORE,
  type PreparedName,
  prepareName,
  scorePrepared,
} from "../shared/domain/index.js";

/**
 * Toolkit benchmark: name-matching throughput and duplicate detection on a synthetic registry.
 *
 * The registry is 100,000 records of four-part Saudi names with date of birth and mobile number;
 * 7% are second records of someone already present, written the way people really re-enter names
 * (hamza dropped, ة/ه, ى/ي, «عبد الله» spacing, «بن» added, grandfather dropped, a typo, or the
 * name typed in Latin letters). The detector blocks on date of birth, on phone, and on a cheap name
 * key, then decides with the name score — see `detectDuplicates`.
 */

// ---------------------------------------------------------------------------------------------
// Deterministic randomness, so every run prints the same figures.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rng = () => number;
type NameEntry = readonly [arabic: string, ...latin: string[]];

/** Skewed pick: common names (earlier in the list) come up far more often, as in real registries. */
function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(list.length * rng() ** 2)]!;
}

const MALE: readonly NameEntry[] = [
  ["محمد", "Mohammed", "Muhammad", "Mohamed"],
  ["عبدالله", "Abdullah", "Abdallah"],
  ["عبدالرحمن", "Abdulrahman", "Abdurrahman"],
  ["أحمد", "Ahmed", "Ahmad"],
  ["عبدالعزيز", "Abdulaziz", "Abdelaziz"],
  ["خالد", "Khalid", "Khaled"],
  ["فهد", "Fahad", "Fahd"],
  ["سعد", "Saad"],
  ["علي", "Ali"],
  ["سلطان", "Sultan"],
  ["فيصل", "Faisal"],
  ["ناصر", "Nasser", "Nasir"],
  ["سعود", "Saud"],
  ["إبراهيم", "Ibrahim"],
  ["عمر", "Omar"],
  ["يوسف", "Yousef", "Yusuf"],
  ["تركي", "Turki"],
  ["ماجد", "Majed"],
  ["صالح", "Saleh"],
  ["منصور", "Mansour"],
  ["نواف", "Nawaf"],
  ["بندر", "Bandar"],
  ["عبدالمحسن", "Abdulmohsen"],
  ["عبدالكريم", "Abdulkarim"],
  ["حمد", "Hamad"],
  ["راشد", "Rashed"],
  ["سامي", "Sami"],
  ["ياسر", "Yasser"],
  ["وليد", "Waleed"],
  ["طلال", "Talal"],
  ["مشاري", "Mishari"],
  ["عادل", "Adel"],
  ["فارس", "Fares"],
  ["حسن", "Hassan"],
  ["حسين", "Hussein"],
  ["عثمان", "Othman"],
  ["سلمان", "Salman"],
  ["مساعد", "Musaed"],
  ["مشعل", "Mishal"],
  ["متعب", "Mutab"],
  ["بدر", "Badr"],
  ["زياد", "Ziyad"],
  ["هشام", "Hisham"],
  ["نايف", "Naif"],
  ["مصطفى", "Mustafa"],
  ["يحيى", "Yahya"],
  ["موسى", "Musa"],
  ["عيسى", "Eisa"],
  ["حمود", "Hamoud"],
  ["عبدالإله", "Abdulelah"],
  ["نور الدين", "Nooraldeen"],
  ["ضيف الله", "Dhaifallah"],
  ["عطاالله", "Atallah"],
  ["أنس", "Anas"],
  ["أسامة", "Osama"],
  ["مهند", "Muhannad"],
  ["رائد", "Raed"],
  ["معاذ", "Muath"],
  ["هاني", "Hani"],
  ["لؤي", "Luay"],
];

const FEMALE: readonly NameEntry[] = [
  ["نورة", "Noura", "Nourah"],
  ["فاطمة", "Fatimah", "Fatima"],
  ["سارة", "Sarah", "Sara"],
  ["مريم", "Maryam", "Mariam"],
  ["عائشة", "Aisha"],
  ["هيا", "Haya"],
  ["الجوهرة", "Aljohara"],
  ["منيرة", "Munira"],
  ["لطيفة", "Latifa"],
  ["حصة", "Hessa"],
  ["ريم", "Reem"],
  ["خديجة", "Khadija"],
  ["أمل", "Amal"],
  ["هدى", "Huda"],
  ["نوف", "Nouf"],
  ["لمى", "Lama"],
  ["أسماء", "Asma"],
  ["رهف", "Rahaf"],
  ["شهد", "Shahad"],
  ["غادة", "Ghada"],
  ["دلال", "Dalal"],
  ["بشرى", "Bushra"],
  ["سلمى", "Salma"],
  ["ليلى", "Layla"],
  ["وفاء", "Wafa"],
  ["أروى", "Arwa"],
  ["جواهر", "Jawaher"],
  ["عبير", "Abeer"],
  ["منى", "Mona"],
  ["إيمان", "Eman"],
  ["رزان", "Razan"],
  ["العنود", "Alanoud"],
  ["دانة", "Dana"],
  ["شيخة", "Shaikha"],
  ["موضي", "Moudi"],
];

const FAMILY: readonly NameEntry[] = [
  ["القحطاني", "Alqahtani", "Al-Qahtani"],
  ["العتيبي", "Alotaibi", "Al-Otaibi"],
  ["الغامدي", "Alghamdi", "Al-Ghamdi"],
  ["الشهري", "Alshahri", "Al-Shehri"],
  ["الزهراني", "Alzahrani"],
  ["الدوسري", "Aldosari", "Al-Dossary"],
  ["المطيري", "Almutairi"],
  ["الحربي", "Alharbi"],
  ["الشمري", "Alshammari"],
  ["العنزي", "Alanazi", "Al-Enezi"],
  ["السبيعي", "Alsubaie"],
  ["العمري", "Alomari"],
  ["المالكي", "Almalki"],
  ["الجهني", "Aljohani"],
  ["اليامي", "Alyami"],
  ["الأسمري", "Alasmari"],
  ["السهلي", "Alsahli"],
  ["الرشيدي", "Alrashidi"],
  ["البقمي", "Albuqami"],
  ["الثبيتي", "Althubaiti"],
  ["العسيري", "Alasiri"],
  ["الشهراني", "Alshahrani"],
  ["الخالدي", "Alkhalidi"],
  ["الصاعدي", "Alsaedi"],
  ["البلوي", "Albalawi"],
  ["العنزي", "Alenazi"],
  ["الفيفي", "Alfaifi"],
  ["المري", "Almarri"],
  ["الهاجري", "Alhajri"],
  ["الكثيري", "Alkathiri"],
  ["آل سعود", "Al Saud"],
  ["آل الشيخ", "Al Alsheikh"],
  ["أبو حيمد", "Abu Haimed"],
  ["بن لادن", "Binladin"],
  ["الراجحي", "Alrajhi"],
  ["السديري", "Alsudairi"],
  ["التميمي", "Altamimi"],
  ["النعيمي", "Alnuaimi"],
  ["الحارثي", "Alharthi"],
  ["الجبير", "Aljubair"],
  ["العبدالله", "Alabdullah"],
  ["المحمد", "Almohammed"],
  ["السلمان", "Alsalman"],
  ["الفهد", "Alfahad"],
  ["الخليفة", "Alkhalifa"],
  ["العثمان", "Alothman"],
  ["الحسن", "Alhassan"],
  ["الموسى", "Almousa"],
  ["الصالح", "Alsaleh"],
  ["الناصر", "Alnasser"],
  ["الزامل", "Alzamil"],
  ["القرني", "Alqarni"],
  ["الشريف", "Alsharif"],
  ["الأحمدي", "Alahmadi"],
  ["البيشي", "Albishi"],
  ["السلمي", "Alsulami"],
  ["الحمدان", "Alhamdan"],
  ["العيسى", "Aleisa"],
  ["الدخيل", "Aldakhil"],
  ["الشثري", "Alshathri"],
];

type Person = {
  id: number;
  sex: "m" | "f";
  given: NameEntry;
  father: NameEntry;
  grandfather: NameEntry;
  family: NameEntry;
  dob: number; // day number
  phone: string;
};

type RegistryRecord = { personId: number; name: string; dob: number; phone: string };

function newPerson(rng: Rng, id: number): Person {
  const sex = rng() < 0.5 ? "m" : "f";
  return {
    id,
    sex,
    given: pick(rng, sex === "m" ? MALE : FEMALE),
    father: pick(rng, MALE),
    grandfather: pick(rng, MALE),
    family: pick(rng, FAMILY),
    // Born 1950–2015.
    dob: -7305 + Math.floor(rng() * 65 * 365),
    phone: `05${Math.floor(rng() * 1e8)
      .toString()
      .padStart(8, "0")}`,
  };
}

/** How the person's own first record is written: a clean, official-looking Arabic name. */
function officialName(p: Person): string {
  return [p.given[0], p.father[0], p.grandfather[0], p.family[0]].join(" ");
}

const ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

function typo(rng: Rng, word: string): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(rng() * (word.length - 2));
  const kind = rng();
  if (kind < 0.34) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
  if (kind < 0.67) return word.slice(0, i) + word.slice(i + 1); // drop
  return word.slice(0, i) + ARABIC_LETTERS[Math.floor(rng() * ARABIC_LETTERS.length)] + word.slice(i + 1);
}

/** A second record of the same person, re-typed by someone else. */
function variantRecord(rng: Rng, p: Person): RegistryRecord {
  const latin = rng() < 0.08;
  let dob = p.dob;
  if (rng() < 0.05) dob += rng() < 0.5 ? 1 : -1; // a date-of-birth slip
  const phone =
    rng() < 0.5
      ? p.phone
      : `05${Math.floor(rng() * 1e8)
          .toString()
          .padStart(8, "0")}`;
  if (latin) {
    const spell = (e: NameEntry) => (e.length > 1 ? e[1 + Math.floor(rng() * (e.length - 1))]! : e[0]);
    const parts = [spell(p.given), spell(p.father)];
    if (rng() < 0.7) parts.push(spell(p.grandfather));
    parts.push(spell(p.family));
    return { personId: p.id, name: parts.join(" "), dob, phone };
  }
  let parts = [p.given[0], p.father[0], p.grandfather[0], p.family[0]];
  const edits = 1 + Math.floor(rng() * 3);
  for (let e = 0; e < edits; e++) {
    const kind = Math.floor(rng() * 8);
    if (kind === 0) parts = parts.map((w) => w.replace(/[أإآ]/g, "ا"));
    else if (kind === 1) parts = parts.map((w) => w.replace(/ة$/g, "ه"));
    else if (kind === 2) parts = parts.map((w) => w.replace(/ي$/g, "ى").replace(/ى$/, "ي"));
    else if (kind === 3)
      parts = parts.map((w) => w.replace(/^عبد(?=\S)/, "عبد ").replace(/^عبد (?=\S)/, "عبد"));
    else if (kind === 4 && parts.length === 4)
      parts = [parts[0]!, parts[1]!, parts[3]!]; // grandfather dropped
    else if (kind === 5) {
      const joiner = p.sex === "m" ? "بن" : "بنت";
      parts = [parts[0]!, joiner, ...parts.slice(1, -2).flatMap((w) => [w, "بن"]), ...parts.slice(-2)];
    } else if (kind === 6) {
      const i = 1 + Math.floor(rng() * (parts.length - 1));
      parts[i] = typo(rng, parts[i]!);
    } else if (kind === 7) parts = parts.map((w) => (rng() < 0.3 ? `${w.slice(0, 1)}ـ${w.slice(1)}` : w));
  }
  return { personId: p.id, name: parts.join(" "), dob, phone };
}

export function generateRegistry(size: number, duplicateShare: number, seed = 20_260_101) {
  const rng = mulberry32(seed);
  const duplicates = Math.round(size * duplicateShare);
  const people: Person[] = [];
  const records: RegistryRecord[] = [];
  for (let i = 0; i < size - duplicates; i++) {
    const p = newPerson(rng, i);
    people.push(p);
    records.push({ personId: p.id, name: officialName(p), dob: p.dob, phone: p.phone });
  }
  for (let i = 0; i < duplicates; i++) {
    const p = people[Math.floor(rng() * people.length)]!;
    records.push(variantRecord(rng, p));
  }
  // Shuffle so duplicates are not all at the end.
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [records[i], records[j]] = [records[j]!, records[i]!];
  }
  return records;
}

// ---------------------------------------------------------------------------------------------

/** Cheap name key that survives script changes: first skeleton class of the given name + family skeleton. */
function nameBlockKey(p: PreparedName): string {
  if (p.count < 2) return "";
  const last = p.count - 1;
  const g = p.skeleton[p.skeletonStarts[0]!] ?? 0;
  const from = p.skeletonStarts[last]!;
  const to = Math.min(p.skeletonStarts[last + 1]!, from + 3);
  let key = `${g}:`;
  for (let i = from; i < to; i++) key += `${p.skeleton[i]},`;
  return key;
}

type DetectionStats = { pairs: Set<string>; comparisons: number };

/**
 * What the detector uses: the name score, always, plus the registry's date of birth and mobile
 * number. Candidate pairs come from three blocks (same date of birth; same phone; same name key);
 * a pair is a duplicate when
 * - date of birth is equal and the names score ≥ PROBABLE_MATCH_SCORE, or
 * - the phone is equal and the names score ≥ 0.80, or
 * - births are at most 3 days apart and the names score ≥ 0.93 (a mistyped date of birth).
 */
export function detectDuplicates(
  records: readonly RegistryRecord[],
  prepared: readonly PreparedName[],
): DetectionStats {
  const pairs = new Set<string>();
  let comparisons = 0;
  const blocks = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = blocks.get(key);
    if (list) list.push(i);
    else blocks.set(key, [i]);
  };
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    add(`d${r.dob}`, i);
    add(`p${r.phone}`, i);
    const key = nameBlockKey(prepared[i]!);
    if (key) add(`n${key}`, i);
  }
  for (const members of blocks.values()) {
    for (let x = 0; x < members.length; x++) {
      const i = members[x]!;
      const ri = records[i]!;
      for (let y = x + 1; y < members.length; y++) {
        const j = members[y]!;
        const rj = records[j]!;
        const dobGap = Math.abs(ri.dob - rj.dob);
        const samePhone = ri.phone === rj.phone;
        if (dobGap > 3 && !samePhone) continue;
        comparisons++;
        const score = scorePrepared(prepared[i]!, prepared[j]!);
        const duplicate =
          (dobGap === 0 && score >= PROBABLE_MATCH_SCORE) || (samePhone && score >= 0.8) || score >= 0.93;
        if (duplicate) pairs.add(i < j ? `${i}:${j}` : `${j}:${i}`);
      }
    }
  }
  return { pairs, comparisons };
}

function truePairs(records: readonly RegistryRecord[]): Set<string> {
  const byPerson = new Map<number, number[]>();
  records.forEach((r, i) => {
    const list = byPerson.get(r.personId);
    if (list) list.push(i);
    else byPerson.set(r.personId, [i]);
  });
  const pairs = new Set<string>();
  for (const list of byPerson.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x]!, list[y]!];
        pairs.add(i < j ? `${i}:${j}` : `${j}:${i}`);
      }
    }
  }
  return pairs;
}

function throughput(prepared: readonly PreparedName[]): number {
  const sample = prepared.slice(0, 1500);
  let sink = 0;
  // Warm up the JIT before timing.
  for (let i = 0; i < 300; i++) for (let j = 0; j < 300; j++) sink += scorePrepared(sample[i]!, sample[j]!);
  let pairs = 0;
  const started = performance.now();
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < sample.length; i++) {
      const a = sample[i]!;
      for (let j = i + 1; j < sample.length; j++) sink += scorePrepared(a, sample[j]!);
      pairs += sample.length - i - 1;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (sink < 0) console.log(sink); // keeps the loop from being optimised away
  return pairs / seconds;
}

export async function runToolkitBench(): Promise<void> {
  console.log("== Toolkit: Arabic name matching ==");
  const size = 100_000;
  const share = 0.07;
  const t0 = performance.now();
  const records = generateRegistry(size, share);
  const prepared = records.map((r) => prepareName(r.name));
  const t1 = performance.now();
  console.log(`registry: ${records.length} records, ${Math.round(size * share)} injected duplicates`);
  console.log(`prepareName: ${((t1 - t0) / 1000).toFixed(2)} s for generation + preparation`);

  const rate = throughput(prepared);
  console.log(`throughput: ${(rate / 1e6).toFixed(2)} M pair scores/s (prepared names, one core)`);

  const t2 = performance.now();
  const { pairs, comparisons } = detectDuplicates(records, prepared);
  const t3 = performance.now();
  const truth = truePairs(records);
  let tp = 0;
  for (const p of pairs) if (truth.has(p)) tp++;
  const precision = pairs.size === 0 ? 0 : tp / pairs.size;
  const recall = truth.size === 0 ? 0 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  console.log(
    `duplicate detection: ${comparisons} scored pairs in ${((t3 - t2) / 1000).toFixed(2)} s; ` +
      `${pairs.size} flagged, ${truth.size} true pairs`,
  );
  console.log(`precision ${precision.toFixed(4)}  recall ${recall.toFixed(4)}  F1 ${f1.toFixed(4)}`);
}
