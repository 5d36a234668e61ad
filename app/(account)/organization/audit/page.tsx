import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { controlClass } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { auditDetails, auditPageHref } from "@/lib/audit/audit-details";
import { AuditFilterSchema } from "@/lib/audit/audit-filter-schema";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.header"))("auditLog") };
}

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, organization } = await requireOrganization({ permission: "audit.read" });
  const filter = AuditFilterSchema.parse(await searchParams);
  const log = await listAuditEvents({ db, actor, organizationId: organization.id, filter });
  const t = await getTranslations("account.audit");
  const actionName = (action: string) =>
    (AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`actions.${action}`) : action;

  return (
    <div className="space-y-6">
      <PageHeader title={t("title", { organization: organization.name })} lead={t("lead")} />

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
          <Table className="min-w-[44rem]">
            <TableHead>
              <tr>
                <Th>{t("when")}</Th>
                <Th>{t("who")}</Th>
                <Th>{t("what")}</Th>
                <Th>{t("details")}</Th>
              </tr>
            </TableHead>
            <tbody>
              {log.events.map((e) => (
                <TableRow key={e.id} className="align-top" data-testid="audit-row" data-action={e.action}>
                  <Td className="font-mono text-xs whitespace-nowrap">
                    {e.createdAt.toISOString().slice(0, 19).replace("T", " ")}
                  </Td>
                  <Td>{e.actor ? `${e.actor.name} <${e.actor.email}>` : t("system")}</Td>
                  <Td>{actionName(e.action)}</Td>
                  <Td className="text-xs break-all text-slate-700">{auditDetails(e.data)}</Td>
                </TableRow>
              ))}
            </tbody>
          </Table>
        )}
        <Pager
          label={t("page", { page: log.page, pageCount: log.pageCount })}
          status={t("page", { page: log.page, pageCount: log.pageCount })}
          previous={
            log.page > 1 ? { href: auditPageHref(filter, log.page - 1), label: `← ${t("previous")}` } : undefined
          }
          next={
            log.page < log.pageCount
              ? { href: auditPageHref(filter, log.page + 1), label: `${t("next")} →` }
              : undefined
          }
        />
      </Card>
    </div>
  );
}
