"use client";
// Under the settings: apply the minimum completion time, as saved, to the responses already stored
// (the same endpoint a script uses), and say what changed. A changed minimum otherwise applies to
// new responses only.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function ReapplyMinimumTime({
  slug,
  minCompletionSeconds,
}: {
  slug: string;
  minCompletionSeconds: number | null;
}) {
  const t = useTranslations("surveys.rescreen");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const response = await fetch(`/api/v1/surveys/${encodeURIComponent(slug)}/screening`, { method: "POST" }).catch(
      () => null,
    );
    const json = response ? await response.json().catch(() => ({})) : {};
    setMessage(
      response?.ok ? t("done", { screened: json.screened, restored: json.restored }) : (json.message ?? t("failed")),
    );
    setBusy(false);
  };
  return (
    <div className="mt-4 border-t border-slate-200 pt-4 text-sm">
      <p className="text-slate-700">
        {minCompletionSeconds === null ? t("leadNone") : t("lead", { seconds: minCompletionSeconds })}
      </p>
      <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={run} disabled={busy}>
        {t("button")}
      </Button>
      {message && (
        <p role="status" className="mt-2 text-slate-800" data-testid="rescreen-result">
          {message}
        </p>
      )}
    </div>
  );
}
