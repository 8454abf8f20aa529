import { createAction, QueryView, SafeHtml, uploadFile, UploadError, type LanguageCode } from '@portico/client-common';
import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { LanguageSelect } from '../../components/language-select';
import { PageHeader } from '../../components/page-header';
import { graphql } from '../../gql';
import type { OperationResult } from '@urql/core';
import type { AdminCreateKbArticleMutation, AdminKbArticleQuery, AdminUpdateKbArticleMutation, KbArticleStatus, KbAudience } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { CustomerPicker, type PickedCustomer } from '../settings/customer-picker';
import { kbStatusLabel, KB_STATUS_BADGE } from './kb-labels';

const ArticleQuery = graphql(`
  query AdminKbArticle($id: ID!) {
    kbArticle(id: $id) {
      id
      title
      body
      language
      status
      audience
      publishedAt
      updatedAt
      category {
        id
      }
      customers {
        id
        name
      }
      translations {
        id
        language
        title
      }
      revisions {
        id
        title
        authorName
        createdAt
      }
      stats {
        views
        helpfulVotes
        notHelpfulVotes
        deflections
      }
    }
    kbCategories {
      id
      name
    }
  }
`);

const CategoriesOnly = graphql(`
  query AdminKbEditorCategories {
    kbCategories {
      id
      name
    }
  }
`);

const Preview = graphql(`
  query AdminKbPreview($markdown: String!) {
    kbPreview(markdown: $markdown)
  }
`);

const CreateArticle = graphql(`
  mutation AdminCreateKbArticle($input: CreateKbArticleInput!) {
    createKbArticle(input: $input) {
      id
    }
  }
`);

const UpdateArticle = graphql(`
  mutation AdminUpdateKbArticle($input: UpdateKbArticleInput!) {
    updateKbArticle(input: $input) {
      id
      title
      body
      audience
      updatedAt
      category {
        id
      }
      customers {
        id
        name
      }
      revisions {
        id
        title
        authorName
        createdAt
      }
    }
  }
`);

const SetStatus = graphql(`
  mutation AdminSetKbArticleStatus($id: ID!, $status: KbArticleStatus!) {
    setKbArticleStatus(id: $id, status: $status) {
      id
      status
      publishedAt
    }
  }
`);

const AttachFile = graphql(`
  mutation AdminAttachKbFile($articleId: ID!, $uploadId: ID!) {
    attachKbFile(articleId: $articleId, uploadId: $uploadId) {
      id
      filename
      contentType
    }
  }
`);

const RestoreRevision = graphql(`
  mutation AdminRestoreKbRevision($articleId: ID!, $revisionId: ID!) {
    restoreKbRevision(articleId: $articleId, revisionId: $revisionId) {
      id
      title
      body
      revisions {
        id
        title
        authorName
        createdAt
      }
    }
  }
`);

type Article = AdminKbArticleQuery['kbArticle'];
type Category = AdminKbArticleQuery['kbCategories'][number];

export function KbNewArticlePage() {
  const [params] = useSearchParams<{ translationOf?: string }>();
  const [categories] = createQuery({ query: CategoriesOnly });
  return (
    <>
      <PageHeader title={t('kb.newTitle')} back={{ href: '/kb', label: t('kb.title') }} />
      <QueryView result={categories}>{(data) => <KbEditor categories={data().kbCategories} translationOf={params.translationOf} />}</QueryView>
    </>
  );
}

export function KbArticlePage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <KbArticleLoaded id={id} />}
    </Show>
  );
}

function KbArticleLoaded(props: { id: string }) {
  const [result, refetch] = createQuery({ query: ArticleQuery, variables: { id: props.id } });
  return (
    <QueryView result={result}>
      {(data) => (
        <>
          <PageHeader title={data().kbArticle.title} back={{ href: '/kb', label: t('kb.title') }} testid="kb-editor-title" />
          <KbEditor article={data().kbArticle} categories={data().kbCategories} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
        </>
      )}
    </QueryView>
  );
}

