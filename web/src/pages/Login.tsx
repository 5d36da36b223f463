import { useState, type FormEvent } from 'react';
import { api, ApiError, setCsrf, type Me } from '../api.ts';
import { useT } from '../i18n.ts';

export function Login({ onLogin }: { onLogin: (me: Me) => void }) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const res = await api<{ user: Omit<Me, 'csrfToken'>; csrfToken: string }>('POST', '/api/auth/login', {
        username,
        password,
      });
      setCsrf(res.csrfToken);
      onLogin({ ...res.user, csrfToken: res.csrfToken });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <main className="login">
      <h1>Rõ</h1>
      <form onSubmit={submit} aria-label={t.login}>
        <label>
          {t.username}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">{t.login}</button>
      </form>
    </main>
  );
}
