import { type FormEvent, useId, useState } from "react";
import { channelNames, type NotificationChannel } from "../../../../shared/contracts/channels.js";
import type { RequestView } from "../../../../shared/contracts/requests.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { Fact } from "../../../components/ui/fact.js";
import { DocumentTypesHint, documentTypes, FilePicker } from "../../../components/ui/file-picker.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useStartDeclaration } from "../api/start-declaration.js";
import { useVerifyDeclaration } from "../api/verify-declaration.js";
import { declarationMethodLabels } from "../labels.js";
import { Refusal } from "./feedback.js";

type Method = "on_screen" | "otp" | "scanned";

/**
 * The signature kept for an on-screen declaration: the name the beneficiary typed, drawn as an
 * image (the server keeps a file for every signature, as it does for a scanned form).
 */
async function signatureImage(name: string, at: string): Promise<File> {
  const canvas = document.createElement("canvas");
  canvas.width = 900;
  canvas.height = 260;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no canvas");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = "#14213d";
  context.direction = "rtl";
  context.textAlign = "center";
  context.font = "italic 56px 'Noto Naskh Arabic', 'Segoe UI', serif";
  context.fillText(name, canvas.width / 2, 140);
  context.font = "24px sans-serif";
  context.fillText(at, canvas.width / 2, 220);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("no signature image");
  return new File([blob], "signature.png", { type: "image/png" });
}

/** The beneficiary's declaration (H5), and whether it still covers the data and documents. */
export function DeclarationSection({
  request,
  canDeclare,
  upload,
}: {
  request: RequestView;
  canDeclare: boolean;
  upload: (file: File) => Promise<{ id: string; name: string }>;
}) {
  const { t } = useI18n();
  const ids = useId();
  const declaration = request.declaration;
  const signed = declaration?.status === "signed";
  // Declared over data that has changed since (a request from before ADR 0019): declare again too.
  const lapsed = request.state === "declared" && signed && !declaration.covering;
  const mayDeclare = canDeclare && (request.state === "complete" || lapsed);
  const waitingCode = mayDeclare && declaration?.status === "pending" && declaration.method === "otp";
  if (!declaration && !mayDeclare) return null;

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("requests.declaration.title")}
      </h2>
      <p className="declaration__text">{t("requests.declaration.text")}</p>
      {declaration ? (
        <dl className="facts facts--grid">
          <Fact label={t("requests.declaration.method")}>
            {t(declarationMethodLabels[declaration.method])}
          </Fact>
          <Fact label={t("requests.declaration.status")}>
            {t(`requests.declaration.status.${declaration.status}`)}
          </Fact>
          {declaration.signedAt ? (
            <Fact label={t("requests.declaration.signedAt")}>
              <DualDate value={declaration.signedAt} withTime />
            </Fact>
          ) : null}
        </dl>
      ) : null}
      {signed ? (
        declaration.covering ? (
          <p className="success">{t("requests.declaration.covering")}</p>
        ) : (
          <NotCovering request={request} />
        )
      ) : null}
      {waitingCode ? <VerifyCode requestId={request.id} /> : null}
      {mayDeclare ? <DeclareForm request={request} upload={upload} /> : null}
    </section>
  );
}

