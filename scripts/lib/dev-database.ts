// Where `npm run dev` keeps its embedded PostgreSQL (git-ignored).
export const DEV_DATABASE = {
  dataDir: "data/postgres",
  port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  database: "sme_survey",
};
