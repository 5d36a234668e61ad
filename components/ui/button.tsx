// A button, or (asChild) a link styled as one. Its looks are the .btn classes of app/globals.css,
// which sit in Tailwind's components layer: a utility passed in className (text-red-700 on a
// ghost button, w-full) always wins over a variant's default, so no class-merging code
// (tailwind-merge, about 8 kB gzipped) has to reach every page that shows a button.
import { clsx } from "clsx";
import { cloneElement, isValidElement, type ComponentProps } from "react";

type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
type ButtonSize = "md" | "sm";

function buttonClass(opts: { variant?: ButtonVariant | null; size?: ButtonSize | null; className?: string } = {}) {
  return clsx("btn", `btn-${opts.variant ?? "primary"}`, `btn-${opts.size ?? "md"}`, opts.className);
}

type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant | null;
  size?: ButtonSize | null;
  asChild?: boolean;
};

export function Button({ className, variant, size, asChild = false, children, ...props }: ButtonProps) {
  const classes = buttonClass({ variant, size, className });
  // asChild styles its one child (a Link) instead of rendering a <button>. cloneElement is all that
  // takes here: Radix's Slot also merges refs and event handlers, which no caller needs, and its
  // code would load with every page (the root error boundary shows a Button).
  if (asChild && isValidElement<{ className?: string }>(children)) {
    return cloneElement(children, { ...props, className: clsx(classes, children.props.className) });
  }
  return (
    <button className={classes} {...props}>
      {children}
    </button>
  );
}