/** What changed since the beneficiary signed, and what to do about it (H5). */
function NotCovering({ request }: { request: RequestView }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const changed = request.declaration?.changed ?? [];
  const label = (code: string) => {
    const requirement = request.requirements.find((r) => r.code === code);
    if (!requirement) return code;
    return locale === "en" && requirement.labelEn ? requirement.labelEn : requirement.labelAr;
  };
  return (
    <div className="alert alert--error" role="status" data-testid="declaration-not-covering">
      <p>{t("requests.declaration.notCovering")}</p>
      {changed.length > 0 ? (
        <>
          <p id={`${ids}-changed`}>{t("requests.declaration.changed")}:</p>
          <ul aria-labelledby={`${ids}-changed`}>
            {changed.map((code) => (
              <li key={code}>
                <UserText>{label(code)}</UserText>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>{t("requests.declaration.signAgain")}</p>
    </div>
  );
}

function DeclareForm({
  request,
  upload,
}: {
  request: RequestView;
  upload: (file: File) => Promise<{ id: string; name: string }>;
}) {
  const { t } = useI18n();
  const ids = useId();
  const start = useStartDeclaration(request.id);
  const [method, setMethod] = useState<Method>("on_screen");
  const [agreed, setAgreed] = useState(false);
  const [name, setName] = useState("");
  const [scan, setScan] = useState<File | null>(null);
  // What became of the code, as the server says: never «sent» when it could not be.
  const [sentTo, setSentTo] = useState<{ channel: NotificationChannel; status: string } | "none" | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      if (method === "otp") {
        const answer = await start.mutateAsync({ method });
        setSentTo(
          answer.sentTo
            ? { ...answer.sentTo, channel: answer.sentTo.channel as NotificationChannel }
            : "none",
        );
      } else {
        const file =
          method === "on_screen"
            ? await signatureImage(name.trim(), new Date().toISOString().slice(0, 16))
            : scan;
        if (!file) return;
        const stored = await upload(file);
        await start.mutateAsync({ method, fileId: stored.id });
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const ready =
    method === "on_screen" ? agreed && name.trim().length > 2 : method === "scanned" ? scan !== null : true;

  return (
    <form noValidate className="form sub-form" onSubmit={submit}>
      <fieldset className="choice-group">
        <legend className="field__label">{t("requests.declaration.how")}</legend>
        <div className="choice-group__options">
          {(["on_screen", "otp", "scanned"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${ids}-method`}
                checked={method === value}
                onChange={() => setMethod(value)}
              />
              {t(declarationMethodLabels[value])}
            </label>
          ))}
        </div>
      </fieldset>
      {method === "on_screen" ? (
        <>
          <label className="choice">
            <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
            {t("requests.declaration.agree")}
          </label>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-name`}>
              {t("requests.declaration.signName")}
            </label>
            <input
              id={`${ids}-name`}
              className="field__input signature-input"
              value={name}
              onChange={(event) => setName(event.target.value)}
              autoComplete="off"
            />
          </div>
        </>
      ) : null}
      {method === "otp" ? <p className="field__hint">{t("requests.declaration.otpHint")}</p> : null}
      {method === "scanned" ? (
        <FilePicker
          label={t("requests.declaration.scan")}
          files={scan ? [scan] : []}
          onChange={(picked) => setScan(picked[0] ?? null)}
          accept={documentTypes}
          hint={<DocumentTypesHint />}
        />
      ) : null}
      <CodeSent sentTo={sentTo} />
      <Refusal error={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={!ready || busy}>
          {method === "otp" ? t("requests.declaration.sendCode") : t("requests.declaration.submit")}
        </button>
      </div>
    </form>
  );
}

function CodeSent({ sentTo }: { sentTo: { channel: NotificationChannel; status: string } | "none" | null }) {
  const { t, locale } = useI18n();
  if (!sentTo) return null;
  if (sentTo === "none")
    return (
      <p className="alert alert--error" role="alert">
        {t("requests.declaration.codeNotSent")}
      </p>
    );
  const channel = channelNames[sentTo.channel]?.[locale] ?? sentTo.channel;
  if (sentTo.status === "failed")
    return (
      <p className="alert alert--error" role="alert" data-testid="code-state">
        {t("requests.declaration.codeFailed", { channel })}
      </p>
    );
  if (sentTo.status === "manual")
    return (
      <p className="alert" role="status" data-testid="code-state">
        {t("requests.declaration.codeManual", { channel })}
      </p>
    );
  return (
    <p className="success" role="status" data-testid="code-state">
      {t("requests.declaration.codeQueued", { channel })}
    </p>
  );
}

function VerifyCode({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const ids = useId();
  const verify = useVerifyDeclaration(requestId);
  const [code, setCode] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ code: code.trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)) });
  };
  return (
    <form noValidate className="inline-form sub-form" onSubmit={submit}>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-code`}>
          {t("requests.declaration.code")}
        </label>
        <input
          id={`${ids}-code`}
          className="field__input"
          inputMode="numeric"
          autoComplete="one-time-code"
          dir="ltr"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={verify.isPending}>
        {t("requests.declaration.verify")}
      </button>
      <Refusal error={verify.error} />
    </form>
  );
}
