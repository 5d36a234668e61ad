// Signs out through a server action: a plain form that works before (or without) JavaScript.
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/auth/sign-out-action";

export async function SignOutButton() {
  const t = await getTranslations("auth.header");
  return (
    <form action={signOut}>
      <Button type="submit" variant="ghost" size="sm">
        {t("signOut")}
      </Button>
    </form>
  );
}
