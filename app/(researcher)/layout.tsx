// Client components of these pages read texts from many namespaces, so they get all of them
// (the root layout sends only what every page shares).
import { NextIntlClientProvider } from "next-intl";

export default function MessagesLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
