"use client";
// A secret shown once (an invitation link, an API token), selectable and copyable.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/form-field";

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const t = useTranslations("account.invite");
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <input
        aria-label={label}
        readOnly
        value={value}
        data-testid={testId}
        onFocus={(e) => e.currentTarget.select()}
        className={`${controlClass} font-mono text-xs sm:text-xs`}
      />
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(value);
          setCopied(true);
        }}
      >
        {copied ? t("copied") : t("copy")}
      </Button>
    </div>
  );
}
