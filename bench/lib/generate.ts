/**
 * Ten years of appointments (1,000 a day over the seven demo ports) generated inside
 * PostgreSQL with generate_series: no round trips, a few tens of seconds.
 */
import type postgres from 'postgres';
import { foldCompact, foldText } from '@/lib/identity/fold';
import { IDENTITY_KEY_VERSION } from '@/lib/identity/keys';

const FAMILY = ['García', 'Hernández', 'Peña Núñez', 'Pierre', 'Ivanova', 'Yılmaz', 'Zhang', 'Silva', 'López', 'Jean-Baptiste'];
const GIVEN = ['José', 'María', 'Wilner', 'Olga', 'Mehmet', 'Wei', 'Ana', 'Luis', 'Marie-Ange', 'Carlos'];
/** A SQL text array literal of fixed, quote-free names. */
const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

/** The demo ports' share of the 1,000 daily slots (heaviest at San Ysidro and El Paso). */
const SHARES: [slug: string, from: number, to: number][] = [
  ['san-ysidro', 0, 300],
  ['el-paso', 300, 520],
  ['hidalgo', 520, 630],
  ['brownsville', 630, 730],
  ['eagle-pass', 730, 820],
  ['calexico', 820, 910],
  ['nogales', 910, 1000],
];

export async function generateHistory(sql: postgres.Sql, opts: { days: number; endDate: string; perDay?: number }): Promise<number> {
  const perDay = opts.perDay ?? 1000;
  const portCase = SHARES.map(([slug, from, to]) => `when (g % ${perDay}) * 1000 / ${perDay} >= ${from} and (g % ${perDay}) * 1000 / ${perDay} < ${to} then '${slug}'`).join(' ');
  const total = opts.days * perDay;
  await sql.unsafe(`
    insert into appointments (id, confirmation_code, port_id, scheduled_at, service_date, party_size, family_name, given_name,
      date_of_birth, nationality, language, status, arrived_at, members_present, status_changed_at, version, created_at,
      identity_key, search_key, identity_key_version)
    select gen_random_uuid(),
      'H' || upper(lpad(to_hex(g), 7, '0')),
      p.id,
      s.at, s.d, 1 + (g % 7 = 0)::int * (g % 4),
      (${arr(FAMILY)})[1 + g % 10],
      (${arr(GIVEN)})[1 + (g / 10) % 10],
      date '1970-01-01' + (g % 15000), (array['MX','VE','HN','GT','HT','CU','CO','RU','CN','TR'])[1 + g % 10], 'es',
      s.status::appointment_status,
      case when s.status in ('checked_in','late','processed') then s.at + interval '5 minutes' end,
      case when s.status in ('checked_in','late','processed') then 1 end,
      s.at, 1, s.at - interval '7 days',
      -- The keys lib/identity computes, from the names folded once here (the lists are fixed).
      (${arr(FAMILY.map(foldCompact))})[1 + g % 10] || '|' || (${arr(GIVEN.map(foldCompact))})[1 + (g / 10) % 10] || '|'
        || (date '1970-01-01' + (g % 15000))::text || '|' || (array['MX','VE','HN','GT','HT','CU','CO','RU','CN','TR'])[1 + g % 10],
      (${arr(GIVEN.map(foldText))})[1 + (g / 10) % 10] || ' ' || (${arr(FAMILY.map(foldText))})[1 + g % 10],
      ${IDENTITY_KEY_VERSION}
    from generate_series(0, ${total - 1}) g
    cross join lateral (select case ${portCase} end as slug) pick
    join ports p on p.slug = pick.slug
    cross join lateral (
      select (date '${opts.endDate}' - (g / ${perDay})::int) as d
    ) day
    cross join lateral (
      select ((day.d::timestamp + make_interval(mins => ((g * 37) % 1440)::int)) at time zone p.time_zone) as at,
             day.d as d,
             case when g % 50 = 0 then 'cancelled' when g % 9 = 0 then 'no_show' when g % 33 = 0 then 'late' when g % 40 = 0 then 'checked_in' else 'processed' end as status
    ) s`);
  return total;
}
