import { useId } from "react";

/** A one-line field with its label, an «optional» mark, and the error beside it (tied by aria-describedby). */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  optionalLabel,
  english = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: string | undefined;
  optionalLabel?: string | undefined;
  /** The English translation: typed left to right. */
  english?: boolean;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {optionalLabel ? <span className="field__optional"> ({optionalLabel})</span> : null}
      </label>
      <input
        id={id}
        className="field__input"
        value={value}
        dir={english ? "ltr" : "auto"}
        lang={english ? "en" : undefined}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
