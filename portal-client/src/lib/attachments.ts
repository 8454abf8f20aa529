import { attachmentKind, fileExtension } from '@portico/client-common';
import { language, t } from './i18n';

export { attachmentKind, attachmentUrl, fileExtension, type AttachmentKind } from '@portico/client-common';

/** A short, translated hint of the file's type, e.g. "PDF document" or "DWG file". */
export function attachmentTypeLabel(contentType: string, filename: string): string {
  switch (attachmentKind(contentType, filename)) {
    case 'pdf':
      return t('tickets.attachments.kind.pdf');
    case 'image':
      return t('tickets.attachments.kind.image');
    case 'document':
      return t('tickets.attachments.kind.document');
    case 'spreadsheet':
      return t('tickets.attachments.kind.spreadsheet');
    case 'presentation':
      return t('tickets.attachments.kind.presentation');
    case 'archive':
      return t('tickets.attachments.kind.archive');
    case 'text':
      return t('tickets.attachments.kind.text');
    case 'audio':
      return t('tickets.attachments.kind.audio');
    case 'video':
      return t('tickets.attachments.kind.video');
    case 'email':
      return t('tickets.attachments.kind.email');
    case 'other': {
      const extension = fileExtension(filename);
      return extension ? t('tickets.attachments.kind.other', { ext: extension }) : t('tickets.attachments.kind.unknown');
    }
  }
}

/** A size in bytes for people, in the current language: "812 bytes", "4.2 KB", "13 MB" (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number): string {
  const format = (value: number) =>
    new Intl.NumberFormat(language().toLowerCase(), { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (bytes < 1024) return t('tickets.attachments.size.bytes', { size: new Intl.NumberFormat(language().toLowerCase()).format(bytes) });
  const kilobytes = bytes / 1024;
  if (Math.round(kilobytes) < 1024) return t('tickets.attachments.size.kb', { size: format(kilobytes) });
  return t('tickets.attachments.size.mb', { size: format(kilobytes / 1024) });
}
