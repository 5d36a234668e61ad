"use client";
// Closes or reopens a survey's open link; a survey whose link is closed is invitation-only.
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

export function CollectorOpenToggle(props: { open: boolean; setOpen: (open: boolean) => Promise<void> }) {
  const t = useTranslations("surveys.collectors");
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      size="sm"
      variant="secondary"
      disabled={pending}
      onClick={() => startTransition(() => props.setOpen(!props.open))}
    >
      {props.open ? t("closeLink") : t("reopenLink")}
    </Button>
  );
}
