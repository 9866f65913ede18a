import { type FormEvent, useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { type ContactChannel, channelNames, contactChannels } from "../../../../shared/contracts/channels.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useOpenRequest } from "../api/open-request.js";
import { Refusal } from "./feedback.js";
import "./requests.css";
import { UserText } from "../../../components/ui/user-text.js";

export type Choice = { id: string; name: string; detail?: string };

type OpenRequestPageProps = {
  /** The person the request is for, when it is opened from their file. */
  beneficiary: Choice | null;
  /** The search box's text and its answers, from the beneficiaries feature (handed in by the app). */
  search: { text: string; onText: (text: string) => void; results: readonly Choice[]; searching: boolean };
  /** The services on offer, from the catalogue. */
  services: readonly Choice[];
  /** Where the requirements sheet of a service is printed. */
  sheetHref: (serviceId: string) => string;
};

/** «فتح طلب»: a beneficiary, a service and the channel it came by; the request page follows. */
export function OpenRequestPage({ beneficiary, search, services, sheetHref }: OpenRequestPageProps) {
  const { t, locale } = useI18n();
  const ids = useId();
  const navigate = useNavigate();
  const open = useOpenRequest();
  const [chosen, setChosen] = useState<Choice | null>(beneficiary);
  const [serviceId, setServiceId] = useState("");
  const [channel, setChannel] = useState<ContactChannel>("interview");
  const person = chosen ?? beneficiary;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!person || !serviceId) return;
    open.mutate(
      { beneficiaryId: person.id, serviceId, channel },
      { onSuccess: (request) => navigate(`/requests/${request.id}`) },
    );
  };

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p className="muted">
          <Link to="/requests">{t("requests.title")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {t("requests.open.title")}
        </h1>
        <p className="page__lead">{t("requests.open.lead")}</p>
      </header>

      <form noValidate className="card form" onSubmit={submit}>
        {person ? (
          <div className="field">
            <span className="field__label">{t("requests.open.beneficiary")}</span>
            <p className="chosen">
              <strong>
                <UserText>{person.name}</UserText>
              </strong>
              {person.detail ? <span className="muted"> {person.detail}</span> : null}
              {!beneficiary ? (
                <button type="button" className="button button--link" onClick={() => setChosen(null)}>
                  {t("requests.open.change")}
                </button>
              ) : null}
            </p>
          </div>
        ) : (
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-search`}>
              {t("requests.open.search")}
            </label>
            <input
              id={`${ids}-search`}
              className="field__input"
              type="search"
              value={search.text}
              onChange={(event) => search.onText(event.target.value)}
              autoComplete="off"
            />
            <p className="field__hint">{t("requests.open.searchHint")}</p>
            {search.results.length > 0 ? (
              <ul className="pick-list" aria-label={t("requests.open.results")}>
                {search.results.map((hit) => (
                  <li key={hit.id}>
                    <button type="button" className="button button--quiet" onClick={() => setChosen(hit)}>
                      <UserText>{hit.name}</UserText>
                      {hit.detail ? <span className="muted"> {hit.detail}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            ) : search.searching ? (
              <p className="muted">{t("common.loading")}</p>
            ) : null}
          </div>
        )}

        <div className="field">
          <label className="field__label" htmlFor={`${ids}-service`}>
            {t("requests.open.service")}
          </label>
          <select
            id={`${ids}-service`}
            className="field__input"
            value={serviceId}
            required
            onChange={(event) => setServiceId(event.target.value)}
          >
            <option value="">{t("requests.open.chooseService")}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                <UserText>{service.name}</UserText>
              </option>
            ))}
          </select>
          {serviceId ? (
            <p className="field__hint">
              <Link to={sheetHref(serviceId)}>{t("services.sheet.open")}</Link>
            </p>
          ) : null}
        </div>

        <div className="field">
          <label className="field__label" htmlFor={`${ids}-channel`}>
            {t("requests.open.channel")}
          </label>
          <select
            id={`${ids}-channel`}
            className="field__input"
            value={channel}
            onChange={(event) => setChannel(event.target.value as ContactChannel)}
          >
            {contactChannels.map((value) => (
              <option key={value} value={value}>
                {channelNames[value][locale]}
              </option>
            ))}
          </select>
        </div>

        <Refusal error={open.error} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!person || open.isPending}>
            {t("requests.open.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
