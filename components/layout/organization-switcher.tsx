"use client";
// Chooses the organization the researcher pages act in; the page re-renders in place.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setCurrentOrganization } from "@/lib/auth/set-current-organization-action";

export function OrganizationSwitcher({
  organizations,
  current,
}: {
  organizations: { slug: string; name: string }[];
  current: string;
}) {
  const t = useTranslations("auth.header");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("switchOrganization")}</span>
      <select
        value={current}
        disabled={pending}
        data-testid="organization-switcher"
        onChange={(e) => {
          const slug = e.target.value;
          startTransition(async () => {
            await setCurrentOrganization(slug);
            router.refresh();
          });
        }}
        className="min-h-9 max-w-[16rem] rounded-md border border-slate-300 bg-white px-2 text-sm"
      >
        {organizations.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
