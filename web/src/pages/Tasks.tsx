import { useState } from 'react';
import { api, ApiError, type Me } from '../api.ts';
import { formatDate } from '../../../src/i18n/format.ts';
import { useT } from '../i18n.ts';
import { Loading, useLoad } from '../ui.tsx';

interface TaskRow {
  id: number;
  directiveNumber: string | null;
  section: string;
  text: string;
  leadText: string | null;
  leadUnitId: number | null;
  deadline: string | null;
  status: string;
  dueSoon: boolean;
  progress: number;
  claim: string;
  version: number;
}

const STATUS: Record<string, { vi: string; en: string }> = {
  completed_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  completed_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  no_deadline: { vi: 'Không có hạn', en: 'No deadline' },
};

export function Tasks({ me, initial }: { me: Me; initial: URLSearchParams }) {
  const { t, lang } = useT();
  const [status, setStatus] = useState(initial.get('status') ?? '');
  const [unit, setUnit] = useState(initial.get('unit') ?? '');
  const [q, setQ] = useState(initial.get('q') ?? '');
  const [period, setPeriod] = useState(initial.get('period') ?? '');
  const [directive, setDirective] = useState(initial.get('directive') ?? '');
  const directives = useLoad(
    () =>
      api<{ items: { id: number; number: string | null; title: string | null; fileName: string }[] }>(
        'GET',
        '/api/directives?status=confirmed&limit=200',
      ),
    [],
  );
  const periodOk = period === '' || /^\d{4}(-(Q[1-4]|H[12]|\d{2}))?$/.test(period);
  const [message, setMessage] = useState<string | null>(null);
  const units = useLoad(() => api<{ items: { id: number; name: string }[] }>('GET', '/api/units'), []);
  const query = new URLSearchParams({
    limit: '200',
    ...(status ? { status } : {}),
    ...(unit ? { unit } : {}),
    ...(q ? { q } : {}),
    ...(period && periodOk ? { period } : {}),
    ...(directive ? { directive } : {}),
  });
  const { data, error, reload } = useLoad(
    () => api<{ items: TaskRow[]; total: number }>('GET', `/api/tasks?${query}`),
    [query.toString()],
  );
  const unitName = new Map((units.data?.items ?? []).map((u) => [u.id, u.name]));
  const mayEdit = (row: TaskRow) =>
    me.role === 'admin' || me.role === 'office' || (me.role === 'member' && me.unitId === row.leadUnitId);
  const update = async (row: TaskRow, patch: Record<string, unknown>) => {
    setMessage(null);
    try {
      await api('PATCH', `/api/tasks/${row.id}`, { ...patch, version: row.version });
      reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section>
      <h1>{t.tasks}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} role="search">
        <label>
          {t.status}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t.all}</option>
            <option value="overdue">{t.overdue}</option>
            <option value="due_soon">{t.dueSoon}</option>
            <option value="in_progress">{STATUS['in_progress']![lang]}</option>
            <option value="completed">{lang === 'vi' ? 'Đã hoàn thành' : 'Completed'}</option>
            <option value="no_deadline">{STATUS['no_deadline']![lang]}</option>
          </select>
        </label>
        <label>
          {t.unit}
          <select name="unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{t.all}</option>
            {(units.data?.items ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.deadline} ({t.period})
          <input
            name="period"
            placeholder="2026-Q2"
            value={period}
            aria-invalid={!periodOk}
            onChange={(e) => setPeriod(e.target.value.trim())}
          />
        </label>
        <label>
          {t.directives}
          <select name="directive" value={directive} onChange={(e) => setDirective(e.target.value)}>
            <option value="">{t.all}</option>
            {(directives.data?.items ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.number ?? d.title ?? d.fileName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.search}
          <input name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
      </form>
      {me.role === 'member' && <p className="hint">{t.forbiddenNote}</p>}
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <Loading error={error}>
        {data && (
          <table className="tasks">
            <caption>
              {data.total} {t.tasks.toLowerCase()}
            </caption>
            <thead>
              <tr>
                <th>{t.tasks}</th>
                <th>{t.lead}</th>
                <th>{t.deadline}</th>
                <th>{t.status}</th>
                <th>{t.progress}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((row) => (
                <tr key={row.id} className={row.status} data-task-id={row.id}>
                  <td>
                    <small>
                      {row.directiveNumber} · {row.section}
                    </small>
                    <div>
                      <a href={`#/tasks/${row.id}`}>
                        {row.text.length > 220 ? `${row.text.slice(0, 219)}…` : row.text}
                      </a>
                    </div>
                  </td>
                  <td>{row.leadUnitId ? unitName.get(row.leadUnitId) : (row.leadText ?? '—')}</td>
                  <td className="deadline">{formatDate(row.deadline, lang)}</td>
                  <td>
                    {STATUS[row.status]?.[lang]}
                    {row.dueSoon ? ` · ${t.dueSoon}` : ''}
                    {row.claim === 'claimed' ? ' · ✓?' : ''}
                  </td>
                  <td>
                    {mayEdit(row) ? (
                      <input
                        aria-label={`${t.progress} ${row.id}`}
                        type="number"
                        min={0}
                        max={100}
                        defaultValue={row.progress}
                        onBlur={(e) =>
                          Number(e.target.value) !== row.progress &&
                          void update(row, { progress: Number(e.target.value) })
                        }
                      />
                    ) : (
                      `${row.progress}%`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
    </section>
  );
}
