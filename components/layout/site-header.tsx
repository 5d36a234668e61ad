import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { actorOrganizations, currentOrganization } from "@/lib/auth/current-organization";
import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path-header";
import { isRespondentPath } from "@/lib/surveys/public-url";
import { LanguageSwitch } from "./language-switch";
import { OrganizationSwitcher } from "./organization-switcher";
import { SignOutButton } from "./sign-out-button";

const linkClass = "rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900";

async function SignedInNav() {
  const actor = await getActor();
  const t = await getTranslations("auth.header");
  if (!actor) {
    return (
      <Link href="/sign-in" className={linkClass}>
        {t("signIn")}
      </Link>
    );
  }
  const [user, organizations, current] = await Promise.all([
    currentUser(actor),
    actorOrganizations(actor),
    currentOrganization(actor),
  ]);
  const role = current?.role ?? "viewer";
  return (
    <>
      <nav aria-label={t("researcherNav")} className="flex flex-wrap items-center gap-1">
        {can(role, "questionnaires.read") && (
          <Link href="/questionnaires" className={linkClass}>
            {t("questionnaires")}
          </Link>
        )}
        <Link href="/surveys" className={linkClass}>
          {t("surveys")}
        </Link>
        <Link href="/organization" className={linkClass}>
          {t("members")}
        </Link>
        {role === "owner" && (
          <Link href="/organization/audit" className={linkClass}>
            {t("auditLog")}
          </Link>
        )}
        <Link href="/account/tokens" className={linkClass}>
          {t("apiTokens")}
        </Link>
        <Link href="/account/password" className={linkClass}>
          {t("password")}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        {current && organizations.length > 1 ? (
          <OrganizationSwitcher organizations={organizations} current={current.slug} />
        ) : current ? (
          <span className="text-sm text-slate-600" data-testid="current-organization">
            {current.name}
          </span>
        ) : (
          <Link href="/organizations/new" className={linkClass}>
            {t("newOrganization")}
          </Link>
        )}
        <span className="text-sm font-medium text-slate-800" data-testid="signed-in-user">
          {user?.name}
        </span>
        <SignOutButton />
      </div>
    </>
  );
}

export async function SiteHeader() {
  const t = await getTranslations("common");
  // Firms answering a survey have no account to sign in to: their pages show only the language switch.
  const respondentPage = isRespondentPath((await headers()).get(REQUEST_PATH_HEADER));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-base font-semibold text-brand-800">
          {t("appName")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          {!respondentPage && <SignedInNav />}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
