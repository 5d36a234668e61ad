import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { changePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.password"))("title") };
}

export default async function ChangePasswordPage() {
  await requireActor();
  const t = await getTranslations("account.password");
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 mb-6 text-slate-600">{t("lead")}</p>
        <ChangePasswordForm action={changePasswordAction} />
      </Card>
    </div>
  );
}
