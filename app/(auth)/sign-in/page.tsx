import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { getActor } from "@/lib/auth/actor";
import { demoLoginsAvailable } from "@/lib/auth/demo-logins";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof query.callbackUrl === "string" ? query.callbackUrl : null, "/surveys");
  if (await getActor()) redirect(callbackUrl);
  const t = await getTranslations("auth.signIn");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 mb-6 text-sm text-slate-600">{t("lead")}</p>
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={typeof query.error === "string" ? query.error : undefined}
        />
        {(await demoLoginsAvailable()) && <p className="mt-6 text-xs text-slate-500">{t("demoHint")}</p>}
      </Card>
    </div>
  );
}
