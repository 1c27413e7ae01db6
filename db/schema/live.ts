import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sessions } from './users';

/**
 * Open live event streams (GET /api/v1/ports/{slug}/events), one row each, so the limit of streams
 * per session holds across app instances. A row is a lease: renewed at every heartbeat, deleted
 * when the stream closes; one left by a crashed instance stops counting when it expires.
 */
export const liveStreams = pgTable(
  'live_streams',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('live_streams_session_idx').on(t.sessionId, t.expiresAt)],
);
