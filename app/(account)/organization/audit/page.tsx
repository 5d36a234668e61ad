import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { controlClass } from "@/components/ui/form-field";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { auditDetails, auditPageHref } from "@/lib/audit/audit-details";
import { AuditFilterSchema } from "@/lib/audit/audit-filter-schema";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.header"))("auditLog") };
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, organization } = await requireOrganization({ minimumRole: "owner" });
  const filter = AuditFilterSchema.parse(await searchParams);
  const log = await listAuditEvents({ db, actor, organizationId: organization.id, filter });
  const t = await getTranslations("account.audit");
  const actionName = (action: string) => ((AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`actions.${action}`) : action);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t("title", { organization: organization.name })}</h1>
        <p className="mt-2 max-w-3xl text-slate-600">{t("lead")}</p>
      </header>

      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-[1fr_10rem_10rem_auto_auto] sm:items-end">
          <label className="space-y-1 text-sm font-medium">
            <span className="block">{t("action")}</span>
            <select name="action" defaultValue={filter.action ?? ""} className={controlClass}>
              <option value="">{t("allActions")}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`actions.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm font-medium">
            <span className="block">{t("from")}</span>
            <input type="date" name="from" defaultValue={filter.from} className={controlClass} />
          </label>
          <label className="space-y-1 text-sm font-medium">
            <span className="block">{t("to")}</span>
            <input type="date" name="to" defaultValue={filter.to} className={controlClass} />
          </label>
          <Button type="submit">{t("filter")}</Button>
          <Button asChild variant="ghost">
            <Link href="/organization/audit">{t("reset")}</Link>
          </Button>
        </form>
      </Card>

      <Card>
        <p className="mb-3 text-sm text-slate-600" data-testid="audit-total">
          {t("total", { total: log.total })}
        </p>
        {log.events.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("when")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("who")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("what")}</th>
                  <th scope="col" className="py-2 font-medium">{t("details")}</th>
                </tr>
              </thead>
              <tbody>
                {log.events.map((e) => (
                  <tr key={e.id} className="border-b border-slate-100 align-top" data-testid="audit-row" data-action={e.action}>
                    <td className="py-2 pr-3 font-mono text-xs whitespace-nowrap">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                    <td className="py-2 pr-3">{e.actor ? `${e.actor.name} <${e.actor.email}>` : t("system")}</td>
                    <td className="py-2 pr-3">{actionName(e.action)}</td>
                    <td className="py-2 text-xs break-all text-slate-700">{auditDetails(e.data)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label={t("page", { page: log.page, pageCount: log.pageCount })} className="mt-4 flex items-center justify-between text-sm">
          {log.page > 1 ? <Link href={auditPageHref(filter, log.page - 1)} className="text-brand-700 underline">← {t("previous")}</Link> : <span />}
          <span>{t("page", { page: log.page, pageCount: log.pageCount })}</span>
          {log.page < log.pageCount ? <Link href={auditPageHref(filter, log.page + 1)} className="text-brand-700 underline">{t("next")} →</Link> : <span />}
        </nav>
      </Card>
    </div>
  );
}
