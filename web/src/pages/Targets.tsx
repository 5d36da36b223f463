import { useState } from 'react';
import { api } from '../api.ts';
import { formatNumber } from '../../../src/i18n/format.ts';
import { useT } from '../i18n.ts';
import { Loading, useLoad } from '../ui.tsx';

export interface WatchRow {
  indicatorId: number;
  indicator: string;
  targetPeriod: string;
  plan: { op: string; raw: string; unit: string };
  latest: { raw: string; unit: string; period: string } | null;
  percentOfPlan: number | null;
  colour: 'red' | 'orange' | 'green' | 'grey';
}

export function WatchTable({ rows }: { rows: WatchRow[] }) {
  const { t, lang } = useT();
  return (
    <table className="watch">
      <thead>
        <tr>
          <th>{t.targets}</th>
          <th>{t.plan}</th>
          <th>{t.actual}</th>
          <th>{t.percentOfPlan}</th>
          <th>{t.colour}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.indicatorId}-${r.targetPeriod}-${r.plan.raw}`}>
            <td>
              <a href={`#/indicators/${r.indicatorId}`}>{r.indicator}</a>
            </td>
            <td>
              {r.plan.raw} {r.plan.unit} ({r.targetPeriod})
            </td>
            <td>{r.latest ? `${r.latest.raw} ${r.latest.unit} (${r.latest.period})` : '—'}</td>
            <td>{r.percentOfPlan === null ? '—' : formatNumber(r.percentOfPlan, lang, 1)}</td>
            <td>
              <span className={`dot ${r.colour}`} aria-label={r.colour} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Targets() {
  const { t } = useT();
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const { data, error } = useLoad(
    () => api<{ items: WatchRow[]; rule: string }>('GET', `/api/watch?period=${period}`),
    [period],
  );
  return (
    <section>
      <h1>{t.targets}</h1>
      <label>
        {t.period}
        <input name="period" value={period} onChange={(e) => setPeriod(e.target.value)} />
      </label>
      <Loading error={error}>
        {data && (
          <>
            <WatchTable rows={data.items} />
            <p className="hint">{data.rule}</p>
            <a href={`/api/exports/targets?period=${period}&format=xlsx`}>{t.export} .xlsx</a>
          </>
        )}
      </Loading>
    </section>
  );
}
