import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { pickMessages } from "@/lib/i18n/pick-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appShortName")}` }, description: t("footer") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** What the client components of every page use: the header's language and organization switches, the error page. */
const SHARED_CLIENT_MESSAGES = ["common", "auth.header"];

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const messages = pickMessages(await getMessages(), SHARED_CLIENT_MESSAGES);
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"} className={GeistSans.variable}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider messages={messages}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
          >
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
          <footer className="mx-auto max-w-6xl px-4 pb-10 text-sm text-slate-500">{t("footer")}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
