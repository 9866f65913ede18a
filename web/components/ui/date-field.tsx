import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import {
  checkDateBounds,
  dayNumberFromGregorian,
  dayNumberFromHijri,
  describeDay,
  formatHijri,
  GREGORIAN_MONTHS,
  gregorianFromDayNumber,
  HIJRI_MAX_YEAR,
  HIJRI_MIN_YEAR,
  HIJRI_MONTHS,
  hijriFromDayNumber,
  hijriMonthLength,
  isoFromDayNumber,
  parseDateInput,
  riyadhDate,
  toArabicIndicDigits,
  toIsoDate,
  type UnderstoodDate,
  weekdayOfDayNumber,
} from "../../../shared/domain/index.js";
import { useI18n } from "../../i18n/i18n.js";

/**
 * The one date field of the app (ADR 0018). People type the day as they have it — Hijri or
 * Gregorian, Arabic-Indic or Latin digits, with or without هـ / م — or pick it from an Umm al-Qura
 * month grid with the Gregorian day beside each Hijri one. What they typed stays as typed; under the
 * field the day is shown in both calendars once understood, and the form receives the ISO Gregorian
 * day. No browser-native picker: it would speak the browser's language and only Gregorian.
 */
export type DateFieldProps = {
  label: string;
  /** The text as typed (or an ISO day the form already holds). */
  value: string;
  /** The text, and the day it names when it is a real day within the bounds, else null. */
  onChange: (text: string, date: UnderstoodDate | null) => void;
  onBlur?: () => void;
  /** An error from the server or the form; the field's own reading error wins while it has one. */
  error?: string | null | undefined;
  hint?: string | undefined;
  /** The «optional» word, shown after the label. */
  optionalLabel?: string | undefined;
  /** Today (in Riyadh) is the latest allowed day: births, meetings held, letters received. */
  notAfterToday?: boolean;
  notAfter?: string | undefined;
  notBefore?: string | undefined;
  id?: string;
  name?: string;
};

/** The Riyadh day now, `YYYY-MM-DD`. */
export function todayIso(): string {
  return toIsoDate(riyadhDate(new Date()));
}

/**
 * What a form sends for a date field: the ISO day when the text was understood, the text itself
 * when it was not (the API reads it with the same parser and answers with the same Arabic reason),
 * and undefined when the field is empty.
 */
export function dateFieldValue(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const reading = parseDateInput(trimmed);
  return reading.ok ? reading.value.iso : trimmed;
}

/**
 * A form's check at submit, for fields that must hold a day the client sends on (a path segment):
 * null when empty, else the ISO day or the reason it cannot be used, naming the field.
 */
export function readDateField(
  text: string,
  label: string,
  bounds: { notAfter?: string; notBefore?: string } = {},
): { ok: true; iso: string } | { ok: false; message: { ar: string; en: string } } | null {
  if (text.trim() === "") return null;
  const reading = read(text, label, { ...bounds, today: false });
  if (reading.state === "refused") return { ok: false, message: reading.message };
  return reading.state === "understood" ? { ok: true, iso: reading.date.iso } : null;
}

type Reading =
  | { state: "empty" }
  | { state: "understood"; date: UnderstoodDate }
  | { state: "refused"; message: { ar: string; en: string } };

function read(
  text: string,
  label: string,
  bounds: { notAfter?: string | undefined; notBefore?: string | undefined; today: boolean },
): Reading {
  if (text.trim() === "") return { state: "empty" };
  const named = { ar: label, en: label };
  const result = parseDateInput(text, { label: named });
  if (!result.ok) return { state: "refused", message: result.message };
  const refusal = checkDateBounds(
    result.value.iso,
    {
      ...(bounds.notAfter ? { notAfter: bounds.notAfter } : {}),
      ...(bounds.notBefore ? { notBefore: bounds.notBefore } : {}),
      notAfterIsToday: bounds.today,
    },
    { label: named },
  );
  return refusal
    ? { state: "refused", message: refusal.message }
    : { state: "understood", date: result.value };
}

