// Responses a spec submits to the shared demo database are removed after the spec, so that the
// specs after it find the try-it survey as seeded (several count its responses).
import { test } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";

/** Registers the spec's database client and the clean-up; push the ids of the responses it creates onto `created`. */
export function removeCreatedResponses() {
  let client: Db | undefined;
  const created: string[] = [];
  test.beforeAll(() => {
    client = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
  });
  test.afterAll(async () => {
    await client?.response.deleteMany({ where: { id: { in: created } } });
    await client?.$disconnect();
  });
  return { created, db: () => client! };
}
