/** Runs one administrative statement (create/drop database) against a PostgreSQL server. */
import postgres from 'postgres';

const [url, statement] = process.argv.slice(2);
if (!url || !statement) {
  console.error('usage: tsx scripts/pg-admin.ts <url> <statement>');
  process.exit(2);
}
const sql = postgres(url, { max: 1, onnotice: () => {} });
sql
  .unsafe(statement)
  .then(() => sql.end())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    await sql.end();
    process.exit(1);
  });
