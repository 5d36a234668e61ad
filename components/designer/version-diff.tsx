// The changes between two versions, in words: "Option land_use added to macro_constraints".
import { getTranslations } from "next-intl/server";
import type { DefinitionChange } from "@/lib/questionnaire/diff-versions";

export async function VersionDiff({ changes }: { changes: DefinitionChange[] }) {
  const t = await getTranslations("designer.diff");
  if (changes.length === 0)
    return (
      <p className="text-slate-600" data-testid="diff-empty">
        {t("none")}
      </p>
    );
  const tone = {
    added: "bg-green-50 border-green-600",
    removed: "bg-red-50 border-red-600",
    changed: "bg-amber-50 border-amber-500",
  };
  return (
    <ul className="space-y-2" data-testid="diff">
      {changes.map((c, i) => (
        <li key={i} className={`rounded-md border-l-4 px-3 py-2 text-sm ${tone[c.kind]}`}>
          <span className="font-medium">{t(`kinds.${c.kind}`)}</span> {t(`targets.${c.target}`)} <code>{c.code}</code>
          {c.parent && (
            <>
              {" "}
              {t("in")} <code>{c.parent}</code>
            </>
          )}
          {c.kind === "changed" && (
            <span className="text-slate-700">: {c.fields.map((f) => t(`fields.${f}`)).join(t("separator"))}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
