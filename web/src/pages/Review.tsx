import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, type Me } from '../api.ts';
import { formatDate, formatNumber } from '../../../src/i18n/format.ts';
import { useT } from '../i18n.ts';
import { Loading, useLoad } from '../ui.tsx';

interface Item {
  kind: 'target' | 'result' | 'task' | 'warning';
  id: number;
  span: [number, number] | null;
}
interface Quantity {
  id: number;
  indicatorText: string;
  indicatorId: number | null;
  indicatorSuggestions: { indicatorId: number; name: string }[];
  version: number;
  op: string;
  lo: number | null;
  hi: number | null;
  raw: string;
  unit: string;
  period: string | null;
  span: [number, number] | null;
}
interface Task {
  id: number;
  section: string;
  text: string;
  leadText: string | null;
  leadUnitId: number | null;
  leadSuggestions: { unitId: number; name: string }[];
  deadline: string | null;
  deadlineText: string | null;
  span: [number, number] | null;
  version: number;
}
interface Detail {
  id: number;
  number: string | null;
  title: string | null;
  status: 'draft' | 'confirmed';
  text: string;
  warnings: { code: string; message: string; span: [number, number] | null }[];
  citations: { number: string; date: string | null; directiveId: number | null }[];
  targets: Quantity[];
  results: Quantity[];
  tasks: Task[];
}

const key = (i: Item) => `${i.kind}-${i.id}`;

/** Flash an element after scrolling to it, so the eye finds it. */
function flash(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.remove('flash');
  void el.offsetWidth;
  el.classList.add('flash');
}

