import { api } from '../api.ts';
import { useT } from '../i18n.ts';
import { currentQuarter, Loading, useLoad } from '../ui.tsx';
import { WatchTable, type WatchRow } from './Targets.tsx';

export function Overview() {
  const { t } = useT();
  const quarter = currentQuarter();
  const year = quarter.slice(0, 4);
  const { data, error } = useLoad(async () => {
    const [overdue, dueSoon, watch, status, cards] = await Promise.all([
      api<{ total: number }>('GET', '/api/tasks?status=overdue&limit=1'),
      api<{ total: number }>('GET', '/api/tasks?status=due_soon&limit=1'),
      api<{ items: WatchRow[] }>('GET', `/api/watch?period=${year}`),
      api<{ total: number; onTime: number; late: number }>('GET', `/api/reports/status?period=${quarter}`),
      api<{ items: { unitId: number; name: string; score: number | null; overdue: number }[] }>(
        'GET',
        `/api/scorecard?period=${quarter}`,
      ),
    ]);
    return {
      overdue: overdue.total,
      dueSoon: dueSoon.total,
      watch: watch.items.slice(0, 10),
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
            <h2>{t.targets}</h2>
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
