// Bulk-loads valid Jilin responses into a dedicated benchmark database, in SQL (generate_series),
// not through the API. Each generated firm gets region, industry, size class and life-cycle stage
// drawn independently from the demo's valid sample (so the breakdown cells are as many as real
// data would fill) and the constraint answers of a random demo firm; its answer rows are written
// like the app writes them. Triggers are off during the load (so rows set response.valid themselves);
// analytics_rebuild then derives the tallies and result cells exactly as the triggers would have.
import pg from "pg";
import { adminQuery, withDatabase } from "../lib/db/schema-engine";
import { migrateDatabase } from "../scripts/lib/migrate";
import { seedDemo } from "../prisma/seed";

const BATCH = 50_000;

export async function prepareBenchDatabase(serverUrl: string, name: string, responses: number): Promise<string> {
  const url = withDatabase(serverUrl, name);
  const client = new pg.Client({ connectionString: url });
  const existing = await (async () => {
    try {
      await client.connect();
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = 'jilin-2017' AND r.screened_at IS NULL`,
      );
      return rows[0].n as number;
    } catch {
      return -1;
    }
  })();
  if (existing >= responses) {
    await client.end();
    await migrateDatabase(url); // a newer migration may change how cells are kept
    console.log(`${name} already holds ${existing} valid responses.`);
    await rebuildUnlessCounted(url, existing);
    return url;
  }
  await client.end().catch(() => {});
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  await migrateDatabase(url);
  console.log(await seedDemo(url));
  await load(url, responses - 226);
  return url;
}

/** An interrupted run can leave responses whose cells were never derived. */
async function rebuildUnlessCounted(url: string, valid: number) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query(`
      SELECT s.id, COALESCE(sum(c.responses), 0)::int AS counted FROM survey s
      LEFT JOIN result_cell c ON c.survey_id = s.id AND c.scope = 'all' AND c.metric = 'valid' AND c.cell_key < '{'
      WHERE s.slug = 'jilin-2017' GROUP BY s.id`);
    if (rows[0].counted === valid) return;
    console.log(`  cells count ${rows[0].counted} of ${valid} responses: deriving them again…`);
    await db.query(`SELECT analytics_rebuild($1)`, [rows[0].id]);
    await db.query(`VACUUM ANALYZE result_cell`);
  } finally {
    await db.end();
  }
}

async function load(url: string, count: number) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const started = Date.now();
  try {
    await db.query(`SET session_replication_role = replica`); // no triggers during the bulk load
    const { rows } = await db.query(`SELECT id, version_id FROM survey WHERE slug = 'jilin-2017'`);
    const survey = rows[0] as { id: string; version_id: string };
    await db.query(
      `
      CREATE TEMP TABLE tpl AS
        SELECT row_number() OVER (ORDER BY id)::int AS k, id, answers, breakdowns FROM response
        WHERE survey_id = $1 AND screened_at IS NULL`,
      [survey.id],
    );
    await db.query(
      `CREATE TEMP TABLE batch (id uuid, k int, region text, industry text, size_class text, stage text, done timestamp)`,
    );
    for (let offset = 0; offset < count; offset += BATCH) {
      const n = Math.min(BATCH, count - offset);
      await db.query(`TRUNCATE batch`);
      // Each breakdown drawn on its own from the demo's margins (a random demo firm's value).
      await db.query(
        `
        INSERT INTO batch
        SELECT gen_random_uuid(), r.k, t1.breakdowns->>'region', t2.breakdowns->>'industry', t3.breakdowns->>'size_class',
               t4.breakdowns->>'lifecycle_stage', timestamp '2017-03-01' + random() * interval '92 days'
        FROM (SELECT 1 + floor(random() * 226)::int AS k, 1 + floor(random() * 226)::int AS k1, 1 + floor(random() * 226)::int AS k2,
                     1 + floor(random() * 226)::int AS k3, 1 + floor(random() * 226)::int AS k4
              FROM generate_series(1, $1)) r
        JOIN tpl t1 ON t1.k = r.k1 JOIN tpl t2 ON t2.k = r.k2 JOIN tpl t3 ON t3.k = r.k3 JOIN tpl t4 ON t4.k = r.k4`,
        [n],
      );
      await db.query(
        `
        INSERT INTO response (id, survey_id, version_id, submission_id, status, valid, locale, answers, breakdowns, content_hash,
                              started_at, completed_at, duration_seconds)
        SELECT b.id, $1, $2, gen_random_uuid(), 'complete', true, 'zh',
               t.answers || jsonb_build_object('region', b.region, 'industry', b.industry, 'lifecycle_stage', b.stage),
               jsonb_build_object('region', b.region, 'industry', b.industry, 'size_class', b.size_class, 'lifecycle_stage', b.stage),
               'bench', b.done - interval '10 minutes', b.done, 600
        FROM batch b JOIN tpl t USING (k)`,
        [survey.id, survey.version_id],
      );
      await db.query(
        `
        INSERT INTO answer (response_id, survey_id, question_code, option_code, number_value, text_value, rank)
        SELECT b.id, $1, a.question_code,
               CASE a.question_code WHEN 'region' THEN b.region WHEN 'industry' THEN b.industry
                                    WHEN 'lifecycle_stage' THEN b.stage ELSE a.option_code END,
               a.number_value, a.text_value, a.rank
        FROM batch b JOIN tpl t USING (k) JOIN answer a ON a.response_id = t.id`,
        [survey.id],
      );
      process.stdout.write(
        `\r  loaded ${offset + n} / ${count} responses (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
    await db.query(`SET session_replication_role = origin`);
    console.log(`\n  deriving tallies and result cells…`);
    const t0 = Date.now();
    await db.query(`SELECT analytics_rebuild($1)`, [survey.id]);
    console.log(`  rebuilt in ${((Date.now() - t0) / 1000).toFixed(0)} s; analysing…`);
    await db.query(`VACUUM ANALYZE`);
  } finally {
    await db.end();
  }
}
