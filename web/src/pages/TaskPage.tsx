import { useState } from 'react';
import { api, ApiError, type Me } from '../api.ts';
import { formatDate } from '../../../src/i18n/format.ts';
import { useT } from '../i18n.ts';
import { Loading, useLoad } from '../ui.tsx';

interface TaskDetail {
  id: number;
  directiveId: number;
  directiveNumber: string | null;
  directiveTitle: string | null;
  section: string;
  text: string;
  sentence: string | null;
  leadText: string | null;
  leadUnitName: string | null;
  leadUnitId: number | null;
  support: { name: string; unitName: string | null }[];
  deadline: string | null;
  status: string;
  progress: number;
  note: string | null;
  history: {
    id: number;
    at: string;
    kind: string;
    progress: number | null;
    note: string | null;
    username: string | null;
  }[];
}

export function TaskPage({ id, me }: { id: number; me: Me }) {
  const { t, lang } = useT();
  const { data, error } = useLoad(() => api<TaskDetail>('GET', `/api/tasks/${id}`), [id]);
  const [message, setMessage] = useState<string | null>(null);
  const office = me.role === 'admin' || me.role === 'office';
  const remind = async () => {
    try {
      const res = await api<{ written: boolean }>('POST', `/api/tasks/${id}/remind`);
      setMessage(res.written ? t.reminded : t.remindedAlready);
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Loading error={error}>
      {data && (
        <section>
          <h1>
            {t.tasks} {data.section}
          </h1>
          <p>
            <a href={`#/directives/${data.directiveId}?focus=task-${data.id}`}>
              {data.directiveNumber ?? data.directiveTitle}
            </a>
          </p>
          <p>{data.text}</p>
          {data.sentence && (
            <blockquote aria-label={t.source} lang="vi">
              {data.sentence}
            </blockquote>
          )}
          <dl>
            <dt>{t.lead}</dt>
            <dd>{data.leadUnitName ?? data.leadText ?? '—'}</dd>
            <dt>{t.support}</dt>
            <dd>{data.support.map((s) => s.unitName ?? s.name).join('; ') || '—'}</dd>
            <dt>{t.deadline}</dt>
            <dd>{formatDate(data.deadline, lang) || '—'}</dd>
            <dt>{t.status}</dt>
            <dd>
              {data.status} · {data.progress}%
            </dd>
          </dl>
          {office && data.leadUnitId !== null && (
            <button type="button" onClick={() => void remind()}>
              {t.remind}
            </button>
          )}
          {message && <p role="status">{message}</p>}
          <h2>{t.history}</h2>
          <table>
            <tbody>
              {data.history.map((h) => (
                <tr key={h.id}>
                  <td>{formatDate(h.at.slice(0, 10), lang)}</td>
                  <td>{h.username}</td>
                  <td>{h.kind}</td>
                  <td>{h.progress === null ? '' : `${h.progress}%`}</td>
                  <td>{h.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Loading>
  );
}
