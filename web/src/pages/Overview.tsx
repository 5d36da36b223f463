import { api } from '../api.ts';
import { useT } from '../i18n.ts';
import { currentQuarter, Loading, useLoad } from '../ui.tsx';
import { WatchTable, type WatchRow } from './Targets.tsx';

/** The watch table of this year, or of the latest year that has targets being followed. */
async function latestWatch(year: number): Promise<{ items: WatchRow[]; period: string }> {
  for (let y = year; y >= year - 3; y--) {
    const res = await api<{ items: WatchRow[] }>('GET', `/api/watch?period=${y}`);
    if (res.items.length > 0) return { items: res.items, period: String(y) };
  }
  return { items: [], period: String(year) };
}

export function Overview() {
  const { t } = useT();
  const quarter = currentQuarter();
  const year = quarter.slice(0, 4);
  const { data, error } = useLoad(async () => {
    const [overdue, dueSoon, watch, status, cards] = await Promise.all([
      api<{ total: number }>('GET', '/api/tasks?status=overdue&limit=1'),
      api<{ total: number }>('GET', '/api/tasks?status=due_soon&limit=1'),
      latestWatch(Number(year)),
      api<{ total: number; onTime: number; late: number }>('GET', `/api/reports/status?period=${quarter}`),
      api<{ items: { unitId: number; name: string; score: number | null; overdue: number }[] }>(
        'GET',
        `/api/scorecard?period=${quarter}`,
      ),
    ]);
    // Headline indicators: the first watched ones, each with its last results as a trend.
    const headline = [...new Map(watch.items.map((w) => [w.indicatorId, w])).values()].slice(0, 6);
    const trends = await Promise.all(
      headline.map((w) =>
        api<{ items: { kind: string; raw: string; unit: string; period: string | null }[] }>(
          'GET',
          `/api/indicators/${w.indicatorId}/series`,
        ).then((s) => s.items.filter((p) => p.kind === 'result' && p.period).slice(-3)),
      ),
    );
    return {
      overdue: overdue.total,
      dueSoon: dueSoon.total,
      watch: watch.items.slice(0, 10),
      watchPeriod: watch.period,
      headline: headline.map((w, i) => ({ ...w, trend: trends[i] ?? [] })),
      status,
      worst: cards.items
        .filter((c) => c.score !== null)
        .slice(-5)
        .reverse(),
    };
  }, []);
  return (
    <section>
      <h1>{t.overview}</h1>
      <Loading error={error}>
        {data && (
          <>
            <div className="tiles">
              <a className="tile red" href="#/tasks?status=overdue">
                <strong>{data.overdue}</strong> {t.overdue}
              </a>
              <a className="tile orange" href="#/tasks?status=due_soon">
                <strong>{data.dueSoon}</strong> {t.dueSoon}
              </a>
              <a className="tile" href="#/reports">
                <strong>
                  {data.status.onTime + data.status.late}/{data.status.total}
                </strong>{' '}
                {t.reportCompleteness}
              </a>
            </div>
            <h2>{t.headline}</h2>
            <ul className="headline">
              {data.headline.map((h) => (
                <li key={h.indicatorId}>
                  <span className={`dot ${h.colour}`} aria-label={h.colour} />{' '}
                  <a href={`#/indicators/${h.indicatorId}`}>{h.indicator}</a>:{' '}
                  {h.trend.length
                    ? h.trend.map((p) => `${p.raw} ${p.unit} (${p.period})`).join(' → ')
                    : t.noData}
                </li>
              ))}
            </ul>
            <h2>
              {t.targets} {data.watchPeriod}
            </h2>
            <WatchTable rows={data.watch} />
            <h2>{t.worstUnits}</h2>
            <ol>
              {data.worst.map((c) => (
                <li key={c.unitId}>
                  {c.name} — {c.overdue} {t.overdue.toLowerCase()}
                </li>
              ))}
            </ol>
          </>
        )}
      </Loading>
    </section>
  );
}
