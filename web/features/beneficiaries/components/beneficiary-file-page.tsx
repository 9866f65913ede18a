import type { ReactNode } from "react";
import { Link, Navigate, useLocation, useParams } from "react-router";
import type { BeneficiaryView } from "../../../../shared/contracts/beneficiaries.js";
import { channelNames } from "../../../../shared/contracts/channels.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { Fact } from "../../../components/ui/fact.js";
import { PhoneNumbers } from "../../../components/ui/phone-numbers.js";
import { Withheld } from "../../../components/ui/withheld.js";
import { useI18n } from "../../../i18n/i18n.js";
import { ageInYears, riyadhToday } from "../age.js";
import { useBeneficiary } from "../api/get-beneficiary.js";
import { useCategories } from "../api/list-categories.js";
import { useRecordConsent } from "../api/record-consent.js";
import { useWithdrawConsent } from "../api/withdraw-consent.js";
import { deskConsent, lawfulBasisLabels, relationLabels } from "../labels.js";
import { MergeDuplicate } from "./merge-duplicate.js";
import "./beneficiaries.css";
import { ConfirmButton } from "../../../components/ui/confirm-button.js";
import { Interpolate, UserText } from "../../../components/ui/user-text.js";

type BeneficiaryFilePageProps = {
  /** May record and withdraw the person's consent (the server checks the same). */
  canManageConsent: boolean;
  /** May correct the file's data (the server checks the same). */
  canEdit: boolean;
  /** May fold a duplicate record into this one. */
  canMerge: boolean;
  /**
   * The contacts and timeline of this person, composed in by the app (features do not import each
   * other). `mayOpenWork` is false once every consent is withdrawn: no «فتح طلب» then (ADR 0022).
   */
  contacts?: (beneficiaryId: string, file: { mayOpenWork: boolean }) => ReactNode;
};

export function BeneficiaryFilePage({
  canManageConsent,
  canEdit,
  canMerge,
  contacts,
}: BeneficiaryFilePageProps) {
  const { beneficiaryId = "" } = useParams();
  const { t, errorText } = useI18n();
  const file = useBeneficiary(beneficiaryId);
  const arrivedFrom = (useLocation().state as { mergedFrom?: string } | null)?.mergedFrom;

  if (file.isPending) {
    return (
      <p className="muted" aria-live="polite">
        {t("common.loading")}
      </p>
    );
  }
  if (file.isError) {
    return (
      <div role="alert" className="alert alert--error">
        {errorText(file.error)}{" "}
        <button type="button" className="button button--link" onClick={() => file.refetch()}>
          {t("common.retry")}
        </button>
      </div>
    );
  }
  const beneficiary = file.data;
  // A merged-away record's address answers with the kept file (308): the page moves there too,
  // so nothing is offered on the old record.
  if (beneficiary.id !== beneficiaryId) {
    return <Navigate replace to={`/beneficiaries/${beneficiary.id}`} state={{ mergedFrom: beneficiaryId }} />;
  }
  const active = beneficiary.mergedIntoId === null;

  return (
    <article className="page beneficiary-file" aria-labelledby="beneficiary-name">
      <header className="file-header">
        <p>
          <Link to="/beneficiaries">{t("beneficiaries.file.back")}</Link>
        </p>
        <h1 id="beneficiary-name" className="page__title">
          <UserText>{beneficiary.fullName}</UserText>
        </h1>
        <dl className="facts file-header__facts">
          <Fact label={t("beneficiaries.fileNumberLabel")}>
            <bdi dir="ltr">{beneficiary.fileNumber}</bdi>
          </Fact>
          <Fact label={t("beneficiaries.nationalId")}>
            <bdi dir="ltr">{beneficiary.nationalId ?? t("beneficiaries.none")}</bdi>
          </Fact>
          <Fact label={t("beneficiaries.phones")}>
            <PhoneNumbers values={beneficiary.phones} />
          </Fact>
        </dl>
        {active && (canEdit || canMerge) ? (
          <div className="file-header__actions">
            {canEdit ? (
              <Link className="button button--primary" to={`/beneficiaries/${beneficiary.id}/edit`}>
                {t("beneficiaries.edit.open")}
              </Link>
            ) : null}
          </div>
        ) : null}
      </header>

      {arrivedFrom ? (
        <p className="notice" role="status">
          {t("beneficiaries.file.arrivedFromMerged")}
        </p>
      ) : null}

      {active && canMerge ? <MergeDuplicate key={beneficiary.id} beneficiary={beneficiary} /> : null}

      {beneficiary.mergedIntoId ? (
        <p className="notice">
          {t("beneficiaries.file.merged")}{" "}
          <Link to={`/beneficiaries/${beneficiary.mergedIntoId}`}>{t("beneficiaries.file.openMerged")}</Link>
        </p>
      ) : null}

      <div className="file-columns">
        <div className="file-columns__main">
          <Details beneficiary={beneficiary} />
          <Household beneficiary={beneficiary} />
          <Consents beneficiary={beneficiary} canManage={canManageConsent} />
        </div>
        {contacts ? (
          <div className="file-columns__side">
            {contacts(beneficiary.id, {
              mayOpenWork: !(
                beneficiary.consents.length > 0 && beneficiary.consents.every((c) => c.withdrawnAt !== null)
              ),
            })}
          </div>
        ) : null}
      </div>
    </article>
  );
}

