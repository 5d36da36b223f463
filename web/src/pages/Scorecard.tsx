import { useState } from 'react';
import { api } from '../api.ts';
import { formatNumber } from '../../../src/i18n/format.ts';
import { useT } from '../i18n.ts';
import { currentQuarter, Loading, useLoad } from '../ui.tsx';

interface Card {
  unitId: number;
  name: string;
  rank: number | null;
  score: number | null;
  tasksDue: number;
  completedOnTime: number;
  completedLate: number;
  overdue: number;
  reportsOnTime: number;
  reportsLate: number;
  reportsMissing: number;
}

export function Scorecard() {
  const { t, lang } = useT();
  const [period, setPeriod] = useState(currentQuarter());
  const { data, error } = useLoad(
    () => api<{ items: Card[]; formula: { text: string } }>('GET', `/api/scorecard?period=${period}`),
    [period],
  );
  return (
    <section>
      <h1>{t.scorecard}</h1>
      <label>
        {t.period}
        <input name="period" value={period} onChange={(e) => setPeriod(e.target.value)} />
      </label>
      <Loading error={error}>
        {data && (
          <>
            <table className="scorecard">
              <thead>
                <tr>
                  <th>{t.rank}</th>
                  <th>{t.unit}</th>
                  <th>{t.tasksDue}</th>
                  <th>{t.onTime}</th>
                  <th>{t.late}</th>
                  <th>{t.overdue}</th>
                  <th>{t.reports}</th>
                  <th>{t.score}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.unitId}>
                    <td>{c.rank ?? '—'}</td>
                    <td>
                      <a href={`#/tasks?unit=${c.unitId}`}>{c.name}</a>
                    </td>
                    <td>{c.tasksDue}</td>
                    <td>{c.completedOnTime}</td>
                    <td>{c.completedLate}</td>
                    <td>{c.overdue}</td>
                    <td>
                      {c.reportsOnTime}/{c.reportsOnTime + c.reportsLate + c.reportsMissing}
                    </td>
                    <td>{c.score === null ? '—' : formatNumber(c.score, lang, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="hint">{data.formula.text}</p>
            <a href={`/api/exports/scorecard?period=${period}&format=xlsx`}>{t.export} .xlsx</a>
          </>
        )}
      </Loading>
    </section>
  );
}
