import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import { useT } from './i18n.ts';

/** Loads data for a screen; shows a clear message (never a blank page) when the server fails. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    load()
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { data, error, reload: () => setTick((n) => n + 1) };
}

export function Loading({ error, children }: { error: string | null; children: ReactNode | null }) {
  const { t } = useT();
  if (error) {
    return (
      <p role="alert" className="error">
        {t.error}: {error}
      </p>
    );
  }
  return children === null ? <p aria-busy="true">{t.loading}</p> : <>{children}</>;
}

export function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}
