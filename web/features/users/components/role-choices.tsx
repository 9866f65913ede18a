import { type AssociationRole, associationRoles } from "../../../../shared/contracts/roles.js";
import { useI18n } from "../../../i18n/i18n.js";

/** The association's ten roles as check boxes; a person may hold several. */
export function RoleChoices({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string;
  value: AssociationRole[];
  onChange: (roles: AssociationRole[]) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="choice-group" aria-invalid={error ? true : undefined}>
      <legend className="field__label">{legend}</legend>
      <div className="choice-group__options role-choices">
        {associationRoles.map((role) => (
          <label key={role} className="choice">
            <input
              type="checkbox"
              checked={value.includes(role)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? associationRoles.filter((r) => r === role || value.includes(r))
                    : value.filter((r) => r !== role),
                )
              }
            />
            {t(`role.${role}`)}
          </label>
        ))}
      </div>
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}
