/**
 * What Portico accepts as a ticket's file and how it hands files back, the same for mailed and
 * uploaded ones.
 */

/** The largest file kept (mail and browser uploads alike). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Files one new ticket or reply may carry from the browser. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** Browser uploads one account may hold before sending them. */
export const MAX_PENDING_UPLOADS_PER_ACCOUNT = 50;

/** Browser uploads nobody sent with a message are dropped after this long. */
export const PENDING_UPLOAD_TTL_HOURS = 24;

/**
 * Types a browser shows or saves without running anything. Everything else (HTML, SVG, XML,
 * scripts, unknown types) is handed back as application/octet-stream, so nothing a customer
 * uploads can render as a page of Portico's origin, whatever its name or declared type.
 */
const INERT_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/heic',
  'text/plain',
  'text/csv',
  'audio/mpeg',
  'audio/wav',
  'audio/ogg',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'message/rfc822',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/** The type a download is sent with: the declared one when inert, else application/octet-stream. */
export function servedContentType(declared: string): string {
  const type = declared.toLowerCase().split(';')[0].trim();
  return INERT_TYPES.has(type) ? type : 'application/octet-stream';
}

/** A declared type as stored: a plausible `type/subtype`, or application/octet-stream. */
export function storedContentType(declared: string | undefined): string {
  const type = (declared ?? '').toLowerCase().split(';')[0].trim();
  return /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type) && type.length <= 255 ? type : 'application/octet-stream';
}

/** A file name as stored: no path, no control characters, at most 255 characters, never empty. */
export function storedFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean || 'file';
}

/** Image types a browser shows inline without running anything (not SVG: it can carry script). */
const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * The headers of a knowledge base file: plain raster images inline (an article shows them), with
 * the same nosniff and sandbox as downloads; anything else exactly as a download.
 */
export function articleFileHeaders(file: { filename: string; contentType: string }): Record<string, string> {
  const headers = downloadHeaders(file);
  const type = file.contentType.toLowerCase().split(';')[0].trim();
  if (!INLINE_IMAGE_TYPES.has(type)) return headers;
  return { ...headers, 'Content-Type': type, 'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}` };
}

/** The headers of a download: always a download, never sniffed, never run as a page. */
export function downloadHeaders(file: { filename: string; contentType: string }): Record<string, string> {
  return {
    'Content-Type': servedContentType(file.contentType),
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'private, no-store',
  };
}
