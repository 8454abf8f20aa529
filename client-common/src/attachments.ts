// Attachment helpers shared by the portal and the console; words come from the caller's `t`.
import type { LanguageCode } from './i18n';
import type { SharedMessageKey } from './messages';

/** What kind of file an attachment is, from its MIME type and, failing that, its file name. */
export type AttachmentKind =
  | 'pdf'
  | 'image'
  | 'document'
  | 'spreadsheet'
  | 'presentation'
  | 'archive'
  | 'text'
  | 'audio'
  | 'video'
  | 'email'
  | 'other';

const KIND_BY_EXTENSION: Record<string, AttachmentKind> = {
  pdf: 'pdf',
  png: 'image', jpg: 'image', jpeg: 'image', gif: 'image', webp: 'image', bmp: 'image', svg: 'image', heic: 'image', tif: 'image', tiff: 'image',
  doc: 'document', docx: 'document', odt: 'document', rtf: 'document', pages: 'document',
  xls: 'spreadsheet', xlsx: 'spreadsheet', ods: 'spreadsheet', csv: 'spreadsheet', numbers: 'spreadsheet',
  ppt: 'presentation', pptx: 'presentation', odp: 'presentation', key: 'presentation',
  zip: 'archive', '7z': 'archive', rar: 'archive', gz: 'archive', tgz: 'archive', tar: 'archive', bz2: 'archive', xz: 'archive',
  txt: 'text', log: 'text', md: 'text', json: 'text', xml: 'text', ini: 'text', cfg: 'text', conf: 'text', yml: 'text', yaml: 'text',
  mp3: 'audio', wav: 'audio', m4a: 'audio', ogg: 'audio', flac: 'audio',
  mp4: 'video', mov: 'video', avi: 'video', mkv: 'video', webm: 'video',
  eml: 'email', msg: 'email',
};

/** The file name's extension in capitals (e.g. "PDF"), or '' when it has none worth showing. */
export function fileExtension(filename: string): string {
  const match = /\.([a-z0-9]{1,5})$/i.exec(filename.trim());
  return match ? match[1].toUpperCase() : '';
}

export function attachmentKind(contentType: string, filename: string): AttachmentKind {
  const type = contentType.toLowerCase().split(';')[0].trim();
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type === 'message/rfc822' || type === 'application/vnd.ms-outlook') return 'email';
  if (/spreadsheet|ms-excel|text\/csv/.test(type)) return 'spreadsheet';
  if (/presentation|ms-powerpoint/.test(type)) return 'presentation';
  if (/wordprocessing|msword|opendocument\.text|rtf/.test(type)) return 'document';
  if (/zip|compressed|x-tar|gzip|x-rar|x-7z|x-bzip|x-xz/.test(type)) return 'archive';
  // Mail programs often send application/octet-stream: the file name tells more.
  const byName = KIND_BY_EXTENSION[fileExtension(filename).toLowerCase()];
  if (byName) return byName;
  if (type.startsWith('text/')) return 'text';
  return 'other';
}

/** Where the browser downloads an attachment; the session cookie goes along (same origin). */
export function attachmentUrl(id: string): string {
  return `/attachments/${encodeURIComponent(id)}`;
}

type Translate = (key: SharedMessageKey, params?: Record<string, string | number>) => string;

/** Labels for files in the caller's language, through the caller's `t` (which knows the shared texts). */
export function attachmentLabels(t: Translate, language: () => LanguageCode) {
  /** A short, translated hint of the file's type, e.g. "PDF document" or "DWG file". */
  const typeLabel = (contentType: string, filename: string): string => {
    // Literal keys, so the apps' catalog tests see them used.
    switch (attachmentKind(contentType, filename)) {
      case 'pdf':
        return t('files.kind.pdf');
      case 'image':
        return t('files.kind.image');
      case 'document':
        return t('files.kind.document');
      case 'spreadsheet':
        return t('files.kind.spreadsheet');
      case 'presentation':
        return t('files.kind.presentation');
      case 'archive':
        return t('files.kind.archive');
      case 'text':
        return t('files.kind.text');
      case 'audio':
        return t('files.kind.audio');
      case 'video':
        return t('files.kind.video');
      case 'email':
        return t('files.kind.email');
      case 'other': {
        const extension = fileExtension(filename);
        return extension ? t('files.kind.other', { ext: extension }) : t('files.kind.unknown');
      }
    }
  };
  /** A size in bytes for people, in the current language: "812 bytes", "4.2 KB", "13 MB" (1 KB = 1024 bytes). */
  const sizeLabel = (bytes: number): string => {
    const locale = language().toLowerCase();
    const format = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
    if (bytes < 1024) return t('files.size.bytes', { size: new Intl.NumberFormat(locale).format(bytes) });
    const kilobytes = bytes / 1024;
    if (Math.round(kilobytes) < 1024) return t('files.size.kb', { size: format(kilobytes) });
    return t('files.size.mb', { size: format(kilobytes / 1024) });
  };
  return { typeLabel, sizeLabel };
}
