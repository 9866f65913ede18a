import { useI18n } from "../../../i18n/i18n.js";
import { localDigits } from "../labels.js";

type ListEditorProps = {
  /** The list's name, e.g. «خطوات التعامل مع المستفيد». */
  legend: string;
  /** One item's name with its number, e.g. «الخطوة {n}». */
  itemLabel: (n: string) => string;
  addLabel: string;
  items: string[];
  onChange: (items: string[]) => void;
};

/** An ordered list of texts: each one editable, moved up or down, removed; new ones added at the end. */
export function ListEditor({ legend, itemLabel, addLabel, items, onChange }: ListEditorProps) {
  const { t, locale } = useI18n();
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    onChange(next);
  };
  return (
    <fieldset className="list-editor">
      <legend className="field__label">{legend}</legend>
      <ol className="list-editor__items">
        {items.map((item, index) => {
          const name = itemLabel(localDigits(String(index + 1), locale));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: an item is its place in the list while it is edited
            <li key={index} className="list-editor__item">
              <textarea
                className="field__input field__input--area"
                rows={2}
                aria-label={name}
                value={item}
                onChange={(event) =>
                  onChange(items.map((old, i) => (i === index ? event.target.value : old)))
                }
              />
              <div className="list-editor__tools">
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => move(index, index - 1)}
                  disabled={index === 0}
                  aria-label={t("policy.list.moveUp", { item: name })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => move(index, index + 1)}
                  disabled={index === items.length - 1}
                  aria-label={t("policy.list.moveDown", { item: name })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => onChange(items.filter((_, i) => i !== index))}
                  aria-label={t("policy.list.remove", { item: name })}
                >
                  {t("policy.list.removeShort")}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--secondary" onClick={() => onChange([...items, ""])}>
        {addLabel}
      </button>
    </fieldset>
  );
}

type OrderedChoiceProps<Code extends string> = {
  legend: string;
  options: readonly Code[];
  name: (code: Code) => string;
  selected: Code[];
  onChange: (selected: Code[]) => void;
};

/** A multi-select that keeps an order: the chosen ones first, in the order the policy lists them. */
export function OrderedChoice<Code extends string>({
  legend,
  options,
  name,
  selected,
  onChange,
}: OrderedChoiceProps<Code>) {
  const { t, locale } = useI18n();
  const rest = options.filter((code) => !selected.includes(code));
  const move = (from: number, to: number) => {
    const next = [...selected];
    const [code] = next.splice(from, 1);
    if (code === undefined) return;
    next.splice(to, 0, code);
    onChange(next);
  };
  return (
    <fieldset className="ordered-choice">
      <legend className="field__label">{legend}</legend>
      <ol className="ordered-choice__list">
        {selected.map((code, index) => (
          <li key={code} className="ordered-choice__item ordered-choice__item--on">
            <label className="choice">
              <input type="checkbox" checked onChange={() => onChange(selected.filter((c) => c !== code))} />
              <span className="ordered-choice__rank">{localDigits(String(index + 1), locale)}</span>
              {name(code)}
            </label>
            <span className="list-editor__tools">
              <button
                type="button"
                className="button button--quiet"
                onClick={() => move(index, index - 1)}
                disabled={index === 0}
                aria-label={t("policy.list.moveUp", { item: name(code) })}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => move(index, index + 1)}
                disabled={index === selected.length - 1}
                aria-label={t("policy.list.moveDown", { item: name(code) })}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
        {rest.map((code) => (
          <li key={code} className="ordered-choice__item">
            <label className="choice">
              <input type="checkbox" checked={false} onChange={() => onChange([...selected, code])} />
              {name(code)}
            </label>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
