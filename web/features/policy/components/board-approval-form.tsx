import { type FormEvent, type PointerEvent, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import {
  type BoardMember,
  type BoardSignature,
  boardSignatureNames,
} from "../../../../shared/contracts/policy.js";
import { formatHijri, parseDateInput } from "../../../../shared/domain/index.js";
import { DateField } from "../../../components/ui/date-field.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useApprovePolicy } from "../api/approve-policy.js";
import { localDigits } from "../labels.js";
import type { PolicyUploads } from "../uploads.js";

type SignatureKind = BoardSignature["kind"];
type MemberRow = { key: number; name: string; position: string; kind: SignatureKind; file: File | null };

const signatureKinds: SignatureKind[] = ["recorded", "on_screen", "scanned"];

let nextKey = 1;
const emptyMember = (): MemberRow => ({
  key: nextKey++,
  name: "",
  position: "",
  kind: "recorded",
  file: null,
});

/** «اعتماد مجلس الإدارة»: the resolution that makes the draft the policy in force (P2). */
/**
 * The board's resolution is dated in Hijri; a day typed in Gregorian is sent as its Umm al-Qura
 * day, and text the field could not read goes as typed for the API to explain.
 */
function asHijri(text: string): string {
  const reading = parseDateInput(text);
  return reading.ok && reading.value.hijri ? formatHijri(reading.value.hijri) : text.trim();
}

export function BoardApprovalForm({
  draftId,
  blocked,
  uploads,
}: {
  draftId: string;
  /** The draft has unsaved edits: the board approves what is saved. */
  blocked: boolean;
  uploads: PolicyUploads;
}) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const navigate = useNavigate();
  const approve = useApprovePolicy();
  const [meetingNumber, setMeetingNumber] = useState("");
  const [term, setTerm] = useState("");
  const [hijriDate, setHijriDate] = useState("");
  const [chair, setChair] = useState("");
  const [members, setMembers] = useState<MemberRow[]>(() => [emptyMember()]);
  const [resolution, setResolution] = useState(() => t("policy.approval.resolutionDefault"));
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [missingSignature, setMissingSignature] = useState(false);

  const fieldError = (path: string) =>
    isApiError(approve.error) ? approve.error.fieldMessage(path)?.[locale] : undefined;
  const known = ["meetingNumber", "term", "hijriDate", "chair", "resolution"];
  const otherErrors = isApiError(approve.error)
    ? approve.error.fieldErrors.filter((error) => !known.includes(error.path))
    : [];
  const generalError =
    approve.error && !(isApiError(approve.error) && approve.error.fieldErrors.length > 0)
      ? errorText(approve.error)
      : (uploadError ?? null);

  const setMember = (key: number, patch: Partial<MemberRow>) =>
    setMembers((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setUploadError(null);
    if (members.some((member) => member.kind !== "recorded" && !member.file)) {
      setMissingSignature(true);
      return;
    }
    setMissingSignature(false);
    let signed: BoardMember[];
    try {
      setUploading(true);
      signed = await Promise.all(
        members.map(async (member): Promise<BoardMember> => {
          const base = { name: member.name, position: member.position };
          if (member.kind === "recorded" || !member.file) return { ...base, signature: { kind: "recorded" } };
          const stored = await uploads.upload(member.file);
          return { ...base, signature: { kind: member.kind, fileId: stored.id } };
        }),
      );
    } catch (error) {
      setUploadError(errorText(error));
      return;
    } finally {
      setUploading(false);
    }
    try {
      await approve.mutateAsync({
        id: draftId,
        approval: { meetingNumber, term, hijriDate: asHijri(hijriDate), chair, members: signed, resolution },
      });
    } catch {
      // The form shows the mutation's error.
      return;
    }
    navigate("/policy");
  }

  const text = (
    name: "meetingNumber" | "term" | "chair",
    value: string,
    onChange: (value: string) => void,
    hint?: string,
  ) => {
    const error = fieldError(name);
    const described = [hint ? `${ids}-${name}-hint` : "", error ? `${ids}-${name}-error` : ""]
      .join(" ")
      .trim();
    return (
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-${name}`}>
          {t(`policy.approval.${name}`)}
        </label>
        <input
          id={`${ids}-${name}`}
          className="field__input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
        />
        {hint ? (
          <p className="field__hint" id={`${ids}-${name}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field__error" id={`${ids}-${name}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("policy.approval.formTitle")}
      </h2>
      <p className="muted">{t("policy.approval.formIntro")}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="approval-form__row">
          {text("meetingNumber", meetingNumber, setMeetingNumber)}
          {text("term", term, setTerm)}
          <DateField
            id={`${ids}-hijriDate`}
            label={t("policy.approval.hijriDate")}
            hint={t("policy.approval.hijriHint")}
            value={hijriDate}
            onChange={(text) => setHijriDate(text)}
            error={fieldError("hijriDate")}
            notAfterToday
          />
          {text("chair", chair, setChair)}
        </div>

        <fieldset className="approval-members">
          <legend className="field__label">{t("policy.approval.members")}</legend>
          <div className="table-scroll">
            <table className="table approval-members__table">
              <caption className="visually-hidden">{t("policy.approval.members")}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("policy.approval.memberName")}</th>
                  <th scope="col">{t("policy.approval.memberPosition")}</th>
                  <th scope="col">{t("policy.approval.signature")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("policy.approval.memberActions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((member, index) => {
                  const n = localDigits(String(index + 1), locale);
                  return (
                    <tr key={member.key}>
                      <td>{n}</td>
                      <td>
                        <input
                          className="field__input"
                          aria-label={t("policy.approval.memberNameN", { n })}
                          value={member.name}
                          onChange={(event) => setMember(member.key, { name: event.target.value })}
                          aria-invalid={fieldError(`members.${index}.name`) ? true : undefined}
                        />
                        {fieldError(`members.${index}.name`) ? (
                          <p className="field__error">{fieldError(`members.${index}.name`)}</p>
                        ) : null}
                      </td>
                      <td>
                        <input
                          className="field__input"
                          aria-label={t("policy.approval.memberPositionN", { n })}
                          value={member.position}
                          onChange={(event) => setMember(member.key, { position: event.target.value })}
                          aria-invalid={fieldError(`members.${index}.position`) ? true : undefined}
                        />
                        {fieldError(`members.${index}.position`) ? (
                          <p className="field__error">{fieldError(`members.${index}.position`)}</p>
                        ) : null}
                      </td>
                      <td>
                        <select
                          className="field__input"
                          aria-label={t("policy.approval.signatureN", { n })}
                          value={member.kind}
                          onChange={(event) =>
                            setMember(member.key, { kind: event.target.value as SignatureKind, file: null })
                          }
                        >
                          {signatureKinds.map((kind) => (
                            <option key={kind} value={kind}>
                              {boardSignatureNames[kind][locale]}
                            </option>
                          ))}
                        </select>
                        {member.kind === "scanned" ? (
                          <input
                            className="field__input"
                            type="file"
                            accept="image/png,image/jpeg,image/webp,application/pdf"
                            aria-label={t("policy.approval.scanN", { n })}
                            onChange={(event) =>
                              setMember(member.key, { file: event.target.files?.[0] ?? null })
                            }
                          />
                        ) : null}
                        {member.kind === "on_screen" ? (
                          <SignaturePad
                            label={t("policy.approval.padN", { n })}
                            onChange={(file) => setMember(member.key, { file })}
                          />
                        ) : null}
                        {missingSignature && member.kind !== "recorded" && !member.file ? (
                          <p className="field__error">{t("policy.approval.signatureMissing")}</p>
                        ) : null}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--link"
                          disabled={members.length === 1}
                          onClick={() => setMembers((rows) => rows.filter((row) => row.key !== member.key))}
                          aria-label={t("policy.approval.removeMemberN", { n })}
                        >
                          {t("policy.list.removeShort")}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setMembers((rows) => [...rows, emptyMember()])}
          >
            {t("policy.approval.addMember")}
          </button>
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor={`${ids}-resolution`}>
            {t("policy.approval.resolution")}
          </label>
          <textarea
            id={`${ids}-resolution`}
            className="field__input field__input--area"
            rows={4}
            value={resolution}
            onChange={(event) => setResolution(event.target.value)}
            aria-invalid={fieldError("resolution") ? true : undefined}
          />
          {fieldError("resolution") ? <p className="field__error">{fieldError("resolution")}</p> : null}
        </div>

        <div role="alert" className={generalError || otherErrors.length > 0 ? "alert alert--error" : "alert"}>
          {generalError}
          {otherErrors.length > 0 ? (
            <ul>
              {otherErrors.map((error) => (
                <li key={`${error.path}-${error.code}`}>{error.message[locale]}</li>
              ))}
            </ul>
          ) : null}
        </div>
        {blocked ? <p className="notice">{t("policy.approval.saveFirst")}</p> : null}
        <div>
          <button
            type="submit"
            className="button button--primary"
            disabled={blocked || uploading || approve.isPending}
          >
            {uploading || approve.isPending ? t("policy.approval.submitting") : t("policy.approval.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A signature drawn with a finger or a mouse, kept as a PNG to upload with the resolution. */
function SignaturePad({ label, onChange }: { label: string; onChange: (file: File | null) => void }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.x) / box.width) * event.currentTarget.width,
      y: ((event.clientY - box.y) / box.height) * event.currentTarget.height,
    };
  };
  function onDown(event: PointerEvent<HTMLCanvasElement>) {
    const context = event.currentTarget.getContext("2d");
    if (!context) return;
    drawing.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    const { x, y } = point(event);
    context.lineWidth = 3;
    context.lineCap = "round";
    context.strokeStyle = "#17231f";
    context.beginPath();
    context.moveTo(x, y);
  }
  function onMove(event: PointerEvent<HTMLCanvasElement>) {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext("2d");
    const { x, y } = point(event);
    context?.lineTo(x, y);
    context?.stroke();
  }
  function onUp() {
    if (!drawing.current) return;
    drawing.current = false;
    canvas.current?.toBlob((blob) => {
      onChange(blob ? new File([blob], "signature.png", { type: "image/png" }) : null);
    }, "image/png");
  }
  function onClear() {
    const element = canvas.current;
    element?.getContext("2d")?.clearRect(0, 0, element.width, element.height);
    onChange(null);
  }
  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        className="signature-pad__canvas"
        width={480}
        height={160}
        role="img"
        aria-label={label}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
      />
      <button type="button" className="button button--link" onClick={onClear}>
        {t("policy.approval.clearPad")}
      </button>
    </div>
  );
}
