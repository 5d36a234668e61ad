// /questionnaires/{id}/versions: published versions, and what changed between any two of them
// (or between the latest version and the current draft).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { VersionDiff } from "@/components/designer/version-diff";
import { compactControlClass } from "@/components/ui/form-field";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { diffDefinitions } from "@/lib/questionnaire/diff-versions";
import { getQuestionnaire, getVersionDefinition } from "@/lib/questionnaire/get-questionnaire";
import { roleFor } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("designer.versions"))("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export default async function VersionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { actor } = await requireOrganization({ permission: "questionnaires.read" });
  const questionnaire = await getQuestionnaire({ db, actor, id, minimum: roleFor("questionnaires.read") });
  if (!questionnaire) notFound();
  const t = await getTranslations("designer.versions");
  const tx = await getTranslations("designer.xlsform");
  const format = await getFormatter();
  const numbers = questionnaire.versions.map((v) => v.number);
  const latest = numbers[0];
  const from = query.from ?? String(numbers[1] ?? latest ?? "");
  const to = query.to ?? (numbers.length > 1 ? String(latest) : "draft");

  // "draft" compares with the current draft, which must validate to be compared structurally.
  const load = async (which: string): Promise<QuestionnaireDefinition | null> => {
    if (which === "draft") {
      const parsed = QuestionnaireDefinitionSchema.safeParse(questionnaire.draft);
      return parsed.success ? parsed.data : null;
    }
    return (await getVersionDefinition({ db, actor, questionnaireId: id, number: Number(which) }))?.definition ?? null;
  };
  const [before, after] = latest ? await Promise.all([load(from), load(to)]) : [null, null];
  const choices = [
    ...numbers.map((n) => ({ value: String(n), label: t("version", { number: n }) })),
    { value: "draft", label: t("draft") },
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: `/questionnaires/${id}`, label: t("back") }}
        title={t("heading", { code: questionnaire.code })}
      />
      {numbers.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {questionnaire.versions.map((v) => (
            <li key={v.number} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span>
                <strong>{t("version", { number: v.number })}</strong> ·{" "}
                {format.dateTime(v.publishedAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
                {t("surveys", { count: v._count.surveys })}
              </span>
              <span className="flex gap-3">
                <a className="underline" href={`/api/v1/questionnaires/${id}/definition?version=${v.number}`} download>
                  {t("download")}
                </a>
                <a className="underline" href={`/api/v1/questionnaires/${id}/xlsform?version=${v.number}`} download>
                  {tx("exportXlsform")}
                </a>
                <Link className="underline" href={`/surveys/new?questionnaire=${id}&version=${v.number}`}>
                  {t("field")}
                </Link>
              </span>
            </li>
          ))}
        </ul>
      )}
      {latest && (
        <section aria-labelledby="compare-title" className="space-y-3">
          <h2 id="compare-title" className="text-xl font-semibold">
            {t("compare")}
          </h2>
          <form className="flex flex-wrap items-end gap-2">
            {(["from", "to"] as const).map((name) => (
              <div key={name}>
                <label htmlFor={`diff-${name}`} className="block text-sm">
                  {t(name)}
                </label>
                <select
                  id={`diff-${name}`}
                  name={name}
                  defaultValue={name === "from" ? from : to}
                  className={compactControlClass}
                >
                  {choices.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <Button type="submit" variant="secondary">
              {t("show")}
            </Button>
          </form>
          {before && after ? (
            <VersionDiff changes={diffDefinitions(before, after)} />
          ) : (
            <p className="text-amber-800">{t("cannotCompare")}</p>
          )}
        </section>
      )}
    </div>
  );
}