function Details({ beneficiary }: { beneficiary: BeneficiaryView }) {
  const { t, locale } = useI18n();
  const categories = useCategories();
  const category = categories.data?.items.find((item) => item.code === beneficiary.categoryCode);
  const categoryName = category
    ? locale === "en" && category.nameEn
      ? category.nameEn
      : category.nameAr
    : beneficiary.categoryCode;
  const income =
    beneficiary.monthlyIncome === null
      ? null
      : new Intl.NumberFormat(locale === "ar" ? "ar-SA" : "en-GB").format(beneficiary.monthlyIncome);

  return (
    <section className="card" aria-labelledby="file-details">
      <h2 id="file-details" className="card__title">
        {t("beneficiaries.file.details")}
      </h2>
      <dl className="facts facts--grid">
        <Fact label={t("beneficiaries.birthDate")}>
          {beneficiary.birthDate ? <CalendarDate value={beneficiary.birthDate} /> : t("beneficiaries.none")}
        </Fact>
        <Fact label={t("beneficiaries.file.gender")}>
          {beneficiary.gender ? t(`beneficiaries.gender.${beneficiary.gender}`) : t("beneficiaries.none")}
        </Fact>
        {beneficiary.nationality ? (
          <Fact label={t("beneficiaries.file.nationality")}>{beneficiary.nationality}</Fact>
        ) : null}
        <Fact label={t("beneficiaries.city")}>
          {[beneficiary.city, beneficiary.district].filter(Boolean).join("، ") || t("beneficiaries.none")}
        </Fact>
        <Fact label={t("beneficiaries.file.email")}>
          {beneficiary.email ? <bdi dir="ltr">{beneficiary.email}</bdi> : t("beneficiaries.none")}
        </Fact>
        <Fact label={t("beneficiaries.file.preferredChannel")}>
          {beneficiary.preferredChannel
            ? channelNames[beneficiary.preferredChannel][locale]
            : t("beneficiaries.none")}
        </Fact>
        <Fact label={t("beneficiaries.file.category")}>{categoryName ?? t("beneficiaries.none")}</Fact>
        {beneficiary.maritalStatus ? (
          <Fact label={t("beneficiaries.file.maritalStatus")}>
            {t(`beneficiaries.maritalStatus.${beneficiary.maritalStatus}`)}
          </Fact>
        ) : null}
        {beneficiary.withheld.includes("beneficiary.monthly_income") ? (
          <Fact label={t("beneficiaries.file.monthlyIncome")}>
            <Withheld />
          </Fact>
        ) : income !== null ? (
          <Fact label={t("beneficiaries.file.monthlyIncome")}>
            {t("beneficiaries.file.incomeValue", { amount: income })}
          </Fact>
        ) : null}
        <Fact label={t("beneficiaries.file.lawfulBasis")}>
          {beneficiary.lawfulBasis ? t(lawfulBasisLabels[beneficiary.lawfulBasis]) : t("beneficiaries.none")}
        </Fact>
        <Fact label={t("beneficiaries.file.registeredAt")}>
          <DualDate value={beneficiary.createdAt} />
        </Fact>
      </dl>
      {(
        [
          ["beneficiaries.file.circumstances", beneficiary.circumstances, "beneficiary.circumstances"],
          ["beneficiaries.file.healthNotes", beneficiary.healthNotes, "beneficiary.health_notes"],
          ["beneficiaries.file.disability", beneficiary.disability, "beneficiary.disability"],
          ["beneficiaries.file.notes", beneficiary.notes, null],
        ] as const
      ).map(([label, text, field]) =>
        field && beneficiary.withheld.includes(field) ? (
          <div key={label} className="file-note">
            <h3 className="card__label">{t(label)}</h3>
            <p className="file-note__text">
              <Withheld />
            </p>
          </div>
        ) : text ? (
          <div key={label} className="file-note">
            <h3 className="card__label">{t(label)}</h3>
            <p className="file-note__text">{text}</p>
          </div>
        ) : null,
      )}
    </section>
  );
}