/** Writing an article (new, a translation, or an existing one) with a live preview, its status, translations and revisions. */
function KbEditor(props: { article?: Article; categories: readonly Category[]; translationOf?: string; onChanged?: () => void }) {
  const client = useClient();
  const navigate = useNavigate();
  const [title, setTitle] = createSignal(props.article?.title ?? '');
  const [body, setBody] = createSignal(props.article?.body ?? '');
  const [language, setLanguage] = createSignal<LanguageCode | ''>(props.article?.language ?? 'EN');
  const [categoryId, setCategoryId] = createSignal(props.article?.category?.id ?? '');
  const [audience, setAudience] = createSignal<KbAudience>(props.article?.audience ?? 'CUSTOMERS');
  const [customers, setCustomers] = createSignal<PickedCustomer[]>(props.article?.customers.map(({ id, name }) => ({ id, name })) ?? []);
  const [restricted, setRestricted] = createSignal((props.article?.customers.length ?? 0) > 0);

  // The preview is the server's own rendering, asked for once the writer pauses.
  const [previewText, setPreviewText] = createSignal(body());
  createEffect(on(body, (text) => {
    const timer = setTimeout(() => setPreviewText(text), 300);
    onCleanup(() => clearTimeout(timer));
  }, { defer: true }));
  const [preview] = createQuery({ query: Preview, variables: () => ({ markdown: previewText() }) });

  const customerIds = () => (restricted() ? customers().map((customer) => customer.id) : []);
  const save = createAction(
    (): Promise<OperationResult<AdminCreateKbArticleMutation | AdminUpdateKbArticleMutation>> =>
      props.article
        ? client.mutation(UpdateArticle, { input: { id: props.article.id, title: title(), body: body(), categoryId: categoryId(), audience: audience(), customerIds: customerIds() } }).toPromise()
        : client
            .mutation(CreateArticle, {
              input: { title: title(), body: body(), language: (language() || 'EN') as LanguageCode, categoryId: categoryId() || null, audience: audience(), customerIds: customerIds(), translationOfId: props.translationOf ?? null },
            })
            .toPromise(),
    {
      savedForMs: 4000,
      onDone: (data) => {
        if ('createKbArticle' in data) navigate(`/kb/${data.createKbArticle.id}`);
      },
    },
  );
  const status = createAction((next: KbArticleStatus) => client.mutation(SetStatus, { id: props.article!.id, status: next }).toPromise(), { onDone: () => props.onChanged?.() });
  const restore = createAction((revisionId: string) => client.mutation(RestoreRevision, { articleId: props.article!.id, revisionId }).toPromise(), {
    onDone: (data) => {
      setTitle(data.restoreKbRevision.title);
      setBody(data.restoreKbRevision.body);
    },
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void save.run();
  };

  // An image or file goes up (POST /uploads), joins the article, and a Markdown reference to it goes into the text.
  const [uploadError, setUploadError] = createSignal<string>();
  const attach = createAction((uploadId: string) => client.mutation(AttachFile, { articleId: props.article!.id, uploadId }).toPromise(), {
    onDone: ({ attachKbFile: file }) => {
      const reference = `${file.contentType.startsWith('image/') ? '!' : ''}[${file.filename.replace(/[[\]]/g, '')}](/kb-files/${file.id})`;
      setBody((text) => (text.trim() ? `${text.trimEnd()}\n\n${reference}` : reference));
    },
  });
  const addFiles = async (files: FileList | null) => {
    setUploadError(undefined);
    for (const file of files ?? []) {
      try {
        const uploaded = await uploadFile(file, file.name, () => undefined);
        await attach.run(uploaded.id);
      } catch (error) {
        setUploadError(error instanceof UploadError && error.message ? error.message : t('kb.fileFailed'));
      }
    }
  };

  return (
    <div class="kb-editor">
      <Show when={props.article}>
        {(article) => (
          <div class="kb-editor__status" data-testid="kb-editor-status">
            <span class={`badge ${KB_STATUS_BADGE[article().status]}`} data-testid="kb-editor-status-badge">{kbStatusLabel(article().status)}</span>
            <Show when={article().status !== 'PUBLISHED'}>
              <button type="button" class="button" data-testid="kb-publish" disabled={status.busy()} onClick={() => void status.run('PUBLISHED')}>{t('kb.publish')}</button>
            </Show>
            <Show when={article().status === 'PUBLISHED'}>
              <button type="button" class="button button--secondary" data-testid="kb-unpublish" disabled={status.busy()} onClick={() => void status.run('DRAFT')}>{t('kb.unpublish')}</button>
            </Show>
            <Show when={article().status !== 'ARCHIVED'}>
              <button type="button" class="button button--secondary" data-testid="kb-archive" disabled={status.busy()} onClick={() => void status.run('ARCHIVED')}>{t('kb.archive')}</button>
            </Show>
            <Show when={article().stats}>
              {(stats) => (
                <span class="muted" data-testid="kb-editor-stats">
                  {t('kb.stats', { views: stats().views, helpful: stats().helpfulVotes, notHelpful: stats().notHelpfulVotes, deflections: stats().deflections })}
                </span>
              )}
            </Show>
          </div>
        )}
      </Show>
      <form class="form form--wide" onSubmit={submit} novalidate data-testid="kb-editor">
        <div class="form__grid">
          <Field label={t('kb.field.title')} for="kb-title" error={save.fieldError('title')}>
            <input id="kb-title" data-testid="kb-title" value={title()} onInput={(event) => setTitle(event.currentTarget.value)} aria-invalid={!!save.fieldError('title')} />
          </Field>
          <Field label={t('kb.field.language')} for="kb-language" hint={props.article ? t('kb.field.languageFixed') : undefined} error={save.fieldError('language')}>
            <LanguageSelect id="kb-language" testid="kb-language" value={language()} onChange={setLanguage} disabled={!!props.article} />
          </Field>
          <Field label={t('kb.field.category')} for="kb-category" error={save.fieldError('categoryId')}>
            <select id="kb-category" data-testid="kb-category" value={categoryId()} onChange={(event) => setCategoryId(event.currentTarget.value)}>
              <option value="">{t('kb.field.noCategory')}</option>
              <For each={props.categories}>{(category) => <option value={category.id} selected={category.id === categoryId()}>{category.name}</option>}</For>
            </select>
          </Field>
          <Field label={t('kb.field.audience')} for="kb-audience">
            <select id="kb-audience" data-testid="kb-audience" value={audience()} onChange={(event) => setAudience(event.currentTarget.value as KbAudience)}>
              <option value="CUSTOMERS" selected={audience() === 'CUSTOMERS'}>{t('kb.audience.CUSTOMERS')}</option>
              <option value="INTERNAL" selected={audience() === 'INTERNAL'}>{t('kb.audience.INTERNAL')}</option>
            </select>
          </Field>
        </div>
        <div class="checkbox">
          <input id="kb-restricted" type="checkbox" data-testid="kb-restricted" checked={restricted()} onChange={(event) => setRestricted(event.currentTarget.checked)} />
          <label for="kb-restricted">{t('kb.field.restricted')}</label>
        </div>
        <Show when={restricted()}>
          <CustomerPicker
            testid="kb-customers"
            label={t('kb.field.customers')}
            selected={customers()}
            readOnly={false}
            onAdd={(customer) => setCustomers((list) => (list.some((picked) => picked.id === customer.id) ? list : [...list, customer]))}
            onRemove={(id) => setCustomers((list) => list.filter((picked) => picked.id !== id))}
          />
        </Show>
        <div class="kb-editor__panes">
          <Field label={t('kb.field.body')} for="kb-body" hint={t('kb.field.bodyHint')} error={save.fieldError('body')}>
            <textarea id="kb-body" data-testid="kb-body" rows={18} value={body()} onInput={(event) => setBody(event.currentTarget.value)} aria-invalid={!!save.fieldError('body')} />
          </Field>
          <section class="kb-editor__preview" aria-labelledby="kb-preview-title">
            <h2 id="kb-preview-title" class="kb-editor__preview-title">{t('kb.preview')}</h2>
            <SafeHtml class="kb-article-body" html={preview.data?.kbPreview ?? ''} testid="kb-preview" />
          </section>
        </div>
        <Show when={props.article}>
          <div class="field">
            <label for="kb-files">{t('kb.addFiles')}</label>
            <input id="kb-files" type="file" multiple data-testid="kb-files" disabled={attach.busy()} onChange={(event) => { void addFiles(event.currentTarget.files); event.currentTarget.value = ''; }} />
            <p class="field__hint">{t('kb.addFilesHint')}</p>
            <Show when={uploadError() ?? attach.error()?.message}>{(message) => <p class="field__error" role="alert" data-testid="kb-files-error">{message()}</p>}</Show>
          </div>
        </Show>
        <Show when={save.error() && !['title', 'body', 'language', 'categoryId'].includes(save.error()?.field ?? '')}>
          <FormMessage kind="error" testid="kb-editor-error">{save.error()?.message}</FormMessage>
        </Show>
        <Show when={save.saved()}>
          <FormMessage kind="success" testid="kb-editor-saved">{t('common.saved')}</FormMessage>
        </Show>
        <div class="actions">
          <button type="submit" class="button" data-testid="kb-save" disabled={save.busy()}>{props.article ? t('common.save') : t('kb.createDraft')}</button>
          <Show when={props.article}>
            {(article) => <A href={`/kb/new?translationOf=${article().id}`} class="button button--secondary" data-testid="kb-add-translation">{t('kb.addTranslation')}</A>}
          </Show>
        </div>
      </form>
      <Show when={props.article}>
        {(article) => (
          <div class="kb-panels">
            <section class="panel" aria-labelledby="kb-translations-title" data-testid="kb-translations">
              <h2 id="kb-translations-title">{t('kb.translations')}</h2>
              <ul class="plain-list">
                <For each={article().translations} fallback={<li class="muted">{t('kb.noTranslations')}</li>}>
                  {(translation) => <li><A href={`/kb/${translation.id}`}>{translation.language}: {translation.title}</A></li>}
                </For>
              </ul>
            </section>
            <section class="panel" aria-labelledby="kb-revisions-title" data-testid="kb-revisions">
              <h2 id="kb-revisions-title">{t('kb.revisions')}</h2>
              <ol class="plain-list">
                <For each={article().revisions}>
                  {(revision, index) => (
                    <li data-testid="kb-revision">
                      <strong>{revision.title}</strong> <span class="muted">{t('kb.revisionBy', { name: revision.authorName, date: formatDateTime(revision.createdAt) })}</span>
                      <Show when={index() > 0}>
                        {' '}
                        <button type="button" class="button button--secondary button--small" data-testid="kb-revision-restore" disabled={restore.busy()} onClick={() => void restore.run(revision.id)}>
                          {t('kb.restore')}
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </section>
          </div>
        )}
      </Show>
    </div>
  );
}
