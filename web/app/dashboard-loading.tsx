import { useI18n } from "../i18n/i18n.js";

/** What shows while a page loaded on demand (the dashboard and its charts) arrives. */
export function DashboardLoading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t("common.loading")}
    </p>
  );
}
