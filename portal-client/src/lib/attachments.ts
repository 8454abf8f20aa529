import { attachmentLabels } from '@portico/client-common';
import { language, t } from './i18n';

/** File type and size labels in this app's language (the words live in its catalog). */
export const { typeLabel: attachmentTypeLabel, sizeLabel: formatFileSize } = attachmentLabels(t, language);