function Household({ beneficiary }: { beneficiary: BeneficiaryView }) {
  const { t } = useI18n();
  const today = riyadhToday();
  return (
    <section className="card" aria-labelledby="file-household">
      <h2 id="file-household" className="card__title">
        {t("beneficiaries.file.household")}
      </h2>
      {beneficiary.household.length === 0 ? (
        <p className="muted">{t("beneficiaries.file.householdEmpty")}</p>
      ) : (
        <ul className="household-list">
          {beneficiary.household.map((member) => (
            <li key={member.id} className="household-list__item">
              <span className="household-list__relation">{t(relationLabels[member.relation])}</span>
              <span className="household-list__name">
                <UserText>{member.fullName}</UserText>
              </span>
              {member.nationalId ? (
                <bdi className="muted" dir="ltr">
                  {member.nationalId}
                </bdi>
              ) : null}
              {member.gender ? (
                <span className="household-list__gender">{t(`beneficiaries.gender.${member.gender}`)}</span>
              ) : null}
              {member.birthDate ? (
                <span className="household-list__age" data-age={ageInYears(member.birthDate, today) ?? ""}>
                  {t("beneficiaries.file.householdAge", { years: ageInYears(member.birthDate, today) ?? 0 })}
                  {" · "}
                  <CalendarDate value={member.birthDate} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Consents({ beneficiary, canManage }: { beneficiary: BeneficiaryView; canManage: boolean }) {
  const { t, errorText } = useI18n();
  const withdraw = useWithdrawConsent();
  const record = useRecordConsent();
  const hasActive = beneficiary.consents.some((consent) => consent.withdrawnAt === null);
  const allWithdrawn = beneficiary.consents.length > 0 && !hasActive;
  const error = withdraw.error ?? record.error;

  return (
    <section className="card" aria-labelledby="file-consents">
      <h2 id="file-consents" className="card__title">
        {t("beneficiaries.file.consents")}
      </h2>
      {error ? (
        <div role="alert" className="alert alert--error">
          {errorText(error)}
        </div>
      ) : null}
      {allWithdrawn ? (
        <p className="notice" data-consent="withdrawn">
          {t("beneficiaries.file.consentsAllWithdrawn")}
        </p>
      ) : null}
      {beneficiary.consents.length === 0 ? (
        <p className="muted">{t("beneficiaries.file.consentsEmpty")}</p>
      ) : (
        <ul className="consent-list">
          {beneficiary.consents.map((consent) => (
            <li key={consent.id} className="consent-list__item">
              <div className="consent-list__head">
                <span className="consent-list__purpose">
                  <UserText>{consent.purpose}</UserText>
                </span>
                <span className={consent.withdrawnAt ? "status-chip status-chip--off" : "status-chip"}>
                  {consent.withdrawnAt
                    ? t("beneficiaries.file.consentWithdrawn")
                    : t("beneficiaries.file.consentActive")}
                </span>
              </div>
              <p className="muted consent-list__meta">
                {t("beneficiaries.file.noticeVersion", { version: consent.noticeVersion })} ·{" "}
                {t("beneficiaries.file.consentGivenAt")} <DualDate value={consent.givenAt} />
                {consent.withdrawnAt ? (
                  <>
                    {" "}
                    · {t("beneficiaries.file.consentWithdrawnAt")} <DualDate value={consent.withdrawnAt} />
                  </>
                ) : null}
              </p>
              {canManage && !consent.withdrawnAt ? (
                <div>
                  <ConfirmButton
                    disabled={withdraw.isPending}
                    title={t("beneficiaries.file.withdraw")}
                    message={
                      <Interpolate
                        message={t("beneficiaries.file.withdrawConfirm", {
                          gender: beneficiary.gender ?? "other",
                        })}
                        values={{ purpose: consent.purpose }}
                      />
                    }
                    confirmLabel={t("beneficiaries.file.withdrawYes")}
                    onConfirm={() =>
                      withdraw.mutate({ beneficiaryId: beneficiary.id, consentId: consent.id })
                    }
                  >
                    {t("beneficiaries.file.withdraw")}
                  </ConfirmButton>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage && !hasActive ? (
        <div>
          <button
            type="button"
            className="button button--secondary"
            disabled={record.isPending}
            onClick={() => record.mutate({ beneficiaryId: beneficiary.id, ...deskConsent })}
          >
            {t("beneficiaries.file.recordConsent")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
