import { A } from '@solidjs/router';
import { t } from '../lib/i18n';

export function NotFound() {
  return (
    <section class="page" data-testid="not-found">
      <div class="card placeholder">
        <p class="big-number" aria-hidden="true">404</p>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <A href="/" class="button" data-testid="not-found-home">{t('notFound.home')}</A>
      </div>
    </section>
  );
}
