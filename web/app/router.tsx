import { createBrowserRouter } from "react-router";
import { AuditLogPage } from "../features/audit/components/audit-log-page.js";
import { SignInPage } from "../features/auth/components/sign-in-page.js";
import { CategoriesPage } from "../features/beneficiaries/components/categories-page.js";
import { ImportBeneficiariesPage } from "../features/beneficiaries/components/import-beneficiaries-page.js";
import {
  EditBeneficiaryPage,
  RegisterBeneficiaryPage,
} from "../features/beneficiaries/components/register-beneficiary-page.js";
import { LiaisonRoutesRoute, WorkingCalendarRoute } from "./admin-routes.js";
import { AppShell } from "./app-shell.js";
import { BeneficiaryFileRoute, BeneficiarySearchRoute } from "./beneficiary-routes.js";
import { CorrespondenceRoute } from "./contacts-routes.js";
import { HomePage } from "./home-page.js";
import { NotFoundPage } from "./not-found-page.js";
import { PublicLayout } from "./public-layout.js";
import { RequireSession } from "./require-session.js";
import { RoleGate } from "./role-gate.js";

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [{ path: "/sign-in", element: <SignInPage /> }],
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: "/audit",
            element: (
              <RoleGate item="audit">
                <AuditLogPage />
              </RoleGate>
            ),
          },
          {
            path: "/beneficiaries",
            element: (
              <RoleGate item="beneficiaries">
                <BeneficiarySearchRoute />
              </RoleGate>
            ),
          },
          {
            path: "/beneficiaries/new",
            element: (
              <RoleGate item="beneficiaries.register">
                <RegisterBeneficiaryPage />
              </RoleGate>
            ),
          },
          {
            path: "/beneficiaries/:beneficiaryId",
            element: (
              <RoleGate item="beneficiaries">
                <BeneficiaryFileRoute />
              </RoleGate>
            ),
          },
          {
            path: "/beneficiaries/import",
            element: (
              <RoleGate item="beneficiaries.import">
                <ImportBeneficiariesPage />
              </RoleGate>
            ),
          },
          {
            path: "/beneficiaries/:beneficiaryId/edit",
            element: (
              <RoleGate item="beneficiaries.edit">
                <EditBeneficiaryPage />
              </RoleGate>
            ),
          },
          {
            path: "/correspondence",
            element: (
              <RoleGate item="correspondence">
                <CorrespondenceRoute />
              </RoleGate>
            ),
          },
          {
            path: "/admin/calendar",
            element: (
              <RoleGate item="calendar">
                <WorkingCalendarRoute />
              </RoleGate>
            ),
          },
          {
            path: "/admin/liaison",
            element: (
              <RoleGate item="liaison">
                <LiaisonRoutesRoute />
              </RoleGate>
            ),
          },
          {
            path: "/admin/categories",
            element: (
              <RoleGate item="categories">
                <CategoriesPage />
              </RoleGate>
            ),
          },
          // New feature pages go here, each behind the RoleGate of its row in navigation.ts.
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
