import { type FormEvent, useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { z } from "zod";
import { type ContactChannel, channelNames, contactChannels } from "../../../../shared/contracts/channels.js";
import {
  type importedPolicySchema,
  type OfficerToolCode,
  officerToolCodes,
  officerToolNames,
  type SatisfactionMethodCode,
  satisfactionMethodCodes,
  satisfactionMethodNames,
} from "../../../../shared/contracts/policy.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { FilePicker } from "../../../components/ui/file-picker.js";
import { Interpolate, UserTextOr } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useCreatePolicyDraft } from "../api/create-policy-draft.js";
import { useCurrentPolicy } from "../api/get-current-policy.js";
import { useImportPolicy } from "../api/import-policy.js";
import { usePolicyVersions } from "../api/list-policy-versions.js";
import { hijriWords, localDigits, responsePeriodWords } from "../labels.js";

type ImportedPolicy = z.infer<typeof importedPolicySchema>;

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const isChannel = (code: string): code is ContactChannel =>
  (contactChannels as readonly string[]).includes(code);
const isTool = (code: string): code is OfficerToolCode =>
  (officerToolCodes as readonly string[]).includes(code);
const isMethod = (code: string): code is SatisfactionMethodCode =>
  (satisfactionMethodCodes as readonly string[]).includes(code);

