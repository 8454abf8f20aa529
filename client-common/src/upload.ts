// Sending a file from the browser to `POST /uploads`; a new ticket or reply then names it by id.

/** The limits the server enforces (server/src/tickets/attachment-rules.ts), checked here first so people learn early. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_FILES_PER_MESSAGE = 10;

export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** A refused or failed upload: the server's translated message, or none when the network failed. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Sends one file with the session cookie. XMLHttpRequest rather than fetch, because only it
 * reports upload progress. The name travels percent-encoded in a header; the body is the bytes.
 */
export function uploadFile(file: Blob, filename: string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/uploads');
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.setRequestHeader('X-Upload-Filename', encodeURIComponent(filename));
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { id?: string; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
      if (request.status === 201 && body?.id) return resolve(body as UploadedFile);
      const error = body?.errors?.[0];
      reject(new UploadError(error?.message ?? '', error?.extensions?.code));
    };
    request.onerror = () => reject(new UploadError('', undefined));
    request.onabort = () => reject(new UploadError('', 'ABORTED'));
    signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}

/** A pasted screenshot has no useful name ("image.png"): it gets one with the time it was taken. */
export function screenshotName(type: string, now = new Date()): string {
  const extension = type.split('/')[1]?.replace('jpeg', 'jpg').replace(/[^a-z0-9]/g, '') || 'png';
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `screenshot-${stamp}.${extension}`;
}
