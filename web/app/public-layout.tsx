import { Outlet } from "react-router";
import { LanguageSwitch } from "./language-switch.js";

/** Pages seen before signing in: only the language switch around them. */
export function PublicLayout() {
  return (
    <div className="public">
      <div className="public__bar">
        <LanguageSwitch />
      </div>
      <Outlet />
    </div>
  );
}
