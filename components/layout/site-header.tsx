import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-base font-semibold text-brand-800">
          {t("appName")}
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-2">
          <LanguageSwitch />
        </nav>
      </div>
    </header>
  );
}
