import { type FormEvent, useId, useState } from "react";
import type { RequestView } from "../../../../shared/contracts/requests.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DateField, dateFieldValue, todayIso } from "../../../components/ui/date-field.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { Fact } from "../../../components/ui/fact.js";
import { UserText } from "../../../components/ui/user-text.js";
import { Withheld } from "../../../components/ui/withheld.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useCloseReferral } from "../api/close-referral.js";
import { useRecordStudy } from "../api/record-study.js";
import { useReferRequest } from "../api/refer-request.js";
import { referableStates, studyKindLabels } from "../labels.js";
import { Refusal } from "./feedback.js";
import type { Person } from "./request-page.js";

type Referral = RequestView["referrals"][number];

/** Referrals (H4): to whom, why, by when, the researcher's study and the outcome. */
export function ReferralsSection({
  request,
  canRefer,
  userId,
  owners,
}: {
  request: RequestView;
  canRefer: boolean;
  userId: string;
  owners: readonly Person[];
}) {
  const { t } = useI18n();
  const ids = useId();
  const open = request.referrals.some((referral) => !referral.closedAt);
  const mayRefer = canRefer && !open && referableStates.includes(request.state);
  if (request.referrals.length === 0 && !mayRefer) return null;
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("requests.referral.title")}
      </h2>
      {request.referrals.map((referral) => (
        <ReferralItem key={referral.id} referral={referral} isOwner={referral.owner.id === userId} />
      ))}
      {mayRefer ? <ReferForm request={request} owners={owners} /> : null}
    </section>
  );
}

function ReferralItem({ referral, isOwner }: { referral: Referral; isOwner: boolean }) {
  const { t } = useI18n();
  const open = !referral.closedAt;
  return (
    <article className="referral">
      <dl className="facts facts--grid">
        <Fact label={t("requests.referral.owner")}>
          {referral.owner.fullName} ({t(`role.${referral.role}`)})
        </Fact>
        <Fact label={t("requests.referral.due")}>
          <CalendarDate value={referral.dueDate} />
        </Fact>
        <Fact label={t("requests.referral.outcome")}>
          {referral.closedAt ? (
            <>
              {referral.outcome} — <DualDate value={referral.closedAt} />
            </>
          ) : (
            t("requests.referral.open")
          )}
        </Fact>
      </dl>
      <p className="pre-line">
        <UserText>{referral.reason}</UserText>
      </p>
      {referral.study ? (
        <div className="study">
          <h3 className="study__title">
            {t(studyKindLabels[referral.study.kind])} — <CalendarDate value={referral.study.on} />
          </h3>
          <p className="pre-line">
            <strong>{t("requests.study.findings")}: </strong>
            {referral.study.findings === null ? <Withheld /> : <UserText>{referral.study.findings}</UserText>}
          </p>
          <p className="pre-line">
            <strong>{t("requests.study.recommendation")}: </strong>
            {referral.study.recommendation === null ? (
              <Withheld />
            ) : (
              <UserText>{referral.study.recommendation}</UserText>
            )}
          </p>
        </div>
      ) : null}
      {open && isOwner ? <StudyForm referralId={referral.id} /> : null}
      {open && isOwner ? <CloseReferralForm referralId={referral.id} /> : null}
    </article>
  );
}

function ReferForm({ request, owners }: { request: RequestView; owners: readonly Person[] }) {
  const { t } = useI18n();
  const ids = useId();
  const refer = useReferRequest(request.id);
  const [ownerUserId, setOwner] = useState("");
  const [reason, setReason] = useState("");
  const [dueDate, setDueDate] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    refer.mutate({
      ownerUserId: ownerUserId.trim(),
      reason,
      ...(dueDate.trim() ? { dueDate: dateFieldValue(dueDate) } : {}),
    });
  };
  return (
    <form noValidate className="form sub-form" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="sub-form__title">
        {t("requests.referral.new")}
      </h3>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-owner`}>
          {t("requests.referral.owner")}
        </label>
        {owners.length > 0 ? (
          <select
            id={`${ids}-owner`}
            className="field__input"
            required
            value={ownerUserId}
            onChange={(event) => setOwner(event.target.value)}
          >
            <option value="">{t("requests.referral.chooseOwner")}</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                <UserText>{owner.name}</UserText>
              </option>
            ))}
          </select>
        ) : (
          <>
            <input
              id={`${ids}-owner`}
              className="field__input"
              dir="ltr"
              required
              value={ownerUserId}
              onChange={(event) => setOwner(event.target.value)}
            />
            <p className="field__hint">{t("requests.referral.ownerIdHint")}</p>
          </>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-reason`}>
          {t("requests.referral.reason")}
        </label>
        <textarea
          id={`${ids}-reason`}
          className="field__input field__input--area"
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <DateField
        id={`${ids}-due`}
        label={t("requests.referral.due")}
        optionalLabel={t("requests.optional")}
        value={dueDate}
        onChange={(text) => setDueDate(text)}
        notBefore={todayIso()}
      />
      <Refusal error={refer.error} />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={refer.isPending}>
          {t("requests.referral.submit")}
        </button>
      </div>
    </form>
  );
}

function StudyForm({ referralId }: { referralId: string }) {
  const { t } = useI18n();
  const ids = useId();
  const record = useRecordStudy(referralId);
  const [kind, setKind] = useState<"social_study" | "home_visit">("social_study");
  const [on, setOn] = useState("");
  const [findings, setFindings] = useState("");
  const [recommendation, setRecommendation] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ kind, on: dateFieldValue(on) ?? "", findings, recommendation });
  };
  return (
    <form noValidate className="form sub-form" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="sub-form__title">
        {t("requests.study.title")}
      </h3>
      <fieldset className="choice-group">
        <legend className="field__label">{t("requests.study.kind")}</legend>
        <div className="choice-group__options">
          {(["social_study", "home_visit"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${ids}-kind`}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {t(studyKindLabels[value])}
            </label>
          ))}
        </div>
      </fieldset>
      <DateField
        id={`${ids}-on`}
        label={t("requests.study.on")}
        value={on}
        onChange={(text) => setOn(text)}
        notAfterToday
      />
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-findings`}>
          {t("requests.study.findings")}
        </label>
        <textarea
          id={`${ids}-findings`}
          className="field__input field__input--area"
          required
          value={findings}
          onChange={(event) => setFindings(event.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-recommendation`}>
          {t("requests.study.recommendation")}
        </label>
        <textarea
          id={`${ids}-recommendation`}
          className="field__input field__input--area"
          required
          value={recommendation}
          onChange={(event) => setRecommendation(event.target.value)}
        />
      </div>
      <Refusal error={record.error} />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={record.isPending}>
          {t("requests.study.submit")}
        </button>
      </div>
    </form>
  );
}

function CloseReferralForm({ referralId }: { referralId: string }) {
  const { t } = useI18n();
  const ids = useId();
  const close = useCloseReferral(referralId);
  const [outcome, setOutcome] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate({ outcome });
  };
  return (
    <form noValidate className="form sub-form" onSubmit={submit}>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-outcome`}>
          {t("requests.referral.outcome")}
        </label>
        <textarea
          id={`${ids}-outcome`}
          className="field__input field__input--area"
          required
          value={outcome}
          onChange={(event) => setOutcome(event.target.value)}
        />
      </div>
      <Refusal error={close.error} />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={close.isPending}>
          {t("requests.referral.close")}
        </button>
      </div>
    </form>
  );
}
