import { type FormEvent, useId, useState } from "react";
import type { RequestView } from "../../../../shared/contracts/requests.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DateField, dateFieldValue } from "../../../components/ui/date-field.js";
import { ConfirmButton } from "../../../components/ui/confirm-button.js";
import { Fact } from "../../../components/ui/fact.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useCloseRequest } from "../api/close-request.js";
import { useRecordDelivery } from "../api/record-delivery.js";
import { deliverableStates, deliveryKindLabels } from "../labels.js";
import { formatRiyals, riyalsToHalalas } from "../money.js";
import { Refusal } from "./feedback.js";

type Kind = "cash" | "in_kind" | "session";

/** Deliveries against the decision (H8), what remains of the approved amount, and closing. */
export function DeliveriesSection({
  request,
  canDeliver,
  canClose,
}: {
  request: RequestView;
  canDeliver: boolean;
  canClose: boolean;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  const open = deliverableStates.includes(request.state);
  const close = useCloseRequest(request.id);
  if (request.deliveries.length === 0 && !open) return null;
  const approved = request.decision?.approvedAmount ?? null;

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("requests.delivery.title")}
      </h2>
      <dl className="facts facts--grid">
        <Fact label={t("requests.decision.amount")}>
          {approved === null ? "—" : formatRiyals(approved, locale)}
        </Fact>
        <Fact label={t("requests.delivery.delivered")}>{formatRiyals(request.deliveredAmount, locale)}</Fact>
        {approved !== null ? (
          <Fact label={t("requests.delivery.remaining")}>
            <span data-testid="remaining-amount">
              {formatRiyals(approved - request.deliveredAmount, locale)}
            </span>
          </Fact>
        ) : null}
      </dl>
      {request.deliveries.length > 0 ? (
        <div className="table-scroll">
          <table className="table" aria-label={t("requests.delivery.title")}>
            <thead>
              <tr>
                <th scope="col">{t("requests.delivery.on")}</th>
                <th scope="col">{t("requests.delivery.kind")}</th>
                <th scope="col">{t("requests.delivery.amount")}</th>
                <th scope="col">{t("requests.delivery.note")}</th>
              </tr>
            </thead>
            <tbody>
              {request.deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <CalendarDate value={delivery.deliveredOn} />
                  </td>
                  <td>{t(deliveryKindLabels[delivery.kind])}</td>
                  <td>{formatRiyals(delivery.amount, locale)}</td>
                  <td>
                    {delivery.items.map((item, index) => (
                      <span key={`${item.name}-${item.quantity}`}>
                        {index > 0 ? "، " : null}
                        <UserText>{item.name}</UserText> × {item.quantity}
                      </span>
                    ))}
                    {delivery.note ? (
                      <>
                        {" "}
                        <UserText>{delivery.note}</UserText>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {open && canDeliver ? <DeliveryForm request={request} /> : null}
      {open && canClose ? (
        <div className="form-actions">
          <ConfirmButton
            title={t("requests.close.confirmTitle")}
            message={t("requests.close.confirmMessage")}
            confirmLabel={t("requests.close.confirm")}
            disabled={close.isPending}
            onConfirm={() => close.mutate()}
          >
            {t("requests.close.submit")}
          </ConfirmButton>
          <Refusal error={close.error} />
        </div>
      ) : null}
    </section>
  );
}

function DeliveryForm({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const ids = useId();
  const record = useRecordDelivery(request.id);
  const [kind, setKind] = useState<Kind>("cash");
  const [amount, setAmount] = useState("");
  const [item, setItem] = useState("");
  const [quantity, setQuantity] = useState("1");
  const [note, setNote] = useState("");
  const [deliveredOn, setDeliveredOn] = useState("");
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const halalas = amount.trim() ? riyalsToHalalas(amount) : null;
    setInvalid(amount.trim() !== "" && halalas === null);
    if (amount.trim() && halalas === null) return;
    record.mutate(
      {
        kind,
        ...(halalas !== null ? { amount: halalas } : {}),
        items:
          kind === "in_kind" && item.trim() ? [{ name: item.trim(), quantity: Number(quantity) || 1 }] : [],
        ...(note.trim() ? { note: note.trim() } : {}),
        // Left empty, the delivery is dated today.
        ...(deliveredOn.trim() ? { deliveredOn: dateFieldValue(deliveredOn) } : {}),
      },
      {
        onSuccess: () => {
          setAmount("");
          setItem("");
          setNote("");
          setDeliveredOn("");
        },
      },
    );
  };
  return (
    <form noValidate className="form sub-form" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="sub-form__title">
        {t("requests.delivery.new")}
      </h3>
      <div className="request-grid">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-kind`}>
            {t("requests.delivery.kind")}
          </label>
          <select
            id={`${ids}-kind`}
            className="field__input"
            value={kind}
            onChange={(event) => setKind(event.target.value as Kind)}
          >
            {(["cash", "in_kind", "session"] as const).map((value) => (
              <option key={value} value={value}>
                {t(deliveryKindLabels[value])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-amount`}>
            {t("requests.delivery.amountRiyals")}
          </label>
          <input
            id={`${ids}-amount`}
            className="field__input"
            inputMode="decimal"
            value={amount}
            aria-invalid={invalid || undefined}
            onChange={(event) => setAmount(event.target.value)}
          />
          {invalid ? <p className="field__error">{t("requests.amountInvalid")}</p> : null}
        </div>
        {kind === "in_kind" ? (
          <>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-item`}>
                {t("requests.delivery.item")}
              </label>
              <input
                id={`${ids}-item`}
                className="field__input"
                value={item}
                onChange={(event) => setItem(event.target.value)}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-quantity`}>
                {t("requests.delivery.quantity")}
              </label>
              <input
                id={`${ids}-quantity`}
                className="field__input"
                inputMode="numeric"
                value={quantity}
                onChange={(event) => setQuantity(event.target.value)}
              />
            </div>
          </>
        ) : null}
        <DateField
          id={`${ids}-deliveredOn`}
          label={t("requests.delivery.deliveredOn")}
          optionalLabel={t("requests.optional")}
          hint={t("requests.delivery.deliveredOnHint")}
          value={deliveredOn}
          onChange={(text) => setDeliveredOn(text)}
          notAfterToday
        />
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-note`}>
            {t("requests.delivery.note")}
          </label>
          <input
            id={`${ids}-note`}
            className="field__input"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
      </div>
      <Refusal error={record.error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={record.isPending}>
          {t("requests.delivery.submit")}
        </button>
      </div>
    </form>
  );
}
