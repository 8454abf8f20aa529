import { deviceLabels } from '@portico/client-common';
import { language, t } from './i18n';

// Operating system names, free space and uptime as people read them (shared with the console).
export const { os: deviceOsLabel, freeOf: formatFreeOf, uptime: formatUptime } = deviceLabels(t, language);
