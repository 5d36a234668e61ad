// A labelled form control with an optional hint and error, tied together for screen readers
// (aria-describedby, aria-invalid). The control is rendered by `children` with the ids it needs.
import { useId, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/** Denser controls for editing screens with many fields (the questionnaire designer, survey tools). */
export const compactControlClass =
  "min-h-10 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600";

export const controlClass =
  "min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600";

type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

export function FormField({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true as const } : {}) })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** A message about the whole form: an error (announced at once) or a confirmation. */
export function FormMessage({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-green-200 bg-green-50 text-green-800",
      )}
    >
      {children}
    </p>
  );
}
