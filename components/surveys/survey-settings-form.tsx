"use client";
// Creates a survey from a published version, or edits an existing survey's settings. Dates are
// entered in the researcher's local time and sent as exact instants.
import { useActionState, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { compactControlClass } from "@/components/ui/form-field";
import { suggestSlug } from "@/lib/surveys/survey-schema";

export type SurveyFormState = { errors?: Record<string, string>; suggestion?: string; saved?: boolean } | null;
type VersionChoice = { id: string; label: string; titleZh: string; titleEn: string };
export type SurveyFormValues = {
  versionId?: string;
  slug?: string;
  titleZh: string;
  titleEn: string;
  defaultLocale: "zh" | "en";
  opensAt: string | null;
  closesAt: string | null;
  minCompletionSeconds: number | null;
  smallCellThreshold: number;
  publicDashboard: boolean;
  disclosureMethod: "perturb" | "suppress_only";
  perturbationBound: number;
  publicUpdateSeconds: number;
  publicUpdateMinResponses: number | null;
  embedOrigins: string[];
};

/** "2020-03-01T08:00" in the browser's time zone, for a datetime-local input. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const toInstant = (local: string) => (local ? new Date(local).toISOString() : "");

export function SurveySettingsForm(props: {
  mode: "create" | "edit";
  action: (state: SurveyFormState, form: FormData) => Promise<SurveyFormState>;
  initial: SurveyFormValues;
  versions?: VersionChoice[];
}) {
  const t = useTranslations("surveys.form");
  const te = useTranslations("surveys.errors");
  const [state, formAction, pending] = useActionState(props.action, null);
  const base = useId();
  const [titleEn, setTitleEn] = useState(props.initial.titleEn);
  const [titleZh, setTitleZh] = useState(props.initial.titleZh);
  const [slug, setSlug] = useState(props.initial.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(Boolean(props.initial.slug));
  const [opens, setOpens] = useState(toLocalInput(props.initial.opensAt));
  const [closes, setCloses] = useState(toLocalInput(props.initial.closesAt));
  const year = opens ? new Date(opens).getFullYear() : new Date().getFullYear();
  const shownSlug = slugEdited ? slug : suggestSlug(titleEn, year);

  const chooseVersion = (id: string) => {
    const v = props.versions?.find((x) => x.id === id);
    if (v && !titleZh && !titleEn) {
      setTitleZh(v.titleZh);
      setTitleEn(v.titleEn);
    }
  };
  const error = (name: string) =>
    state?.errors?.[name] ? (
      <p id={`${base}-${name}-error`} className="mt-1 text-sm text-red-700">
        {te(state.errors[name] as "slugFormat")}
        {name === "slug" && state.suggestion && (
          <>
            {" "}
            <button
              type="button"
              className="underline"
              onClick={() => (setSlug(state.suggestion!), setSlugEdited(true))}
            >
              {t("useSuggestion", { slug: state.suggestion })}
            </button>
          </>
        )}
      </p>
    ) : null;
  const invalid = (name: string) =>
    state?.errors?.[name] ? { "aria-invalid": true, "aria-describedby": `${base}-${name}-error` } : {};
  const label = (name: string, text: string) => (
    <label htmlFor={`${base}-${name}`} className="block text-sm font-medium">
      {text}
    </label>
  );

  return (
    <form action={formAction} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      {props.mode === "create" && (
        <div className="sm:col-span-2">
          {label("versionId", t("version"))}
          <select
            id={`${base}-versionId`}
            name="versionId"
            defaultValue={props.initial.versionId}
            className={compactControlClass}
            onChange={(e) => chooseVersion(e.target.value)}
            {...invalid("versionId")}
          >
            {props.versions?.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
          {error("versionId")}
        </div>
      )}
      <div>
        {label("titleZh", t("titleZh"))}
        <input
          id={`${base}-titleZh`}
          name="titleZh"
          lang="zh"
          value={titleZh}
          onChange={(e) => setTitleZh(e.target.value)}
          className={compactControlClass}
          {...invalid("titleZh")}
        />
        {error("titleZh")}
      </div>
      <div>
        {label("titleEn", t("titleEn"))}
        <input
          id={`${base}-titleEn`}
          name="titleEn"
          lang="en"
          value={titleEn}
          onChange={(e) => setTitleEn(e.target.value)}
          className={compactControlClass}
          {...invalid("titleEn")}
        />
        {error("titleEn")}
      </div>
      {props.mode === "create" && (
        <div className="sm:col-span-2">
          {label("slug", t("slug"))}
          <div className="flex items-center gap-1">
            <span className="text-sm text-slate-500">/s/</span>
            <input
              id={`${base}-slug`}
              name="slug"
              value={shownSlug}
              onChange={(e) => (setSlug(e.target.value), setSlugEdited(true))}
              className={compactControlClass}
              aria-describedby={`${base}-slug-help`}
              {...invalid("slug")}
            />
          </div>
          <p id={`${base}-slug-help`} className="text-xs text-slate-500">
            {t("slugHelp")}
          </p>
          {error("slug")}
        </div>
      )}
      <div>
        {label("opensAt", t("opensAt"))}
        <input
          id={`${base}-opensAt`}
          type="datetime-local"
          value={opens}
          onChange={(e) => setOpens(e.target.value)}
          className={compactControlClass}
          {...invalid("opensAt")}
        />
        <input type="hidden" name="opensAt" value={toInstant(opens)} />
        <p className="text-xs text-slate-500">{t("opensAtHelp")}</p>
        {error("opensAt")}
      </div>
      <div>
        {label("closesAt", t("closesAt"))}
        <input
          id={`${base}-closesAt`}
          type="datetime-local"
          value={closes}
          onChange={(e) => setCloses(e.target.value)}
          className={compactControlClass}
          {...invalid("closesAt")}
        />
        <input type="hidden" name="closesAt" value={toInstant(closes)} />
        <p className="text-xs text-slate-500">{t("closesAtHelp")}</p>
        {error("closesAt")}
      </div>
      <div>
        {label("defaultLocale", t("defaultLocale"))}
        <select
          id={`${base}-defaultLocale`}
          name="defaultLocale"
          defaultValue={props.initial.defaultLocale}
          className={compactControlClass}
        >
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </div>
      <div>
        {label("minCompletionSeconds", t("minCompletionSeconds"))}
        <input
          id={`${base}-minCompletionSeconds`}
          name="minCompletionSeconds"
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={props.initial.minCompletionSeconds ?? ""}
          className={compactControlClass}
          {...invalid("minCompletionSeconds")}
        />
        <p className="text-xs text-slate-500">{t("minCompletionHelp")}</p>
        {error("minCompletionSeconds")}
      </div>
      <div>
        {label("smallCellThreshold", t("smallCellThreshold"))}
        <input
          id={`${base}-smallCellThreshold`}
          name="smallCellThreshold"
          type="number"
          min={1}
          inputMode="numeric"
          defaultValue={props.initial.smallCellThreshold}
          className={compactControlClass}
          {...invalid("smallCellThreshold")}
        />
        <p className="text-xs text-slate-500">{t("smallCellHelp")}</p>
        {error("smallCellThreshold")}
      </div>
      <div className="flex items-center">
        <label className="inline-flex min-h-10 items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="publicDashboard"
            defaultChecked={props.initial.publicDashboard}
            className="size-4"
          />
          {t("publicDashboard")}
        </label>
      </div>
      <fieldset className="grid gap-3 rounded border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium">{t("disclosure")}</legend>
        <div className="sm:col-span-2">
          {label("disclosureMethod", t("disclosureMethod"))}
          <select
            id={`${base}-disclosureMethod`}
            name="disclosureMethod"
            defaultValue={props.initial.disclosureMethod}
            className={compactControlClass}
            {...invalid("disclosureMethod")}
          >
            <option value="perturb">{t("disclosurePerturb")}</option>
            <option value="suppress_only">{t("disclosureSuppressOnly")}</option>
          </select>
          <p className="text-xs text-slate-500">{t("disclosureHelp")}</p>
          {error("disclosureMethod")}
        </div>
        {(
          [
            ["perturbationBound", props.initial.perturbationBound, 1, null],
            ["publicUpdateSeconds", props.initial.publicUpdateSeconds, 10, null],
            ["publicUpdateMinResponses", props.initial.publicUpdateMinResponses, 1, "publicUpdateMinHelp"],
          ] as const
        ).map(([name, value, min, help]) => (
          <div key={name}>
            {label(name, t(name))}
            <input
              id={`${base}-${name}`}
              name={name}
              type="number"
              min={min}
              inputMode="numeric"
              defaultValue={value ?? ""}
              className={compactControlClass}
              {...invalid(name)}
            />
            {help && <p className="text-xs text-slate-500">{t(help)}</p>}
            {error(name)}
          </div>
        ))}
      </fieldset>
      <div className="sm:col-span-2">
        {label("embedOrigins", t("embedOrigins"))}
        <textarea
          id={`${base}-embedOrigins`}
          name="embedOrigins"
          rows={2}
          defaultValue={props.initial.embedOrigins.join("\n")}
          placeholder="https://www.example.org"
          className={compactControlClass}
          {...invalid("embedOrigins")}
        />
        <p className="text-xs text-slate-500">{t("embedOriginsHelp")}</p>
        {error("embedOrigins")}
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {props.mode === "create" ? t("create") : t("save")}
        </Button>
        <p role="status" className="mt-2 text-sm text-green-800">
          {state?.saved ? t("saved") : ""}
        </p>
      </div>
    </form>
  );
}
