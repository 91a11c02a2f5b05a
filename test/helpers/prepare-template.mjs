// Migrates and demo-seeds the e2e template database, in its own process: loading the app's modules into Jest's
// main process (as a global setup would) leaves GraphQL metadata behind that breaks in-band test runs.
// Usage: node test/helpers/prepare-template.mjs <database url>   (PII_KEY from the environment; needs the build)
import 'reflect-metadata';
import { openDatabase } from '../../dist/src/database/data-source.js';
import { seedDemoData } from '../../dist/src/seed/demo-data.js';

const db = await openDatabase(process.argv[2]);
try {
  await seedDemoData(db, { piiKey: Buffer.from(process.env.PII_KEY, 'base64') });
} finally {
  await db.destroy();
}
