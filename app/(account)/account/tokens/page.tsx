import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import { CreateTokenForm } from "@/components/account/create-token-form";
import { Card } from "@/components/ui/card";
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
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-600">{t("lead")}</p>
        <p className="mt-2 text-sm text-slate-600">
          {t("example")}:{" "}
          <code className="rounded bg-slate-100 px-1 py-0.5 text-xs break-all">
            curl -H &quot;Authorization: Bearer smet_…&quot; &quot;…/api/v1/surveys/&lt;slug&gt;/export?format=csv&quot;
          </code>
        </p>
      </header>

      {organizations.length > 0 && (
        <Card>
          <CreateTokenForm action={createApiTokenAction} organizations={organizations} currentOrganizationId={current?.id} />
        </Card>
      )}

      <Card>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("name")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("organization")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("createdAt")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("lastUsed")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("status")}</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("revoke")}</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} className="border-b border-slate-100" data-testid="api-token-row" data-name={token.name}>
                    <th scope="row" className="py-3 pr-3 font-medium">{token.name}</th>
                    <td className="py-3 pr-3">{token.organization.name}</td>
                    <td className="py-3 pr-3 whitespace-nowrap">{when(token.createdAt)}</td>
                    <td className="py-3 pr-3 whitespace-nowrap" data-testid="token-last-used">
                      {token.lastUsedAt ? when(token.lastUsedAt) : t("never")}
                    </td>
                    <td className="py-3 pr-3" data-testid="token-status">
                      {token.revokedAt ? t("revoked", { date: when(token.revokedAt) }) : t("active")}
                    </td>
                    <td className="py-3">
                      {!token.revokedAt && (
                        <ActionButton
                          action={revokeApiTokenAction}
                          fields={{ tokenId: token.id }}
                          label={t("revoke")}
                          confirmText={t("confirmRevoke", { name: token.name })}
                          variant="danger"
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
