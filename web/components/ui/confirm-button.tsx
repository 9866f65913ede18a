import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../i18n/i18n.js";
import "./confirm-button.css";

/**
 * A button for a step that cannot be undone (closing, cancelling): it opens our own modal dialog
 * in the page's language that says what will happen, with the safe choice focused first — never
 * the browser's `window.confirm`, which speaks the browser's language and cannot be styled.
 * `check` runs before the dialog opens (a form validating its fields) and may keep it shut.
 */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  onConfirm,
  check,
  disabled,
  className = "button button--secondary",
  ariaLabel,
}: {
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  check?: () => boolean;
  disabled?: boolean;
  className?: string;
  /** The opening button's accessible name where its text alone is ambiguous (one per table row). */
  ariaLabel?: string | undefined;
}) {
  const { t } = useI18n();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      back.current?.focus();
    } else if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled}
        aria-haspopup="dialog"
        aria-label={ariaLabel}
        onClick={() => {
          if (!check || check()) setOpen(true);
        }}
      >
        {children}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-message`}
        // Escape closes the dialog natively; keep React's state in step with it.
        onClose={() => setOpen(false)}
      >
        {/* The question exists only while asked: a closed dialog's words are not the page's text. */}
        {open ? (
          <>
            <h2 id={`${ids}-title`} className="confirm-dialog__title">
              {title}
            </h2>
            <div id={`${ids}-message`} className="confirm-dialog__message">
              {message}
            </div>
            <div className="form-actions">
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  setOpen(false);
                  onConfirm();
                }}
              >
                {confirmLabel}
              </button>
              <button
                ref={back}
                type="button"
                className="button button--quiet"
                onClick={() => setOpen(false)}
              >
                {t("common.confirm.back")}
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </>
  );
}
