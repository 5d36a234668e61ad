"use client";
// Move up, move down, duplicate and delete for one item of a list; the buttons name the item
// for screen readers ("Move question region up").
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function ItemActions({
  name,
  index,
  count,
  onMove,
  onDuplicate,
  onDelete,
}: {
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onDuplicate?: () => void;
  onDelete?: () => void;
}) {
  const t = useTranslations("designer.actions");
  return (
    <div className="flex flex-wrap gap-1">
      <Button
        type="button"
        size="sm"
        variant="ghost"
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
        aria-label={t("moveUp", { name })}
      >
        ↑
      </Button>
      <Button
        type="button"
        size="sm"
        variant="ghost"
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
        aria-label={t("moveDown", { name })}
      >
        ↓
      </Button>
      {onDuplicate && (
        <Button type="button" size="sm" variant="ghost" onClick={onDuplicate} aria-label={t("duplicate", { name })}>
          {t("duplicateShort")}
        </Button>
      )}
      {onDelete && (
        <Button
          type="button"
          size="sm"
          variant="ghost"
          className="text-red-700"
          onClick={onDelete}
          aria-label={t("delete", { name })}
        >
          {t("deleteShort")}
        </Button>
      )}
    </div>
  );
}
