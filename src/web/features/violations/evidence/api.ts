import type { z } from 'zod';
import type * as S from '../../../../core/schemas/evidence';
import { api, ApiError } from '../../../api/client';
import { i18n } from '../../../i18n';

export type Evidence = z.infer<typeof S.Evidence>;
export type CustodyEntry = z.infer<typeof S.CustodyEntry>;
export type VerifyReply = z.infer<typeof S.EvidenceVerifyReply>;

/** Where an upload goes: an event (optionally one of its acts) or a person only. */
export type EvidenceOwner = { kind: 'event'; id: string } | { kind: 'person'; id: string };

const enc = encodeURIComponent;
const item = (id: string) => `/api/violations/evidence/${enc(id)}`;
const ownerBase = (o: EvidenceOwner) =>
  o.kind === 'event' ? `/api/violations/events/${enc(o.id)}/evidence` : `/api/people/${enc(o.id)}/evidence`;

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

export interface UploadFields {
  actId?: string;
  description?: string;
}

/** Multipart with upload progress (fetch cannot report it); text fields go before the file. */
function send(
  owner: EvidenceOwner,
  file: File,
  fields: UploadFields,
  token: string,
  onProgress: (fraction: number) => void,
): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (owner.kind === 'event' && fields.actId) form.append('actId', fields.actId);
    if (fields.description) form.append('description', fields.description);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ownerBase(owner));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.language);
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as { id: string });
      else reject(toApiError(xhr));
    };
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.send(form);
  });
}

/** Evidence of violations: list, upload with progress, verify, custody log; files are plain links. */
export const evidenceApi = {
  list: (owner: EvidenceOwner) => api.get<{ items: Evidence[] }>(ownerBase(owner)),
  custody: (id: string) => api.get<{ items: CustodyEntry[] }>(`${item(id)}/custody`),
  verify: (id: string) => api.post<VerifyReply>(`${item(id)}/verify`),
  downloadUrl: (id: string) => `${item(id)}/download`,
  thumbnailUrl: (id: string) => `${item(id)}/thumbnail`,
  async upload(
    owner: EvidenceOwner,
    file: File,
    fields: UploadFields,
    onProgress: (fraction: number) => void,
  ): Promise<{ id: string }> {
    try {
      return await send(owner, file, fields, await csrfToken(), onProgress);
    } catch (e) {
      // The CSRF cookie may have been renewed meanwhile (a new login): try once with a fresh token.
      if (e instanceof ApiError && e.code === 'auth.csrf_invalid')
        return send(owner, file, fields, await csrfToken(), onProgress);
      throw e;
    }
  },
};
