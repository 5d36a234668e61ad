import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { JoinOrganizationButton } from "@/components/auth/join-organization-button";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-field";
import { getActor } from "@/lib/auth/actor";
import { currentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { findInvitation } from "@/lib/organizations/find-invitation";
import { acceptAsNewUserAction, acceptAsUserAction } from "./actions";

// The secret is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = { robots: { index: false }, referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("account");
  const roles = await getTranslations("auth.roles");
  const invitation = await findInvitation({ db, token });
  const actor = await getActor();

  if (!invitation || invitation.state !== "open") {
    return (
      <div className="mx-auto max-w-md">
        <Card>
          <h1 className="mb-4 text-2xl font-bold tracking-tight">{t("accept.invalidTitle")}</h1>
          <FormMessage tone="error">{t(`errors.${invitation ? invitation.state : "invitationInvalid"}`)}</FormMessage>
        </Card>
      </div>
    );
  }

  const names = { organization: invitation.organizationName, role: roles(invitation.role), email: invitation.email };
  const user = actor ? await currentUser(actor) : null;
  const callbackUrl = `/invitations/${encodeURIComponent(token)}`;
  let body: React.ReactNode;
  if (user && user.email === invitation.email) {
    body = <JoinOrganizationButton action={acceptAsUserAction.bind(null, token)} label={t("accept.join", names)} />;
  } else if (user) {
    body = (
      <div className="space-y-4">
        <FormMessage tone="error">{t("errors.emailMismatch")}</FormMessage>
        <SignOutButton />
      </div>
    );
  } else if (invitation.accountExists) {
    body = (
      <div className="space-y-4">
        <p>{t("accept.signInFirst", names)}</p>
        <Button asChild className="w-full">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t("accept.signInToAccept")}</Link>
        </Button>
      </div>
    );
  } else {
    body = (
      <>
        <h2 className="mb-3 text-lg font-semibold">{t("accept.newAccount")}</h2>
        <AcceptInvitationForm action={acceptAsNewUserAction.bind(null, token)} email={invitation.email} />
      </>
    );
  }

  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-bold tracking-tight">{t("accept.title", names)}</h1>
        <p className="mt-2 mb-6 text-slate-700">{t("accept.lead", names)}</p>
        {body}
      </Card>
    </div>
  );
}
