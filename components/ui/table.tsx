// One look for every data table. The wrapper scrolls sideways on a phone instead of squeezing
// the columns; header cells carry a scope so screen readers announce the column (or row) each
// value belongs to.
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

type TableProps = ComponentProps<"table"> & {
  /** A border and white background, for a table standing on the page rather than in a Card. */
  framed?: boolean;
  wrapperClassName?: string;
};

export function Table({ framed = false, wrapperClassName, className, ...props }: TableProps) {
  return (
    <div className={cn("overflow-x-auto", framed && "rounded-lg border border-slate-200 bg-white", wrapperClassName)}>
      <table className={cn("w-full text-left text-sm", className)} {...props} />
    </div>
  );
}

export function TableHead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-slate-50 text-slate-600", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-t border-slate-100", className)} {...props} />;
}

/** A header cell: of a column by default, of its row with scope="row". Numeric columns align right. */
export function Th({
  scope = "col",
  numeric = false,
  className,
  ...props
}: ComponentProps<"th"> & { numeric?: boolean }) {
  return <th scope={scope} className={cn("px-3 py-2 font-medium", numeric && "text-right", className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2", className)} {...props} />;
}

/** A number, right-aligned with figures of equal width so columns of counts line up. */
export function NumericCell({ className, ...props }: ComponentProps<"td">) {
  return <Td className={cn("text-right tabular-nums", className)} {...props} />;
}