/** «مسودات السياسة»: import the association's existing policy, start a draft, open one to edit. */
export function PolicyDraftsPage({ canEdit }: { canEdit: boolean }) {
  const { t, errorText } = useI18n();
  const versions = usePolicyVersions();
  const drafts = (versions.data?.items ?? []).filter((version) => version.status === "draft");
  return (
    <section className="page" aria-labelledby="drafts-title">
      <header className="page__header">
        <h1 id="drafts-title" className="page__title">
          {t("policy.drafts.title")}
        </h1>
        <p className="page__lead">{t("policy.drafts.intro")}</p>
      </header>

      {canEdit ? <ImportPolicyForm /> : null}
      {canEdit ? <NewDraft /> : null}

      <section className="card" aria-labelledby="drafts-list-title">
        <h2 id="drafts-list-title" className="card__title">
          {t("policy.drafts.list")}
        </h2>
        {versions.isPending ? <p className="muted">{t("common.loading")}</p> : null}
        {versions.isError ? (
          <div role="alert" className="alert alert--error">
            {errorText(versions.error)}
          </div>
        ) : null}
        {versions.isSuccess && drafts.length === 0 ? (
          <p className="empty">{t("policy.drafts.empty")}</p>
        ) : null}
        {drafts.length > 0 ? (
          <ul className="draft-list">
            {drafts.map((draft) => (
              <li key={draft.id} className="draft-list__item">
                <Link to={`/policy/drafts/${draft.id}`}>
                  {draft.source === "import" ? t("policy.drafts.imported") : t("policy.drafts.manual")}
                </Link>
                <span className="muted">
                  {t("policy.drafts.updated")} <DualDate value={draft.updatedAt} withTime />
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </section>
  );
}

function NewDraft() {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const current = useCurrentPolicy();
  const create = useCreatePolicyDraft();
  function onCreate() {
    // Amending the policy in force starts from its text; the first policy starts empty.
    create.mutate(current.data ? current.data.content : {}, {
      onSuccess: (draft) => navigate(`/policy/drafts/${draft.id}`),
    });
  }
  return (
    <div className="form-actions">
      <button
        type="button"
        className="button button--secondary"
        onClick={onCreate}
        disabled={create.isPending}
      >
        {current.data ? t("policy.drafts.amendCurrent") : t("policy.drafts.newEmpty")}
      </button>
      {create.isError ? (
        <span role="alert" className="field__error">
          {errorText(create.error)}
        </span>
      ) : null}
    </div>
  );
}

function ImportPolicyForm() {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const importer = useImportPolicy();
  const [file, setFile] = useState<File | null>(null);

  function onPick(picked: File[]) {
    importer.reset();
    setFile(picked[0] ?? null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    const isDocx = file.name.toLowerCase().endsWith(".docx");
    importer.mutate(
      isDocx
        ? { content: file, type: docxType }
        : // Blob.text() decodes UTF-8, as text extracted from a PDF is saved.
          { content: await file.text(), type: "text/plain; charset=utf-8" },
    );
  }

  const fileError = isApiError(importer.error) ? importer.error.fieldMessage("file")?.[locale] : undefined;
  const failure = importer.error ? (fileError ?? errorText(importer.error)) : null;

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("policy.import.title")}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FilePicker
          label={t("policy.import.file")}
          files={file ? [file] : []}
          onChange={onPick}
          accept={`.txt,text/plain,.docx,${docxType}`}
          hint={
            <Interpolate
              message={t("policy.import.hint")}
              values={{ utf8: "UTF-8", pdf: "PDF", docx: "docx" }}
            />
          }
        />
        <div role="alert" className={failure ? "alert alert--error" : "alert"}>
          {failure}
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={!file || importer.isPending}>
            {importer.isPending ? t("policy.import.importing") : t("policy.import.submit")}
          </button>
        </div>
      </form>
      {importer.data ? <ImportFound found={importer.data.found} draftId={importer.data.draft.id} /> : null}
    </section>
  );
}

/** What the importer read from the file, and plainly what it did not find. */
function ImportFound({ found, draftId }: { found: ImportedPolicy; draftId: string }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const notFound = <span className="import-found__missing">{t("policy.import.notFound")}</span>;
  const sectionNames = {
    compensation: t("policy.section.compensation"),
    complaints: t("policy.section.complaints"),
    privacy: t("policy.section.privacy"),
    liaisonOfficer: t("policy.section.liaisonOfficers"),
    staffAcknowledgement: t("policy.section.staffAcknowledgement"),
  } as const;
  return (
    <section className="import-found" aria-labelledby={`${ids}-found`}>
      <h3 id={`${ids}-found`} className="card__label">
        {t("policy.import.found")}
      </h3>
      <dl className="import-found__list">
        <div>
          <dt>{t("policy.import.association")}</dt>
          <dd>
            <UserTextOr value={found.association.name} fallback={notFound} />
            {found.association.licenseNumber
              ? ` · ${t("policy.import.license", { n: localDigits(found.association.licenseNumber, locale) })}`
              : null}
          </dd>
        </div>
        <div data-found="channels">
          <dt>{t("policy.section.channels")}</dt>
          <dd>
            {found.channels.length === 0 ? (
              notFound
            ) : (
              <ol>
                {found.channels.map((code) => (
                  <li key={code}>{isChannel(code) ? channelNames[code][locale] : code}</li>
                ))}
              </ol>
            )}
          </dd>
        </div>
        <div data-found="officerTools">
          <dt>{t("policy.section.officerTools")}</dt>
          <dd>
            {found.officerTools.length === 0 ? (
              notFound
            ) : (
              <ul>
                {found.officerTools.map((code) => (
                  <li key={code}>{isTool(code) ? officerToolNames[code][locale] : code}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div data-found="handlingSteps">
          <dt>{t("policy.section.handlingSteps")}</dt>
          <dd>
            {found.handlingSteps.length === 0 ? (
              notFound
            ) : (
              <ol>
                {found.handlingSteps.map((step, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in which the same words may appear twice
                  <li key={`${index}-${step}`}>{step}</li>
                ))}
              </ol>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("policy.referralRole")}</dt>
          <dd>{found.referralRole ?? notFound}</dd>
        </div>
        <div data-found="responsePeriod">
          <dt>{t("policy.period.title")}</dt>
          <dd>{found.responsePeriod ? responsePeriodWords(found.responsePeriod, t) : notFound}</dd>
        </div>
        <div data-found="sections">
          <dt>{t("policy.import.sections")}</dt>
          <dd>
            <ul className="import-found__sections">
              {(Object.keys(sectionNames) as (keyof typeof sectionNames)[]).map((key) => (
                <li key={key} data-present={found.sections[key]}>
                  {sectionNames[key]}: {found.sections[key] ? t("policy.import.present") : notFound}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t("policy.section.satisfactionMethods")}</dt>
          <dd>
            {found.satisfactionMethods.length === 0
              ? notFound
              : found.satisfactionMethods
                  .map((code) => (isMethod(code) ? satisfactionMethodNames[code][locale] : code))
                  .join(t("policy.listJoin"))}
          </dd>
        </div>
        <div data-found="boardApproval">
          <dt>{t("policy.approval.title")}</dt>
          <dd>
            {found.boardApproval
              ? t("policy.import.approvalFound", {
                  date: found.boardApproval.hijriDate
                    ? hijriWords(found.boardApproval.hijriDate, locale)
                    : "—",
                  meeting: localDigits(found.boardApproval.meeting ?? "—", locale),
                  term: localDigits(found.boardApproval.term ?? "—", locale),
                }) +
                (found.boardApproval.members.length > 0
                  ? t("policy.import.approvalMembers", {
                      members: found.boardApproval.members.length,
                    })
                  : "")
              : notFound}
          </dd>
        </div>
      </dl>
      <p className="notice">{t("policy.import.reviewNotice")}</p>
      <Link className="button button--primary" to={`/policy/drafts/${draftId}`}>
        {t("policy.import.openDraft")}
      </Link>
    </section>
  );
}
