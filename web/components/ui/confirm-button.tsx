import { type ReactNode, useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/i18n.js";

/**
 * A button whose action is asked about first, in the page and in its language — not
 * `window.confirm`, whose box and «OK»/«Cancel» the browser writes in its own language. The question
 * appears beside the button with «نعم» and «تراجع»; the focus moves to the answer and back.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  disabled = false,
  className = "button button--quiet",
  ariaLabel,
}: {
  children: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  ariaLabel?: string | undefined;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={opener}
        type="button"
        className={className}
        disabled={disabled}
        aria-label={ariaLabel}
        onClick={() => setAsking(true)}
      >
        {children}
      </button>
    );
  }
  const close = () => {
    setAsking(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <fieldset className="confirm">
      <legend className="confirm__question">{question}</legend>
      <div className="confirm__actions">
        <button
          ref={confirm}
          type="button"
          className="button button--primary"
          onClick={() => {
            close();
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button--quiet" onClick={close}>
          {t("common.cancel")}
        </button>
      </div>
    </fieldset>
  );
}
