import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/account/action-button";
import { InviteMemberForm } from "@/components/account/invite-member-form";
import { MemberRoleForm } from "@/components/account/member-role-form";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { requireOrganization } from "@/lib/auth/require-actor";
import { db } from "@/lib/db/client";
import { listMembers } from "@/lib/organizations/list-members";
import {
  changeRoleAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
  signOutMemberAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.header"))("members") };
}

export default async function MembersPage() {
  const { actor, organization } = await requireOrganization();
  const members = await listMembers({ db, actor, organizationId: organization.id });
  if (!members) notFound();
  const t = await getTranslations("account");
  const roles = await getTranslations("auth.roles");
  const format = await getFormatter();
  const isOwner = organization.role === "owner";

  return (
    <div className="space-y-8">
      <PageHeader title={t("members.title", { organization: members.name })} lead={t("members.lead")} />

      <Card>
        <Table className="min-w-[36rem]">
          <TableHead>
            <tr>
              <Th>{t("members.name")}</Th>
              <Th>{t("members.email")}</Th>
              <Th>{t("members.role")}</Th>
              <Th>{t("members.since")}</Th>
              {isOwner && <Th>{t("members.actions")}</Th>}
            </tr>
          </TableHead>
          <tbody>
            {members.memberships.map((m) => (
              <TableRow key={m.id} className="align-top" data-testid="member-row" data-email={m.user.email}>
                <Th scope="row">
                  {m.user.name}{" "}
                  {m.user.id === actor.userId && <span className="font-normal text-slate-500">{t("members.you")}</span>}
                </Th>
                <Td className="break-all">{m.user.email}</Td>
                <Td data-testid="member-role">
                  {isOwner ? (
                    <MemberRoleForm
                      action={changeRoleAction}
                      membershipId={m.id}
                      role={m.role}
                      memberName={m.user.name}
                    />
                  ) : (
                    roles(m.role)
                  )}
                </Td>
                <Td className="whitespace-nowrap">{format.dateTime(m.createdAt, { dateStyle: "medium" })}</Td>
                {isOwner && (
                  <Td>
                    <ActionButton
                      action={signOutMemberAction}
                      fields={{ membershipId: m.id }}
                      label={t("members.signOut")}
                      confirmText={t("members.confirmSignOut", { name: m.user.name })}
                    />{" "}
                    <ActionButton
                      action={removeMemberAction}
                      fields={{ membershipId: m.id }}
                      label={t("members.remove")}
                      confirmText={t("members.confirmRemove", { name: m.user.name, organization: members.name })}
                      variant="danger"
                    />
                  </Td>
                )}
              </TableRow>
            ))}
          </tbody>
        </Table>
      </Card>

      {isOwner && (
        <Card aria-labelledby="invite-title">
          <CardTitle id="invite-title">{t("invite.title")}</CardTitle>
          <p className="mt-1 mb-4 text-sm text-slate-600">{t("invite.lead")}</p>
          <InviteMemberForm action={inviteMemberAction} />
          <h3 className="mt-8 mb-2 font-semibold">{t("invite.pending")}</h3>
          {members.invitations.length === 0 ? (
            <p className="text-sm text-slate-600">{t("invite.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {members.invitations.map((i) => (
                <li
                  key={i.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                  data-testid="pending-invitation"
                >
                  <span>
                    <span className="font-medium break-all">{i.email}</span> · {roles(i.role)} · {t("invite.expires")}{" "}
                    {format.dateTime(i.expiresAt, { dateStyle: "medium", timeStyle: "short" })}
                    {i.state === "invitationExpired" && (
                      <span className="ml-1 text-red-700">({t("invite.expired")})</span>
                    )}
                  </span>
                  <ActionButton
                    action={revokeInvitationAction}
                    fields={{ invitationId: i.id }}
                    label={t("invite.revoke")}
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}
