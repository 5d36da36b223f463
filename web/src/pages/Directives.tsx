import { useRef, useState, type DragEvent } from 'react';
import { api, type Me } from '../api.ts';
import { formatDate } from '../../../src/i18n/format.ts';
import { useT } from '../i18n.ts';
import { Loading, useLoad } from '../ui.tsx';

interface DirectiveRow {
  id: number;
  number: string | null;
  type: string;
  issuer: string | null;
  issuedOn: string | null;
  title: string | null;
  status: 'draft' | 'confirmed';
  fileName: string;
}

/** Uploads with progress (XMLHttpRequest reports upload progress; fetch does not). */
function upload(
  file: File,
  csrf: string,
  onProgress: (share: number) => void,
): Promise<{ directiveId: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/directives');
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      try {
        const data = JSON.parse(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) resolve(data);
        else reject(new Error(data?.error?.message ?? `HTTP ${xhr.status}`));
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new Error('Không kết nối được máy chủ. (Cannot reach the server.)'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export function Directives({ me }: { me: Me }) {
  const { t, lang } = useT();
  const { data, error, reload } = useLoad(
    () => api<{ items: DirectiveRow[]; total: number }>('GET', '/api/directives?limit=100'),
    [],
  );
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const canUpload = me.role === 'admin' || me.role === 'office';
  const send = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(null);
    setProgress(0);
    try {
      const res = await upload(file, me.csrfToken, setProgress);
      location.hash = `#/directives/${res.directiveId}`;
    } catch (e) {
      setUploadError((e as Error).message);
      reload();
    } finally {
      setProgress(null);
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    void send(e.dataTransfer.files[0]);
  };
  return (
    <section>
      <h1>{t.directives}</h1>
      {canUpload && (
        <div className="dropzone" onDragOver={(e) => e.preventDefault()} onDrop={drop}>
          <label>
            {t.upload}
            <input
              ref={input}
              type="file"
              name="file"
              accept=".txt,.md,.docx,.pdf"
              onChange={(e) => void send(e.target.files?.[0])}
            />
          </label>
          {progress !== null && (
            <progress max={1} value={progress} aria-label={t.uploading}>
              {Math.round(progress * 100)}%
            </progress>
          )}
          {uploadError && (
            <p role="alert" className="error">
              {uploadError}
            </p>
          )}
        </div>
      )}
      <Loading error={error}>
        {data && (
          <table>
            <thead>
              <tr>
                <th>{t.number}</th>
                <th>{t.type}</th>
                <th>{t.date}</th>
                <th>{t.issuer}</th>
                <th>{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={`#/directives/${d.id}`}>{d.number ?? d.title ?? d.fileName}</a>
                  </td>
                  <td>{d.type}</td>
                  <td>{formatDate(d.issuedOn, lang)}</td>
                  <td>{d.issuer}</td>
                  <td>{d.status === 'draft' ? t.draft : t.confirmed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
    </section>
  );
}
