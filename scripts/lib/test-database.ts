// Where tests keep their embedded PostgreSQL when DATABASE_URL is not set (git-ignored).
export const TEST_DATABASE = {
  dataDir: "data/postgres-test",
  port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54339),
  database: "postgres",
};
