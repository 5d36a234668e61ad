// Previous / next links around "page x of y" for a list shown a page at a time.
import Link from "next/link";
import type { ReactNode } from "react";

export function Pager(props: {
  label: string;
  status: ReactNode;
  previous?: { href: string; label: ReactNode };
  next?: { href: string; label: ReactNode };
}) {
  const { label, status, previous, next } = props;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-3 text-sm">
      {previous ? (
        <Link href={previous.href} className="text-brand-700 underline">
          {previous.label}
        </Link>
      ) : (
        <span />
      )}
      <span>{status}</span>
      {next ? (
        <Link href={next.href} className="text-brand-700 underline">
          {next.label}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
