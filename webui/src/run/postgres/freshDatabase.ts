/**
 * Makes a used database as it was when created, so the worker (whose PostgreSQL takes seconds
 * to create) serves the next run at once: every schema a program made is dropped with what it
 * holds, and the session's settings, prepared statements and temporary tables are discarded.
 * (Roles and databases a program creates stay: interview SQL does not create them.)
 */

import type { PGlite } from "@electric-sql/pglite";

const DROP_SCHEMAS = `
DO $$
DECLARE name text;
BEGIN
  FOR name IN
    SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', name);
  END LOOP;
END $$;
CREATE SCHEMA public;
`;

export async function resetDatabase(database: PGlite): Promise<void> {
  // One statement per call: a multi-statement query is a transaction block, where DISCARD
  // ALL may not run. ROLLBACK ends a transaction the program left open (a mere warning if not).
  await database.exec("ROLLBACK");
  await database.exec("DISCARD ALL");
  await database.exec(DROP_SCHEMAS);
}
