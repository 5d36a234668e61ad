// `npm run admin -- <command>`: first set-up and automation for self-hosters, against DATABASE_URL
// (or the embedded PostgreSQL of `npm run dev`). Run with no arguments for the list of commands.
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { hashPassword } from "../lib/auth/password";
import { createApiToken } from "../lib/auth/create-api-token";
import { revokeApiToken } from "../lib/auth/revoke-api-token";
import { recordEvent } from "../lib/audit/record-event";
import { createDbClient, type Db } from "../lib/db/create-client";
import { createOrganization } from "../lib/organizations/create-organization";
import { MembershipError } from "../lib/organizations/membership-error";
import {
  CreateOrganizationSchema,
  EmailSchema,
  NewPasswordSchema,
  PersonNameSchema,
  RoleSchema,
} from "../lib/organizations/organization-schemas";
import accountMessages from "../messages/en/account.json";
import { startDatabaseServer } from "./lib/database-server";
import { migrateDatabase } from "./lib/migrate";
import { DEV_DATABASE } from "./lib/dev-database";
import { endUserSessions } from "../lib/auth/sessions";

const USAGE = `Usage: npm run admin -- <command> [options]

  org create --slug <slug> --name <name>
  user create --email <email> --name <name> --org <slug> [--role owner|researcher|viewer] [--password <password>]
        (role defaults to researcher; without --password you are asked for one, or one is generated and printed)
  user password --email <email> [--password <password>]
  token create --email <email> --org <slug> [--name <name>]      prints the token (shown once)
  token revoke --id <token id>  |  token revoke --email <email> --org <slug> --name <name>

Uses DATABASE_URL, or the embedded PostgreSQL of \`npm run dev\` when it is unset.`;

class UsageError extends Error {}

/** Parses a value with a form schema, reporting its message in English. */
function valid<S extends z.ZodType>(schema: S, value: unknown, option: string): z.infer<S> {
  if (value === undefined) throw new UsageError(`Missing --${option}.`);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const key = parsed.error.issues[0]?.message.replace(/^errors\./, "") ?? "";
  throw new UsageError(
    `--${option}: ${(accountMessages.errors as Record<string, string>)[key] ?? parsed.error.issues[0]?.message}`,
  );
}

async function askPassword(): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password (at least 10 characters; empty to generate one): ");
  rl.close();
  return answer || undefined;
}

async function choosePassword(given: string | undefined): Promise<{ password: string; generated: boolean }> {
  const typed = given ?? (await askPassword());
  if (typed !== undefined) return { password: valid(NewPasswordSchema, typed, "password"), generated: false };
  return { password: randomBytes(15).toString("base64url"), generated: true };
}

async function findOrganization(db: Db, slug: string | undefined) {
  const organization = await db.organization.findUnique({
    where: { slug: valid(CreateOrganizationSchema.shape.slug, slug, "org") },
  });
  if (!organization)
    throw new UsageError(
      `No organization with the slug "${slug}". Create it with: npm run admin -- org create --slug ${slug} --name "…"`,
    );
  return organization;
}

async function findUser(db: Db, email: string | undefined) {
  const user = await db.user.findUnique({ where: { email: valid(EmailSchema, email, "email") } });
  if (!user) throw new UsageError(`No user with the e-mail address "${email}".`);
  return user;
}

type Options = Record<string, string | undefined>;

async function run(db: Db, [area, verb]: string[], o: Options) {
  const command = `${area} ${verb}`;
  if (command === "org create") {
    const input = valid(
      CreateOrganizationSchema,
      { slug: o.slug, name: o.name },
      o.slug === undefined ? "slug" : "name",
    );
    const organization = await createOrganization({ db, ownerId: null, input });
    return `Created organization "${organization.name}" (${organization.slug}). Add its first owner with: npm run admin -- user create --org ${organization.slug} --role owner --email … --name …`;
  }
  if (command === "user create") {
    const email = valid(EmailSchema, o.email, "email");
    const name = valid(PersonNameSchema, o.name, "name");
    const role = valid(RoleSchema, o.role ?? "researcher", "role");
    const organization = await findOrganization(db, o.org);
    const existing = await db.user.findUnique({ where: { email } });
    const chosen = existing ? null : await choosePassword(o.password);
    const user =
      existing ?? (await db.user.create({ data: { email, name, passwordHash: await hashPassword(chosen!.password) } }));
    const membership = await db.membership.upsert({
      where: { organizationId_userId: { organizationId: organization.id, userId: user.id } },
      create: { organizationId: organization.id, userId: user.id, role },
      update: { role },
    });
    await recordEvent({
      db,
      organizationId: organization.id,
      actorId: null,
      action: "member.joined",
      targetType: "membership",
      targetId: membership.id,
      data: { email, role, via: "admin" },
    });
    const who = existing ? `Existing user ${email}` : `Created user ${email}`;
    return `${who} is ${role} of ${organization.slug}.${chosen?.generated ? `\nPassword: ${chosen.password}\n(shown once; they can sign in with it now)` : ""}`;
  }
  if (command === "user password") {
    const user = await findUser(db, o.email);
    const chosen = await choosePassword(o.password);
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(chosen.password) } });
    const ended = await endUserSessions({ db, userId: user.id });
    return `Password of ${user.email} changed; ${ended} signed-in session(s) ended.${chosen.generated ? `\nPassword: ${chosen.password}` : ""}`;
  }
  if (command === "token create") {
    const user = await findUser(db, o.email);
    const organization = await findOrganization(db, o.org);
    const created = await createApiToken({
      db,
      userId: user.id,
      organizationId: organization.id,
      name: o.name?.trim() || "admin",
    });
    if (!created) throw new UsageError(`${user.email} is not a member of ${organization.slug}.`);
    return `Token ${created.apiToken.id} ("${created.apiToken.name}") for ${user.email} in ${organization.slug}:\n${created.token}\n(shown once; send it as "Authorization: Bearer <token>")`;
  }
  if (command === "token revoke") {
    if (!o.id && (!o.org || !o.name)) throw new UsageError("token revoke needs --id, or --email, --org and --name.");
    if (o.id && !/^[0-9a-f-]{36}$/i.test(o.id))
      throw new UsageError("--id: not a token id (a UUID, as printed by token create).");
    const ids = o.id
      ? [o.id]
      : (
          await db.apiToken.findMany({
            where: {
              user: { email: valid(EmailSchema, o.email, "email") },
              organization: { slug: o.org },
              name: o.name,
              revokedAt: null,
            },
            select: { id: true },
          })
        ).map((t) => t.id);
    let revoked = 0;
    for (const tokenId of ids) if (await revokeApiToken({ db, actor: "system", tokenId })) revoked++;
    if (revoked === 0) throw new UsageError("No active token matches.");
    return `Revoked ${revoked} token${revoked === 1 ? "" : "s"}.`;
  }
  throw new UsageError(area ? `Unknown command "${[area, verb].filter(Boolean).join(" ")}".` : "");
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries(
      ["email", "name", "org", "role", "password", "slug", "id"].map((k) => [k, { type: "string" as const }]),
    ),
  });
  const server = await startDatabaseServer(DEV_DATABASE);
  const db = createDbClient(server.url, 2);
  try {
    await migrateDatabase(server.url);
    console.log(await run(db, positionals, values));
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    if (e instanceof UsageError) console.error(`${e.message ? `${e.message}\n\n` : ""}${USAGE}`);
    else if (e instanceof MembershipError)
      console.error(`Error: ${(accountMessages.errors as Record<string, string>)[e.code] ?? e.code}`);
    else console.error(e instanceof Error ? `Error: ${e.message}` : e);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
