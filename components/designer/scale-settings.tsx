"use client";
// The scale of a scale or matrix question: its range, the labels of its points and the
// threshold from which an answer counts as concern for the factor.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { getAt, useDesigner, type Path } from "./designer-context";
import { LocalizedField, NumberField } from "./fields";

type Scale = { min: number; max: number; points?: { value: number; label: { zh?: string; en?: string } }[] };

export function ScaleSettings({ path }: { path: Path }) {
  const t = useTranslations("designer");
  const { draft, update } = useDesigner();
  const scale = getAt(draft, [...path, "scale"]) as Scale;
  const setPoints = (points: Scale["points"]) =>
    update((d) => {
      const s = getAt(d, [...path, "scale"]) as Scale;
      if (points) s.points = points;
      else delete s.points;
    });
  const range =
    Number.isInteger(scale.min) && Number.isInteger(scale.max) && scale.max - scale.min <= 12
      ? Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i)
      : [];
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-3 gap-2">
        <NumberField path={[...path, "scale", "min"]} label={t("scaleMin")} />
        <NumberField path={[...path, "scale", "max"]} label={t("scaleMax")} />
        <NumberField path={[...path, "attentionThreshold"]} label={t("attentionThreshold")} />
      </div>
      <p className="text-xs text-slate-500">{t("attentionThresholdHelp")}</p>
      {scale.points ? (
        <div className="space-y-2">
          {scale.points.map((p, i) => (
            <LocalizedField
              key={i}
              path={[...path, "scale", "points", i, "label"]}
              label={t("pointLabel", { value: p.value })}
            />
          ))}
          <Button type="button" size="sm" variant="ghost" onClick={() => setPoints(undefined)}>
            {t("removePointLabels")}
          </Button>
        </div>
      ) : (
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={range.length === 0}
          onClick={() => setPoints(range.map((value) => ({ value, label: {} })))}
        >
          {t("addPointLabels")}
        </Button>
      )}
    </div>
  );
}
