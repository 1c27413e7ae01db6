/** Query-string input for the statistics routes and the dashboard page (port is repeatable). */
export interface RawStatsParams {
  from?: string;
  to?: string;
  port: string[];
}

export function statsParamsFromUrl(url: URL): RawStatsParams {
  return {
    from: url.searchParams.get('from') ?? undefined,
    to: url.searchParams.get('to') ?? undefined,
    port: url.searchParams.getAll('port'),
  };
}
