import { Show } from 'solid-js';
import { PageHeader } from '../../components/page-header';
import { t } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { CustomFields } from './custom-fields';
import { StandardFields } from './standard-fields';

/** Which ticket fields contacts see in the portal: every technician reads it, admins change it. */
export function FieldsPage() {
  const session = useSession();
  return (
    <>
      <PageHeader title={t('fields.title')} />
      <p class="muted">{t('fields.intro')}</p>
      <Show when={!session.isAdmin()}>
        <p class="notice" data-testid="fields-read-only">
          {t('fields.readOnlyNotice')}
        </p>
      </Show>
      <StandardFields readOnly={!session.isAdmin()} />
      <CustomFields readOnly={!session.isAdmin()} />
    </>
  );
}
