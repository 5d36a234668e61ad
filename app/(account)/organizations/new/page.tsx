import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateOrganizationForm } from "@/components/account/create-organization-form";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { createOrganizationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.organizations"))("newTitle") };
}

export default async function NewOrganizationPage() {
  const actor = await requireActor();
  const t = await getTranslations("account.organizations");
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-2xl font-bold tracking-tight">{t("newTitle")}</h1>
        <p className="mt-2 mb-6 text-slate-600">{t("newLead")}</p>
        {actor.memberships.length === 0 && (
          <p className="mb-6 rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("none")}</p>
        )}
        <CreateOrganizationForm action={createOrganizationAction} />
      </Card>
    </div>
  );
}
