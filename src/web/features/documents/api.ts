import type { z } from 'zod';
import type * as S from '../../../core/schemas/documents';
import { api, ApiError } from '../../api/client';
import { i18n } from '../../i18n';

export type DocumentSummary = z.infer<typeof S.DocumentSummary>;
export type DocumentVersion = z.infer<typeof S.DocumentVersion>;
export type UploadReply = z.infer<typeof S.UploadReply>;
export type VerifyReply = z.infer<typeof S.VerifyReply>;

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/documents`;

async function csrfToken(): Promise<string> {
  const res = await fetch('/api/auth/csrf', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!res.ok) throw new ApiError(res.status, `http.${res.status}`, res.statusText);
  return ((await res.json()) as { token: string }).token;
}

function toApiError(xhr: XMLHttpRequest): ApiError {
  let body: { error?: { code?: string; message?: string } } = {};
  try {
    body = JSON.parse(xhr.responseText) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): a generic code below.
  }
  return new ApiError(
    xhr.status,
    body.error?.code ?? `http.${xhr.status}`,
    body.error?.message ?? xhr.statusText,
  );
}

/**
 * Send one file as multipart with upload progress (fetch cannot report it, XMLHttpRequest can). A
 * network failure rejects with a TypeError, like fetch, so the shared error text applies.
 */
function sendUpload(
  caseId: string,
  file: File,
  groupId: string | undefined,
  token: string,
  onProgress: (fraction: number) => void,
): Promise<UploadReply> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (groupId) form.append('groupId', groupId);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', base(caseId));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.language);
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as UploadReply);
      else reject(toApiError(xhr));
    };
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.send(form);
  });
}

/** Case documents: list, versions, upload (with progress), verify; downloads are plain links. */
export const documentsApi = {
  list: (caseId: string) => api.get<{ items: DocumentSummary[] }>(base(caseId)),
  versions: (caseId: string, docId: string) =>
    api.get<{ items: DocumentVersion[] }>(`${base(caseId)}/${encodeURIComponent(docId)}/versions`),
  verify: (caseId: string, docId: string) =>
    api.post<VerifyReply>(`${base(caseId)}/${encodeURIComponent(docId)}/verify`),
  downloadUrl: (caseId: string, docId: string) => `${base(caseId)}/${encodeURIComponent(docId)}/download`,
  async upload(
    caseId: string,
    file: File,
    groupId: string | undefined,
    onProgress: (fraction: number) => void,
  ): Promise<UploadReply> {
    try {
      return await sendUpload(caseId, file, groupId, await csrfToken(), onProgress);
    } catch (e) {
      // The CSRF cookie may have been renewed meanwhile (a new login): try once with a fresh token.
      if (e instanceof ApiError && e.code === 'auth.csrf_invalid')
        return sendUpload(caseId, file, groupId, await csrfToken(), onProgress);
      throw e;
    }
  },
};