export function Review({ id, me, focus }: { id: number; me: Me; focus?: string | null }) {
  const { t, lang } = useT();
  const { data, error, reload } = useLoad(() => api<Detail>('GET', `/api/directives/${id}`), [id]);
  const [message, setMessage] = useState<string | null>(null);
  const office = me.role === 'admin' || me.role === 'office';
  const items: Item[] = useMemo(
    () =>
      data
        ? [
            ...data.targets.map((q) => ({ kind: 'target' as const, id: q.id, span: q.span })),
            ...data.results.map((q) => ({ kind: 'result' as const, id: q.id, span: q.span })),
            ...data.tasks.map((x) => ({ kind: 'task' as const, id: x.id, span: x.span })),
            ...data.warnings.map((w, i) => ({ kind: 'warning' as const, id: i, span: w.span })),
          ]
        : [],
    [data],
  );
  const pieces = useMemo(() => {
    if (!data) return [];
    const spans = items.filter((i) => i.span).sort((a, b) => a.span![0] - b.span![0]);
    const out: { text: string; item?: Item }[] = [];
    let at = 0;
    for (const item of spans) {
      const [s, e] = item.span!;
      if (s < at) continue;
      if (s > at) out.push({ text: data.text.slice(at, s) });
      out.push({ text: data.text.slice(s, e), item });
      at = e;
    }
    out.push({ text: data.text.slice(at) });
    return out;
  }, [data, items]);

  // Arriving from a chart point or a task page: flash the sentence that item came from.
  useEffect(() => {
    if (data && focus) setTimeout(() => flash(`src-${focus}`), 50);
  }, [data, focus]);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await run();
      setMessage(done);
      reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };
  /** The selected text in the source, as character offsets into the directive's text. */
  const addFromSelection = async () => {
    const selection = getSelection();
    const article = document.querySelector('article.source');
    if (!selection || selection.rangeCount === 0 || !article || selection.isCollapsed) {
      setMessage(
        lang === 'vi'
          ? 'Hãy bôi đen một đoạn trong văn bản gốc trước.'
          : 'Select a passage of the source text first.',
      );
      return;
    }
    const range = selection.getRangeAt(0);
    if (!article.contains(range.startContainer)) return;
    const before = document.createRange();
    before.setStart(article, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    const text = range.toString();
    await act(
      () =>
        api('POST', `/api/directives/${id}/tasks`, { text: text.trim(), span: [start, start + text.length] }),
      t.save,
    );
  };
  const remove = (kind: 'tasks' | 'quantities', itemId: number) =>
    act(() => api('DELETE', `/api/${kind}/${itemId}`), t.deleteItem);
  const value = (q: Quantity) =>
    q.op === 'range'
      ? `${formatNumber(q.lo ?? 0, lang)}–${formatNumber(q.hi ?? 0, lang)}`
      : formatNumber((q.lo ?? q.hi) as number, lang);

  return (
    <Loading error={error}>
      {data && (
        <section>
          <h1>
            {data.number ?? data.title} — {data.status === 'draft' ? t.draft : t.confirmed}
          </h1>
          {data.status === 'draft' && office && (
            <button
              type="button"
              onClick={() => void act(() => api('POST', `/api/directives/${id}/confirm`), t.confirmed)}
            >
              {t.confirm}
            </button>
          )}
          {message && <p role="status">{message}</p>}
          {data.warnings.length > 0 && (
            <details>
              <summary>
                {t.warnings} ({data.warnings.length})
              </summary>
              <ul>
                {data.warnings.map((w, i) => (
                  <li key={i} id={`item-warning-${i}`}>
                    {w.span ? (
                      <button type="button" className="link" onClick={() => flash(`src-warning-${i}`)}>
                        {w.message}
                      </button>
                    ) : (
                      w.message
                    )}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {data.citations.length > 0 && (
            <details>
              <summary>
                {t.citations} ({data.citations.length})
              </summary>
              <ul>
                {data.citations.map((c, i) => (
                  <li key={i}>
                    {c.directiveId ? <a href={`#/directives/${c.directiveId}`}>{c.number}</a> : c.number}
                    {c.date ? ` (${formatDate(c.date, lang)})` : ''}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {data.status === 'draft' && office && (
            <button type="button" onClick={() => void addFromSelection()}>
              {t.addTask}
            </button>
          )}
          <div className="review">
            <article className="source" aria-label={t.source} lang="vi">
              {pieces.map((p, i) =>
                p.item ? (
                  <mark
                    key={i}
                    id={`src-${key(p.item)}`}
                    className={p.item.kind}
                    onClick={() => flash(`item-${key(p.item!)}`)}
                  >
                    {p.text}
                  </mark>
                ) : (
                  <span key={i}>{p.text}</span>
                ),
              )}
            </article>
            <div className="items">
              {(['targets', 'results'] as const).map((group) => (
                <section key={group} aria-label={group}>
                  <h2>
                    {group === 'targets' ? t.targets : t.actual} ({data[group].length})
                  </h2>
                  <ul>
                    {data[group].map((q) => (
                      <li key={q.id} id={`item-${group === 'targets' ? 'target' : 'result'}-${q.id}`}>
                        <button
                          type="button"
                          className="link"
                          onClick={() => flash(`src-${group === 'targets' ? 'target' : 'result'}-${q.id}`)}
                        >
                          {q.indicatorText}: {value(q)} {q.unit} {q.period ? `(${q.period})` : ''}
                        </button>
                        {q.indicatorId !== null ? (
                          <a href={`#/indicators/${q.indicatorId}`} aria-label={t.chart}>
                            {' '}
                            ↗
                          </a>
                        ) : (
                          office &&
                          q.indicatorSuggestions[0] && (
                            <button
                              type="button"
                              onClick={() =>
                                void act(
                                  () =>
                                    api('PATCH', `/api/quantities/${q.id}`, {
                                      indicatorId: q.indicatorSuggestions[0]!.indicatorId,
                                      version: q.version,
                                    }),
                                  t.save,
                                )
                              }
                            >
                              → {q.indicatorSuggestions[0].name}
                            </button>
                          )
                        )}
                        {data.status === 'draft' && office && (
                          <button
                            type="button"
                            aria-label={`${t.deleteItem} ${q.indicatorText}`}
                            onClick={() => void remove('quantities', q.id)}
                          >
                            ✕
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
              <section aria-label="tasks">
                <h2>
                  {t.tasks} ({data.tasks.length})
                </h2>
                <ul>
                  {data.tasks.map((task) => (
                    <TaskItem
                      onDelete={
                        data.status === 'draft' && office ? () => void remove('tasks', task.id) : undefined
                      }
                      key={task.id}
                      task={task}
                      office={office}
                      onSave={(patch) =>
                        act(
                          () => api('PATCH', `/api/tasks/${task.id}`, { ...patch, version: task.version }),
                          t.save,
                        )
                      }
                      lang={lang}
                    />
                  ))}
                </ul>
              </section>
            </div>
          </div>
        </section>
      )}
    </Loading>
  );
}

function TaskItem({
  task,
  office,
  onSave,
  onDelete,
  lang,
}: {
  onDelete: (() => void) | undefined;
  task: Task;
  office: boolean;
  onSave: (patch: { deadline?: string | null; leadUnitId?: number | null }) => Promise<void>;
  lang: 'vi' | 'en';
}) {
  const { t } = useT();
  const [deadline, setDeadline] = useState(task.deadline ?? '');
  return (
    <li id={`item-task-${task.id}`} className="task-item">
      <button type="button" className="link" onClick={() => flash(`src-task-${task.id}`)}>
        {task.section}. {task.text.slice(0, 160)}
        {task.text.length > 160 ? '…' : ''}
      </button>
      <div className="meta">
        {t.lead}: {task.leadText ?? '—'} · {t.deadline}:{' '}
        {task.deadline ? formatDate(task.deadline, lang) : '—'}
      </div>
      {office && (
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void onSave({ deadline: deadline || null });
          }}
        >
          <label>
            {t.deadline}
            <input
              type="date"
              name={`deadline-${task.id}`}
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
            />
          </label>
          {task.leadUnitId === null && task.leadSuggestions[0] && (
            <button
              type="button"
              onClick={() => void onSave({ leadUnitId: task.leadSuggestions[0]!.unitId })}
            >
              {t.lead}: {task.leadSuggestions[0].name}
            </button>
          )}
          <button type="submit">{t.save}</button>
          {onDelete && (
            <button type="button" onClick={onDelete}>
              {t.deleteItem}
            </button>
          )}
        </form>
      )}
    </li>
  );
}
