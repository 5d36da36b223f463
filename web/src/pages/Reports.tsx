import { useState } from 'react';
import { api, ApiError, type Me } from '../api.ts';
import { useT } from '../i18n.ts';
import { currentQuarter, Loading, useLoad } from '../ui.tsx';

interface Entry {
  taskId: number;
  progress: number;
  status: 'in_progress' | 'completed';
  completedAt: string | null;
  narrative: string;
}
interface Report {
  id: number;
  period: string;
  status: 'draft' | 'submitted' | 'returned';
  returnReason: string | null;
  version: number;
  content: {
    tasks: Entry[];
    indicators: { indicatorId: number; value: number; raw: string; unit: string; scope: string | null }[];
    difficulties: { text: string }[];
    recommendations: { text: string }[];
  };
}

export function Reports({ me }: { me: Me }) {
  return me.role === 'member' ? <UnitReport me={me} /> : <OfficeReports me={me} />;
}

function defaultPeriod(frequency: string): string {
  const d = new Date();
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  if (frequency === 'year') return String(y);
  if (frequency === 'half') return `${y}-H${m <= 6 ? 1 : 2}`;
  if (frequency === 'month') return `${y}-${String(m).padStart(2, '0')}`;
  return currentQuarter();
}

function UnitReport({ me }: { me: Me }) {
  const { t } = useT();
  const [period, setPeriod] = useState(currentQuarter());
  const [regimeId, setRegimeId] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const regimes = useLoad(
    () =>
      api<{
        items: {
          id: number;
          name: string;
          frequency: string;
          unitIds: number[];
          content: { indicatorIds: number[] };
        }[];
      }>('GET', '/api/regimes').then((r) => ({
        // Only the regimes this unit reports under.
        items: r.items.filter((x) => me.unitId !== null && x.unitIds.includes(me.unitId)),
      })),
    [],
  );
  const { data, error, reload } = useLoad(async () => {
    if (!regimes.data) return null;
    const regime = regimes.data.items.find((r) => r.id === regimeId) ?? regimes.data.items[0];
    if (!regime) return null;
    const report = await api<Report>('POST', '/api/reports', { regimeId: regime.id, period });
    const all = regime.content.indicatorIds.length
      ? (
          await api<{ items: { id: number; name: string; unit: string }[] }>(
            'GET',
            '/api/indicators?limit=500',
          )
        ).items
      : [];
    return { ...report, indicatorsOwed: all.filter((i) => regime.content.indicatorIds.includes(i.id)) };
  }, [period, regimeId, regimes.data]);
  const tasks = useLoad(
    () => api<{ items: { id: number; text: string }[] }>('GET', '/api/tasks?limit=500'),
    [],
  );
  const text = new Map((tasks.data?.items ?? []).map((x) => [x.id, x.text]));
  const [draft, setDraft] = useState<Report['content'] | null>(null);
  const content = draft ?? data?.content ?? null;
  const edit = (i: number, patch: Partial<Entry>) =>
    content &&
    setDraft({ ...content, tasks: content.tasks.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  /** A value typed the Vietnamese way ("20.889" or "6,81") is kept as written and read as a number. */
  const setIndicator = (indicatorId: number, unit: string, raw: string) => {
    if (!content) return;
    const others = content.indicators.filter((x) => x.indicatorId !== indicatorId);
    const value = Number(raw.trim().replace(/\./g, '').replace(',', '.'));
    const next =
      raw.trim() && Number.isFinite(value)
        ? [...others, { indicatorId, value, raw: raw.trim(), unit, scope: null }]
        : others;
    setDraft({ ...content, indicators: next });
  };
  const lines = (kind: 'difficulties' | 'recommendations') =>
    (content?.[kind] ?? []).map((n) => n.text).join('\n');
  const setLines = (kind: 'difficulties' | 'recommendations', value: string) =>
    content &&
    setDraft({
      ...content,
      [kind]: value
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => ({ text: s })),
    });
  const run = async (submit: boolean) => {
    if (!data || !content) return;
    setMessage(null);
    try {
      await api('PATCH', `/api/reports/${data.id}`, { content });
      if (submit) await api('POST', `/api/reports/${data.id}/submit`);
      setDraft(null);
      setMessage(submit ? t.submit : t.saveDraft);
      reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section>
      <h1>{t.reports}</h1>
      <label>
        {t.reports}
        <select
          name="regime"
          value={regimeId ?? ''}
          onChange={(e) => {
            const next = regimes.data?.items.find((r) => r.id === Number(e.target.value));
            // A regime's reports are for its own kind of period: move to the current one.
            if (next) setPeriod(defaultPeriod(next.frequency));
            setRegimeId(next ? next.id : null);
          }}
        >
          {(regimes.data?.items ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.period}
        <input name="period" value={period} onChange={(e) => setPeriod(e.target.value)} />
      </label>
      <Loading error={error ?? regimes.error}>
        {data === null ? null : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(true);
            }}
            aria-label={t.reports}
          >
            <p>
              {t.status}: <strong data-status={data.status}>{data.status}</strong>
              {data.returnReason ? ` — ${t.reason}: ${data.returnReason}` : ''}
            </p>
            <table>
              <thead>
                <tr>
                  <th>{t.tasks}</th>
                  <th>{t.progress}</th>
                  <th>{t.completedClaim}</th>
                  <th>{t.note}</th>
                </tr>
              </thead>
              <tbody>
                {content?.tasks.map((entry, i) => (
                  <tr key={entry.taskId}>
                    <td>{(text.get(entry.taskId) ?? `#${entry.taskId}`).slice(0, 160)}</td>
                    <td>
                      <input
                        aria-label={`${t.progress} ${entry.taskId}`}
                        type="number"
                        min={0}
                        max={100}
                        value={entry.progress}
                        onChange={(e) => edit(i, { progress: Number(e.target.value) })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t.completedClaim} ${entry.taskId}`}
                        type="date"
                        value={entry.completedAt ?? ''}
                        onChange={(e) =>
                          edit(i, {
                            completedAt: e.target.value || null,
                            status: e.target.value ? 'completed' : 'in_progress',
                            progress: e.target.value ? 100 : entry.progress,
                          })
                        }
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${t.note} ${entry.taskId}`}
                        value={entry.narrative}
                        onChange={(e) => edit(i, { narrative: e.target.value })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.indicatorsOwed.length > 0 && (
              <fieldset>
                <legend>{t.targets}</legend>
                {data.indicatorsOwed.map((ind) => {
                  const entry = content?.indicators.find((x) => x.indicatorId === ind.id);
                  return (
                    <label key={ind.id}>
                      {ind.name} ({ind.unit})
                      <input
                        inputMode="decimal"
                        name={`indicator-${ind.id}`}
                        value={entry?.raw ?? ''}
                        onChange={(e) => setIndicator(ind.id, ind.unit, e.target.value)}
                      />
                    </label>
                  );
                })}
              </fieldset>
            )}
            <label>
              {t.difficulties}
              <textarea
                name="difficulties"
                rows={3}
                value={lines('difficulties')}
                onChange={(e) => setLines('difficulties', e.target.value)}
              />
            </label>
            <label>
              {t.recommendations}
              <textarea
                name="recommendations"
                rows={3}
                value={lines('recommendations')}
                onChange={(e) => setLines('recommendations', e.target.value)}
              />
            </label>
            {message && <p role="status">{message}</p>}
            <button type="button" onClick={() => void run(false)} disabled={data.status === 'submitted'}>
              {t.saveDraft}
            </button>
            <button type="submit" disabled={data.status === 'submitted'}>
              {t.submit}
            </button>
          </form>
        )}
      </Loading>
    </section>
  );
}

function OfficeReports({ me }: { me: Me }) {
  const { t } = useT();
  const [period, setPeriod] = useState(currentQuarter());
  const [message, setMessage] = useState<string | null>(null);
  const reports = useLoad(
    () =>
      api<{ items: { id: number; unitName: string; status: string; submittedAt: string | null }[] }>(
        'GET',
        `/api/reports?period=${period}`,
      ),
    [period],
  );
  const compiled = useLoad(
    () =>
      api<{ notes: { kind: string; text: string; unitName: string }[] }>(
        'GET',
        `/api/compilation?period=${period}`,
      ),
    [period],
  );
  const office = me.role === 'admin' || me.role === 'office';
  const giveBack = async (id: number) => {
    const reason = prompt(t.reason);
    if (!reason) return;
    try {
      await api('POST', `/api/reports/${id}/return`, { reason });
      reports.reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section>
      <h1>{t.reports}</h1>
      <label>
        {t.period}
        <input name="period" value={period} onChange={(e) => setPeriod(e.target.value)} />
      </label>
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <Loading error={reports.error}>
        {reports.data && (
          <table>
            <thead>
              <tr>
                <th>{t.unit}</th>
                <th>{t.status}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {reports.data.items.map((r) => (
                <tr key={r.id}>
                  <td>{r.unitName}</td>
                  <td>{r.status}</td>
                  <td>
                    {office && r.status === 'submitted' && (
                      <button type="button" onClick={() => void giveBack(r.id)}>
                        {t.returnReport}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
      <h2>
        {t.difficulties} / {t.recommendations}
      </h2>
      <Loading error={compiled.error}>
        {compiled.data && (
          <ul className="compiled">
            {compiled.data.notes.map((n, i) => (
              <li key={i}>
                <strong>{n.unitName}</strong> — {n.kind === 'difficulty' ? t.difficulties : t.recommendations}
                : {n.text}
              </li>
            ))}
          </ul>
        )}
      </Loading>
      <p>
        <a href={`/api/exports/report?period=${period}&format=docx`}>{t.export} .docx</a> ·{' '}
        <a href={`/api/exports/tasks?period=${period}&format=xlsx`}>{t.export} .xlsx</a>
      </p>
    </section>
  );
}
