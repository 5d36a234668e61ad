// The respondent pages send the browser only the texts of the fill-in form, so that the page a
// firm opens on its phone stays small.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/pick-messages";

const FORM_MESSAGES = ["respondent.form", "respondent.submit", "respondent.issues"];

export default async function RespondentLayout({ children }: { children: React.ReactNode }) {
  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), FORM_MESSAGES)}>
      {children}
    </NextIntlClientProvider>
  );
}
