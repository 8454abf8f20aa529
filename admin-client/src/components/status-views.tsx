import { A } from '@solidjs/router';
import { t } from '../lib/i18n';

export function NotFoundView() {
  return (
    <section class="status-view" data-testid="not-found">
      <h1>{t('status.notFoundTitle')}</h1>
      <p>{t('status.notFoundText')}</p>
      <A href="/customers" class="button button--secondary">
        {t('status.backToCustomers')}
      </A>
    </section>
  );
}

export function ForbiddenView() {
  return (
    <section class="status-view" data-testid="forbidden">
      <h1>{t('status.forbiddenTitle')}</h1>
      <p>{t('status.forbiddenText')}</p>
      <A href="/customers" class="button button--secondary">
        {t('status.backToCustomers')}
      </A>
    </section>
  );
}
