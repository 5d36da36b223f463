import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api } from '../api.ts';
import { formatNumber } from '../../../src/i18n/format.ts';
import { useT } from '../i18n.ts';
import { Loading, useLoad } from '../ui.tsx';

interface Point {
  quantityId: number;
  kind: 'target' | 'result';
  period: string | null;
  op: string;
  lo: number | null;
  hi: number | null;
  raw: string;
  unit: string;
  directiveId: number | null;
  directiveNumber: string | null;
  text: string;
}

/**
 * Targets and results of one indicator over time across directives: a range is a band, a bound
 * a line, a value a dot; results are dots. Every point links to the sentence it came from.
 */
export function IndicatorPage({ id }: { id: number }) {
  const { t, lang } = useT();
  const { data, error } = useLoad(async () => {
    const [series, list] = await Promise.all([
      api<{ items: Point[] }>('GET', `/api/indicators/${id}/series`),
      api<{ items: { id: number; name: string; unit: string }[] }>('GET', `/api/indicators?limit=500`),
    ]);
    return {
      points: series.items.filter((p) => p.period),
      indicator: list.items.find((i) => i.id === id) ?? null,
    };
  }, [id]);
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!data || !holder.current || data.points.length === 0) return;
    const periods = [...new Set(data.points.map((p) => p.period as string))];
    const at = (kind: 'target' | 'result', pick: (p: Point) => number | null) =>
      periods.map((period) => {
        const all = data.points.filter((x) => x.period === period && x.kind === kind);
        // A period's main target is its range or value; stretch bounds ("trên 8%") stay in the table.
        const p = all.find((x) => x.op === 'range' || x.op === 'eq' || x.op === 'about') ?? all.at(-1);
        return p ? pick(p) : null;
      });
    const lo = at('target', (p) => (p.op === 'lt' || p.op === 'lte' ? null : p.lo));
    const hi = at('target', (p) => (p.op === 'gt' || p.op === 'gte' ? null : p.hi));
    const actual = at('result', (p) => p.lo);
    const plot = new uPlot(
      {
        width: Math.min(900, holder.current.clientWidth || 700),
        height: 320,
        scales: { x: { time: false } },
        axes: [
          { values: (_u, ticks) => ticks.map((v) => periods[v] ?? '') },
          { values: (_u, ticks) => ticks.map((v) => formatNumber(v, lang)) },
        ],
        series: [
          {},
          { label: `${t.plan} (≥)`, stroke: '#1a73e8', width: 2, spanGaps: true, points: { show: true } },
          {
            label: `${t.plan} (≤)`,
            stroke: '#1a73e8',
            width: 2,
            dash: [6, 4],
            spanGaps: true,
            points: { show: true },
          },
          { label: t.actual, stroke: '#d93025', width: 0, points: { show: true, size: 9, fill: '#d93025' } },
        ],
        bands: [{ series: [2, 1], fill: 'rgba(26,115,232,0.15)' }],
      },
      [periods.map((_, i) => i), lo, hi, actual] as uPlot.AlignedData,
      holder.current,
    );
    return () => plot.destroy();
  }, [data, lang, t]);
  return (
    <Loading error={error}>
      {data && (
        <section>
          <h1>{data.indicator?.name ?? `#${id}`}</h1>
          <div ref={holder} role="img" aria-label={t.chart} className="chart" />
          <table>
            <thead>
              <tr>
                <th>{t.period}</th>
                <th>{t.type}</th>
                <th>
                  {t.plan} / {t.actual}
                </th>
                <th>{t.source}</th>
              </tr>
            </thead>
            <tbody>
              {data.points.map((p) => (
                <tr key={p.quantityId}>
                  <td>{p.period}</td>
                  <td>{p.kind === 'target' ? t.plan : t.actual}</td>
                  <td>
                    {p.raw} {p.unit}
                  </td>
                  <td>
                    {p.directiveId ? (
                      <a href={`#/directives/${p.directiveId}?focus=${p.kind}-${p.quantityId}`}>
                        {p.directiveNumber ?? `#${p.directiveId}`}
                      </a>
                    ) : (
                      '—'
                    )}
                    : {p.text.slice(0, 140)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Loading>
  );
}
