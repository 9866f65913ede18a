import { useId } from "react";
import { parseTypedNumber } from "../../../shared/domain/digits.js";
import { useI18n } from "../../i18n/i18n.js";
import { Interpolate } from "./user-text.js";

/**
 * A number typed as text, not `<input type="number">`: the browser's number box silently empties
 * itself on «ثلاثة آلاف» (the form then saves nothing) and refuses Arabic-Indic digits on some
 * keyboards. Whatever is typed stays visible; words are refused beside the field, naming it.
 */
export function NumberField({
  label,
  value,
  onChange,
  integer = true,
  error,
  hint,
  id: givenId,
  disabled,
}: {
  label: string;
  /** The text as typed. */
  value: string;
  onChange: (text: string) => void;
  integer?: boolean;
  /** Another error to show (the server's); a text that is not a number is said here already. */
  error?: string | null | undefined;
  hint?: string | undefined;
  /** The input's id, where the form moves focus to it after a refused submit. */
  id?: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const ownId = useId();
  const id = givenId ?? ownId;
  const notANumber = value.trim() !== "" && parseTypedNumber(value, { integer }) === null;
  const shown = notANumber ? (
    <Interpolate message={t("common.notANumber")} values={{ field: label }} />
  ) : (
    error
  );
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input field__input--number"
        inputMode={integer ? "numeric" : "decimal"}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={
          [hint ? `${id}-hint` : null, shown ? `${id}-error` : null].filter(Boolean).join(" ") || undefined
        }
      />
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {shown ? (
        <p className="field__error" id={`${id}-error`}>
          {shown}
        </p>
      ) : null}
    </div>
  );
}

/** The number a NumberField holds, or null while it holds words or nothing. */
export function typedNumber(text: string, integer = true): number | null {
  return parseTypedNumber(text, { integer });
}
