"use client";
// The link that brings a saved filling back on any device (the submissionId is its key).
import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};

export function ResumeLink({ slug, submissionId }: { slug: string; submissionId: string }) {
  const t = useTranslations("respondent.form");
  // The server does not know the address the firm reached it by; the browser does.
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const [copied, setCopied] = useState(false);
  const link = `${origin}/s/${encodeURIComponent(slug)}?resume=${submissionId}`;
  return (
    <section aria-labelledby="resume-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="resume-title" className="font-semibold">
        {t("resumeTitle")}
      </h2>
      <label htmlFor="resume-link" className="mt-1 block text-sm text-slate-700">
        {t("resumeBody")}
      </label>
      <div className="mt-2 flex flex-wrap gap-2">
        <input
          id="resume-link"
          readOnly
          value={link}
          onFocus={(e) => e.target.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-400 bg-slate-50 px-3 py-2 text-sm"
        />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? t("copied") : t("copyLink")}
        </Button>
      </div>
    </section>
  );
}
