import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import { CreateTokenForm } from "@/components/account/create-token-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { actorOrganizations, currentOrganization } from "@/lib/auth/current-organization";
import { listApiTokens } from "@/lib/auth/list-api-tokens";
import { requireActor } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.tokens"))("title") };
}

export default async function ApiTokensPage() {
  const actor = await requireActor();
  const [tokens, organizations, current] = await Promise.all([
    listApiTokens({ db, userId: actor.userId }),
    actorOrganizations(actor),
    currentOrganization(actor),
  ]);
  const t = await getTranslations("account.tokens");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} lead={t("lead")}>
        <p className="mt-2 text-sm text-slate-600">
          {t("example")}:{" "}
          <code className="rounded bg-slate-100 px-1 py-0.5 text-xs break-all">
            curl -H &quot;Authorization: Bearer smet_…&quot; &quot;…/api/v1/surveys/&lt;slug&gt;/export?format=csv&quot;
          </code>
        </p>
      </PageHeader>

      {organizations.length > 0 && (
        <Card>
          <CreateTokenForm
            action={createApiTokenAction}
            organizations={organizations}
            currentOrganizationId={current?.id}
          />
        </Card>
      )}

      <Card>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <Table className="min-w-[40rem]">
            <TableHead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("organization")}</Th>
                <Th>{t("createdAt")}</Th>
                <Th>{t("lastUsed")}</Th>
                <Th>{t("status")}</Th>
                <Th>
                  <span className="sr-only">{t("revoke")}</span>
                </Th>
              </tr>
            </TableHead>
            <tbody>
              {tokens.map((token) => (
                <TableRow key={token.id} data-testid="api-token-row" data-name={token.name}>
                  <Th scope="row">{token.name}</Th>
                  <Td>{token.organization.name}</Td>
                  <Td className="whitespace-nowrap">{when(token.createdAt)}</Td>
                  <Td className="whitespace-nowrap" data-testid="token-last-used">
                    {token.lastUsedAt ? when(token.lastUsedAt) : t("never")}
                  </Td>
                  <Td data-testid="token-status">
                    {token.revokedAt ? t("revoked", { date: when(token.revokedAt) }) : t("active")}
                  </Td>
                  <Td>
                    {!token.revokedAt && (
                      <ActionButton
                        action={revokeApiTokenAction}
                        fields={{ tokenId: token.id }}
                        label={t("revoke")}
                        confirmText={t("confirmRevoke", { name: token.name })}
                        variant="danger"
                      />
                    )}
                  </Td>
                </TableRow>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
