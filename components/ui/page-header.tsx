// A page's heading block: an optional link back up, the title, a lead line, and actions on the right.
import Link from "next/link";
import type { ReactNode } from "react";

export function PageHeader(props: {
  title: ReactNode;
  back?: { href: string; label: ReactNode };
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { title, back, lead, actions, children } = props;
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div>
        {back && (
          <Link href={back.href} className="text-sm text-brand-700 underline">
            {back.label}
          </Link>
        )}
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold tracking-tight">{title}</h1>
        {lead && <p className="mt-1 max-w-3xl text-slate-600">{lead}</p>}
        {children}
      </div>
      {actions}
    </header>
  );
}
