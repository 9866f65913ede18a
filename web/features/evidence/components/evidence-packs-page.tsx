import { useId, useState } from "react";
import type {
  EvidenceFailureCode,
  EvidencePackView,
  EvidenceStep,
} from "../../../../shared/contracts/evidence.js";
import { riyadhDate } from "../../../../shared/domain/index.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { chosenPeriod, type PeriodChoice } from "../../../components/ui/period.js";
import { PeriodPicker } from "../../../components/ui/period-picker.js";
import { UserText } from "../../../components/ui/user-text.js";
import { type MessageKey, useI18n } from "../../../i18n/i18n.js";
import { packFileHref, useEvidencePacks, useRequestEvidencePack } from "../api/evidence-api.js";
import "./evidence.css";

const stepLabels: Record<EvidenceStep, MessageKey> = {
  policy: "evidence.step.policy",
  acknowledgements: "evidence.step.acknowledgements",
  compliance: "evidence.step.compliance",
  complaints: "evidence.step.complaints",
  compensation: "evidence.step.compensation",
  satisfaction: "evidence.step.satisfaction",
  fieldwork: "evidence.step.fieldwork",
  document: "evidence.step.document",
  workbook: "evidence.step.workbook",
  storing: "evidence.step.storing",
};

const failureLabels: Record<EvidenceFailureCode, MessageKey> = {
  pdf_unavailable: "evidence.failure.pdf_unavailable",
  busy: "evidence.failure.busy",
  gathering_failed: "evidence.failure.gathering_failed",
  internal: "evidence.failure.internal",
};

const statusLabels: Record<EvidencePackView["status"], MessageKey> = {
  queued: "evidence.status.queued",
  running: "evidence.status.running",
  done: "evidence.status.done",
  failed: "evidence.status.failed",
};

function PackState({ pack }: { pack: EvidencePackView }) {
  const { t } = useI18n();
  if (pack.status === "queued" || pack.status === "running") {
    return (
      <div className="evidence-progress" aria-live="polite">
        <progress
          className="evidence-progress__bar"
          max={100}
          value={pack.progress.percent}
          aria-label={t("evidence.progress.label")}
        />
        <p className="field__hint">
          {t("evidence.progress.text", {
            percent: pack.progress.percent,
            step: pack.progress.step ? t(stepLabels[pack.progress.step]) : t("evidence.status.queued"),
          })}
        </p>
      </div>
    );
  }
  if (pack.status === "failed") {
    return (
      <p role="alert" className="alert alert--error evidence-failure">
        {t(failureLabels[pack.failure ?? "internal"])}
      </p>
    );
  }
  return (
    <ul className="evidence-files">
      {pack.pdf ? (
        <li>
          <a href={packFileHref(pack.pdf.id)} download>
            {t("evidence.download.pdf")}
          </a>
        </li>
      ) : null}
      {pack.workbook ? (
        <li>
          <a href={packFileHref(pack.workbook.id)} download>
            {t("evidence.download.workbook")}
          </a>
        </li>
      ) : null}
    </ul>
  );
}

/** «حزمة الأدلة» (G7): the governance assessment's evidence for a period, as a PDF and an Excel workbook. */
export function EvidencePacksPage() {
  const { t, errorText } = useI18n();
  const ids = useId();
  const today = riyadhDate(new Date());
  const [choice, setChoice] = useState<PeriodChoice>({ calendar: "gregorian", year: today.year, month: 0 });
  const period = chosenPeriod(choice);
  const packs = useEvidencePacks();
  const requestPack = useRequestEvidencePack();
  const busy = packs.data?.items.some((p) => p.status === "queued" || p.status === "running") ?? false;

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("evidence.title")}
        </h1>
        <p className="page__lead">{t("evidence.intro")}</p>
      </header>

      <section className="card" aria-labelledby={`${ids}-new`}>
        <h2 id={`${ids}-new`} className="card__title">
          {t("evidence.new")}
        </h2>
        <PeriodPicker label={t("evidence.period")} value={choice} onChange={setChoice} allowRange />
        {requestPack.isError ? (
          <div role="alert" className="alert alert--error">
            {errorText(requestPack.error)}
          </div>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={!period || busy || requestPack.isPending}
          onClick={() => period && requestPack.mutate(period)}
        >
          {t("evidence.create")}
        </button>
        {busy ? <p className="field__hint">{t("evidence.oneAtATime")}</p> : null}
      </section>

      {packs.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {packs.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(packs.error)}
        </div>
      ) : null}
      {packs.data ? (
        packs.data.items.length === 0 ? (
          <p className="muted">{t("evidence.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption>{t("evidence.list")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("evidence.head.period")}</th>
                  <th scope="col">{t("evidence.head.requestedBy")}</th>
                  <th scope="col">{t("evidence.head.requestedAt")}</th>
                  <th scope="col">{t("evidence.head.status")}</th>
                  <th scope="col">{t("evidence.head.files")}</th>
                </tr>
              </thead>
              <tbody>
                {packs.data.items.map((pack) => (
                  <tr key={pack.id}>
                    <td>
                      <CalendarDate value={pack.from} /> – <CalendarDate value={pack.to} />
                    </td>
                    <td>
                      <UserText>{pack.requestedBy.fullName}</UserText>
                    </td>
                    <td>
                      <DualDate value={pack.requestedAt} withTime />
                    </td>
                    <td>{t(statusLabels[pack.status])}</td>
                    <td>
                      <PackState pack={pack} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
