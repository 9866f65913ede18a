import { createBrowserRouter } from "react-router";
import { AuditLogPage } from "../features/audit/components/audit-log-page.js";
import { SignInPage } from "../features/auth/components/sign-in-page.js";
import { RegisterBeneficiaryPage } from "../features/beneficiaries/components/register-beneficiary-page.js";
import { AppShell } from "./app-shell.js";
import { BeneficiaryFileRoute, BeneficiarySearchRoute } from "./beneficiary-routes.js";
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
          // New feature pages go here, each behind the RoleGate of its row in navigation.ts.
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
