"use client";
// Three ways to start a questionnaire: blank, from a shipped template, or by importing a JSON
// file (uploaded or pasted). An import is checked in the browser with the same schema the server
// uses, so problems are listed with their place in the document before anything is sent.
import { useActionState, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { compactControlClass } from "@/components/ui/form-field";
import { TextFileInput } from "@/components/ui/text-file-input";

type CreateState = { error?: string; issues?: { path: string; message: string }[] } | null;
type Action = (state: CreateState, form: FormData) => Promise<CreateState>;

function ErrorText({ state }: { state: CreateState }) {
  const t = useTranslations("designer.create");
  if (!state?.error) return null;
  return (
    <div role="alert" className="mt-2 text-sm text-red-700">
      <p>{t(`errors.${state.error}` as "errors.codeFormat")}</p>
      {state.issues && (
        <ul className="mt-1 list-disc pl-5" data-testid="import-issues">
          {state.issues.slice(0, 50).map((i) => (
            <li key={i.path + i.message}>
              <code>{i.path || "/"}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CodeInput({ defaultValue }: { defaultValue?: string }) {
  const t = useTranslations("designer.create");
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {t("code")}
      </label>
      <input
        id={id}
        name="code"
        required
        pattern="[a-z][a-z0-9_]*"
        defaultValue={defaultValue}
        className={compactControlClass}
        aria-describedby={`${id}-help`}
      />
      <p id={`${id}-help`} className="text-xs text-slate-500">
        {t("codeHelp")}
      </p>
    </div>
  );
}

export function NewQuestionnaireForms(props: {
  templates: { code: string; title: string; source: string; suggestedCode: string }[];
  createBlank: Action;
  createFromTemplate: Action;
  importDefinition: Action;
}) {
  const t = useTranslations("designer.create");
  const [blankState, blankAction, blankPending] = useActionState(props.createBlank, null);
  const [templateState, templateAction, templatePending] = useActionState(props.createFromTemplate, null);
  const [importState, importAction, importPending] = useActionState(props.importDefinition, null);
  const [template, setTemplate] = useState(props.templates[0]?.code ?? "");
  const [json, setJson] = useState("");
  const [localIssues, setLocalIssues] = useState<CreateState>(null);
  const ids = { zh: useId(), en: useId(), template: useId(), json: useId(), file: useId() };

  const check = (text: string) => {
    setJson(text);
    if (!text.trim()) return setLocalIssues(null);
    try {
      const parsed = QuestionnaireDefinitionSchema.safeParse(JSON.parse(text));
      setLocalIssues(
        parsed.success
          ? null
          : {
              error: "importInvalid",
              issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
            },
      );
    } catch {
      setLocalIssues({ error: "importNotJson" });
    }
  };

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card>
        <CardTitle>{t("blankTitle")}</CardTitle>
        <form action={blankAction} className="mt-3 space-y-3">
          <CodeInput />
          <div>
            <label htmlFor={ids.zh} className="block text-sm font-medium">
              {t("titleZh")}
            </label>
            <input id={ids.zh} name="titleZh" lang="zh" className={compactControlClass} />
          </div>
          <div>
            <label htmlFor={ids.en} className="block text-sm font-medium">
              {t("titleEn")}
            </label>
            <input id={ids.en} name="titleEn" lang="en" className={compactControlClass} />
          </div>
          <Button type="submit" disabled={blankPending}>
            {t("createBlank")}
          </Button>
          <ErrorText state={blankState} />
        </form>
      </Card>
      <Card>
        <CardTitle>{t("templateTitle")}</CardTitle>
        <form action={templateAction} className="mt-3 space-y-3">
          <div>
            <label htmlFor={ids.template} className="block text-sm font-medium">
              {t("template")}
            </label>
            <select
              id={ids.template}
              name="template"
              className={compactControlClass}
              value={template}
              onChange={(e) => setTemplate(e.target.value)}
            >
              {props.templates.map((tpl) => (
                <option key={tpl.code} value={tpl.code}>
                  {tpl.title}
                </option>
              ))}
            </select>
            <p className="mt-1 text-xs text-slate-500">{props.templates.find((x) => x.code === template)?.source}</p>
          </div>
          <CodeInput key={template} defaultValue={props.templates.find((x) => x.code === template)?.suggestedCode} />
          <Button type="submit" disabled={templatePending}>
            {t("createFromTemplate")}
          </Button>
          <ErrorText state={templateState} />
        </form>
      </Card>
      <Card>
        <CardTitle>{t("importTitle")}</CardTitle>
        <form action={importAction} className="mt-3 space-y-3">
          <TextFileInput id={ids.file} label={t("importFile")} accept="application/json,.json" onText={check} />
          <div>
            <label htmlFor={ids.json} className="block text-sm font-medium">
              {t("importPaste")}
            </label>
            <textarea
              id={ids.json}
              name="definition"
              value={json}
              onChange={(e) => check(e.target.value)}
              className={`${compactControlClass} h-32 font-mono text-xs`}
            />
          </div>
          <Button type="submit" disabled={importPending || Boolean(localIssues) || !json.trim()}>
            {t("import")}
          </Button>
          <ErrorText state={localIssues ?? importState} />
        </form>
      </Card>
    </div>
  );
}
