// A <select> with its label above it, tied by id, and an optional note below it (issues, a hint).
// "compact" is the size of the designer's dense rows, "form" that of an ordinary form field.
import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/utils";
import { compactControlClass, controlClass } from "./form-field";

export function LabelledSelect({
  label,
  size = "compact",
  className,
  note,
  children,
  ...select
}: Omit<ComponentProps<"select">, "size"> & {
  label: ReactNode;
  size?: "compact" | "form";
  note?: ReactNode;
}) {
  const generated = useId();
  const id = select.id ?? generated;
  return (
    <div className={cn(size === "form" && "space-y-1", className)}>
      <label
        htmlFor={id}
        className={size === "compact" ? "block text-xs font-medium text-slate-600" : "block text-sm font-medium"}
      >
        {label}
      </label>
      <select {...select} id={id} className={size === "compact" ? compactControlClass : controlClass}>
        {children}
      </select>
      {note}
    </div>
  );
}