export function DateField(props: DateFieldProps) {
  const { t, locale } = useI18n();
  const generated = useId();
  const id = props.id ?? generated;
  const hintId = `${id}-hint`;
  const readingId = `${id}-reading`;
  const errorId = `${id}-error`;
  const [touched, setTouched] = useState(false);
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);

  const notAfter = props.notAfterToday ? todayIso() : props.notAfter;
  const bounds = { notAfter, notBefore: props.notBefore, today: Boolean(props.notAfterToday) };
  const reading = read(props.value, props.label, bounds);

  const change = (text: string) => {
    const next = read(text, props.label, bounds);
    props.onChange(text, next.state === "understood" ? next.date : null);
  };

  const ownError = reading.state === "refused" && touched ? reading.message[locale] : null;
  const error = ownError ?? props.error ?? null;
  const digits = locale === "en" ? "latn" : reading.state === "understood" ? reading.date.digits : "arab";
  const shown = reading.state === "understood" ? describeDay(reading.date.iso, { locale, digits }) : null;
  const describedBy = [hintId, shown ? readingId : null, error ? errorId : null].filter(Boolean).join(" ");

  // Clicking outside the calendar closes it, as Escape does.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  return (
    <div className="field date-field" ref={wrapper}>
      <label className="field__label" htmlFor={id}>
        {props.label}
        {props.optionalLabel ? <span className="field__optional"> ({props.optionalLabel})</span> : null}
      </label>
      <div className="date-field__row">
        <input
          id={id}
          name={props.name}
          className="field__input date-field__input"
          type="text"
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          value={props.value}
          onChange={(event) => change(event.target.value)}
          onBlur={() => {
            setTouched(true);
            props.onBlur?.();
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <button
          type="button"
          className="button button--secondary date-field__open"
          aria-expanded={open}
          aria-controls={open ? `${id}-calendar` : undefined}
          onClick={() => setOpen((value) => !value)}
        >
          {t("dateField.openCalendar")}
        </button>
      </div>
      <p className="field__hint" id={hintId}>
        {props.hint ?? t("dateField.hint")}
      </p>
      {shown ? (
        <p className="date-field__reading" id={readingId} aria-live="polite">
          {shown}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {open ? (
        <MonthGrid
          id={`${id}-calendar`}
          label={props.label}
          selected={reading.state === "understood" ? reading.date.iso : null}
          notAfter={notAfter}
          notBefore={props.notBefore}
          onPick={(iso) => {
            const day = parseDateInput(iso);
            if (!day.ok) return;
            const text = day.value.hijri
              ? formatHijri(day.value.hijri, { digits: locale === "ar" ? "arab" : "latn" })
              : iso;
            setTouched(true);
            change(text);
            setOpen(false);
            document.getElementById(id)?.focus();
          }}
          onClose={() => {
            setOpen(false);
            document.getElementById(id)?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

const WEEKDAYS = {
  ar: ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

type MonthGridProps = {
  id: string;
  label: string;
  selected: string | null;
  notAfter: string | undefined;
  notBefore: string | undefined;
  onPick: (iso: string) => void;
  onClose: () => void;
};

function dayNumberOfIso(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return dayNumberFromGregorian({ year, month, day });
}

/**
 * An Umm al-Qura month, week rows from Sunday, each day with its Gregorian date beneath. Keyboard
 * as the WAI-ARIA date-picker dialog: arrows move by day and week (mirrored in right-to-left),
 * Page Up / Page Down by month, Home / End to the week's ends, Enter picks, Escape closes.
 */
function MonthGrid(props: MonthGridProps) {
  const { t, locale } = useI18n();
  const today = dayNumberOfIso(todayIso());
  const [focus, setFocus] = useState(() => {
    const start = props.selected ? dayNumberOfIso(props.selected) : today;
    try {
      hijriFromDayNumber(start);
      return start;
    } catch {
      return today;
    }
  });
  const grid = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const hijri = hijriFromDayNumber(focus);
  const first = dayNumberFromHijri({ year: hijri.year, month: hijri.month, day: 1 });
  const length = hijriMonthLength(hijri.year, hijri.month);
  const lead = weekdayOfDayNumber(first);
  const digits = (text: string) => (locale === "ar" ? toArabicIndicDigits(text) : text);
  const max = props.notAfter ? dayNumberOfIso(props.notAfter) : null;
  const min = props.notBefore ? dayNumberOfIso(props.notBefore) : null;
  const allowed = (n: number) => (max === null || n <= max) && (min === null || n >= min);

  useEffect(() => {
    // Focus follows the roving day, and lands on it when the grid opens.
    grid.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
  }, []);
  useEffect(() => {
    if (moved.current) grid.current?.querySelector<HTMLButtonElement>(`button[data-day="${focus}"]`)?.focus();
  }, [focus]);

  const move = (next: number) => {
    try {
      hijriFromDayNumber(next);
    } catch {
      return; // beyond the Umm al-Qura tables
    }
    moved.current = true;
    setFocus(next);
  };
  const moveMonths = (delta: number) => {
    let { year, month } = hijri;
    month += delta;
    while (month > 12) {
      month -= 12;
      year += 1;
    }
    while (month < 1) {
      month += 12;
      year -= 1;
    }
    if (year < HIJRI_MIN_YEAR || year > HIJRI_MAX_YEAR) return;
    const day = Math.min(hijri.day, hijriMonthLength(year, month));
    move(dayNumberFromHijri({ year, month, day }));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const rtl = locale === "ar";
    const keys: Record<string, () => void> = {
      ArrowLeft: () => move(focus + (rtl ? 1 : -1)),
      ArrowRight: () => move(focus + (rtl ? -1 : 1)),
      ArrowUp: () => move(focus - 7),
      ArrowDown: () => move(focus + 7),
      PageUp: () => moveMonths(event.shiftKey ? -12 : -1),
      PageDown: () => moveMonths(event.shiftKey ? 12 : 1),
      Home: () => move(focus - weekdayOfDayNumber(focus)),
      End: () => move(focus + 6 - weekdayOfDayNumber(focus)),
      Escape: () => props.onClose(),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  };

  const firstG = gregorianFromDayNumber(first);
  const lastG = gregorianFromDayNumber(first + length - 1);
  const gregorianSpan =
    firstG.month === lastG.month
      ? `${GREGORIAN_MONTHS[firstG.month - 1]![locale]} ${firstG.year}`
      : `${GREGORIAN_MONTHS[firstG.month - 1]![locale]}${firstG.year === lastG.year ? "" : ` ${firstG.year}`} – ${GREGORIAN_MONTHS[lastG.month - 1]![locale]} ${lastG.year}`;
  const title = `${HIJRI_MONTHS[hijri.month - 1]![locale]} ${digits(String(hijri.year))}${locale === "ar" ? "هـ" : " AH"}`;
  const titleId = `${props.id}-title`;

  const cells: { n: number | null; key: string }[] = [
    ...Array.from({ length: lead }, (_, i) => ({ n: null, key: `before-${i}` })),
    ...Array.from({ length }, (_, i) => ({ n: first + i, key: String(first + i) })),
  ];
  while (cells.length % 7) cells.push({ n: null, key: `after-${cells.length}` });
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));

  return (
    <div className="date-grid" id={props.id} role="dialog" aria-modal="false" aria-labelledby={titleId}>
      <div className="date-grid__head">
        <button type="button" className="button button--secondary" onClick={() => moveMonths(-1)}>
          {t("dateField.previousMonth")}
        </button>
        <div className="date-grid__title">
          <span id={titleId} aria-live="polite">
            {title}
          </span>
          <span className="date-grid__span muted">
            {digits(gregorianSpan)}
            {locale === "ar" ? "م" : ""}
          </span>
        </div>
        <button type="button" className="button button--secondary" onClick={() => moveMonths(1)}>
          {t("dateField.nextMonth")}
        </button>
      </div>
      <table className="date-grid__table" aria-labelledby={titleId} ref={grid} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {WEEKDAYS[locale].map((name) => (
              <th key={name} scope="col" abbr={name}>
                {locale === "ar" ? name.replace(/^ال/, "").slice(0, 2) : name.slice(0, 2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.key}>
              {week.map(({ n, key }) => {
                if (n === null) return <td key={key} />;
                const h = hijriFromDayNumber(n);
                const g = gregorianFromDayNumber(n);
                const iso = isoFromDayNumber(n);
                const ok = allowed(n);
                const name = describeDay(iso, { locale });
                return (
                  <td key={key}>
                    <button
                      data-day={n}
                      aria-pressed={props.selected === iso ? true : undefined}
                      type="button"
                      className="date-grid__day"
                      tabIndex={n === focus ? 0 : -1}
                      aria-label={name}
                      aria-current={n === today ? "date" : undefined}
                      aria-disabled={ok ? undefined : true}
                      onClick={() => (ok ? props.onPick(iso) : undefined)}
                      onFocus={() => setFocus(n)}
                    >
                      <span className="date-grid__hijri">{digits(String(h.day))}</span>
                      <span className="date-grid__gregorian">{digits(String(g.day))}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="date-grid__foot">
        <button
          type="button"
          className="button button--secondary"
          disabled={!allowed(today)}
          onClick={() => props.onPick(isoFromDayNumber(today))}
        >
          {t("dateField.today")}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onClose}>
          {t("dateField.close")}
        </button>
      </div>
    </div>
  );
}

/** Memoised reading for forms that want the understood day without holding it in state. */
export function useDateReading(text: string): UnderstoodDate | null {
  return useMemo(() => {
    const result = parseDateInput(text);
    return result.ok ? result.value : null;
  }, [text]);
}
