"use client";
// An owner changes one member's role; a refusal (e.g. the last owner) is shown beside it.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ROLES, type Role } from "@/lib/auth/roles";
import { IDLE, type FormState } from "@/lib/organizations/form-state";

export function MemberRoleForm({
  action,
  membershipId,
  role,
  memberName,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  membershipId: string;
  role: Role;
  memberName: string;
}) {
  const t = useTranslations("account");
  const roles = useTranslations("auth.roles");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="membershipId" value={membershipId} />
      <label className="sr-only" htmlFor={`role-${membershipId}`}>
        {t("members.changeRole", { name: memberName })}
      </label>
      <select
        id={`role-${membershipId}`}
        name="role"
        defaultValue={role}
        key={role}
        className="min-h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
      >
        {[...ROLES].reverse().map((r) => (
          <option key={r} value={r}>
            {roles(r)}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {t("members.saveRole")}
      </Button>
      {state.status === "error" && state.message && (
        <span role="alert" className="basis-full text-sm text-red-700">
          {t(state.message)}
        </span>
      )}
    </form>
  );
}
