import { createSignal, For, onCleanup, Show } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { fileExtension } from './attachments';
import type { SharedMessageKey } from './messages';
import { MAX_FILES_PER_MESSAGE, MAX_UPLOAD_BYTES, screenshotName, uploadFile } from './upload';

type Translate = (key: SharedMessageKey, params?: Record<string, string | number>) => string;

/** One file on its way into a message: uploading (progress), ready (id) or refused (error). */
interface PickedFile {
  key: number;
  name: string;
  size: number;
  progress: number;
  id?: string;
  error?: string;
  abort: AbortController;
}

export type AttachmentPicker = ReturnType<typeof createAttachmentPicker>;

const MAX_MB = MAX_UPLOAD_BYTES / 1024 / 1024;
let nextKey = 1;

/**
 * The files a new ticket or reply will carry. Each file is uploaded as soon as it is picked,
 * dropped or pasted, so sending the message only names the ready ones (`ids()`).
 * `formHandlers` go on the whole form: files can be dropped anywhere on it and screenshots pasted
 * into its text box.
 */
export function createAttachmentPicker(t: Translate) {
  const [files, setFiles] = createStore<PickedFile[]>([]);
  const [notice, setNotice] = createSignal<string>();
  const [dragging, setDragging] = createSignal(false);
  const update = (key: number, change: (file: PickedFile) => void) =>
    setFiles(produce((list) => list.filter((file) => file.key === key).forEach(change)));

  function add(picked: Iterable<File>, pasted = false) {
    setNotice(undefined);
    for (const file of picked) {
      if (files.length >= MAX_FILES_PER_MESSAGE) {
        setNotice(t('files.tooMany', { count: MAX_FILES_PER_MESSAGE }));
        break;
      }
      // Browsers call every pasted screenshot "image.png".
      const name = pasted && file.type.startsWith('image/') ? screenshotName(file.type) : file.name;
      const entry: PickedFile = { key: nextKey++, name, size: file.size, progress: 0, abort: new AbortController() };
      if (file.size > MAX_UPLOAD_BYTES) entry.error = t('files.tooLarge', { max: MAX_MB });
      setFiles(files.length, entry);
      if (!entry.error) void send(file, entry);
    }
  }

  async function send(file: File, entry: PickedFile) {
    try {
      const uploaded = await uploadFile(file, entry.name, (progress) => update(entry.key, (it) => (it.progress = progress)), entry.abort.signal);
      update(entry.key, (it) => ((it.id = uploaded.id), (it.progress = 1)));
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : t('files.failed');
      update(entry.key, (it) => (it.error = message));
    }
  }

  function remove(key: number) {
    files.find((file) => file.key === key)?.abort.abort();
    setFiles((list) => list.filter((file) => file.key !== key));
    setNotice(undefined);
  }

  onCleanup(() => files.forEach((file) => file.abort.abort()));

  return {
    files,
    notice,
    dragging,
    add,
    remove,
    /** The uploaded files' ids, for the mutation that sends the message. */
    ids: () => files.filter((file) => file.id).map((file) => file.id as string),
    /** Why the message cannot be sent yet, or undefined. */
    blocker: (): string | undefined =>
      files.some((file) => file.error) ? t('files.removeFailed') : files.some((file) => !file.id) ? t('files.wait') : undefined,
    clear: () => {
      setFiles([]);
      setNotice(undefined);
    },
    formHandlers: {
      onDragOver: (event: DragEvent) => {
        if (!event.dataTransfer?.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      },
      onDragLeave: (event: DragEvent) => {
        if (!(event.currentTarget as Node).contains(event.relatedTarget as Node | null)) setDragging(false);
      },
      onDrop: (event: DragEvent) => {
        setDragging(false);
        if (!event.dataTransfer?.files.length) return;
        event.preventDefault();
        add(event.dataTransfer.files);
      },
      onPaste: (event: ClipboardEvent) => {
        const pasted = event.clipboardData?.files;
        if (!pasted?.length) return; // plain text pastes as usual
        event.preventDefault();
        add(pasted, true);
      },
    },
  };
}

/** The attach button, the drop hint and the files with their progress; `id` names the file input. */
export function AttachmentPickerView(props: { picker: AttachmentPicker; t: Translate; sizeLabel: (bytes: number) => string; id: string }) {
  let input: HTMLInputElement | undefined;
  const hintId = `${props.id}-hint`;
  return (
    <div class="attachment-picker" classList={{ 'attachment-picker--dragging': props.picker.dragging() }} data-testid="attachment-picker">
      <div class="attachment-picker__bar">
        <button type="button" class="attachment-picker__button" aria-describedby={hintId} onClick={() => input?.click()} data-testid="attachment-picker-button">
          <svg class="attachment-picker__icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M21 11.5l-8.6 8.6a5.5 5.5 0 01-7.8-7.8l8.6-8.6a3.7 3.7 0 015.2 5.2l-8.6 8.6a1.8 1.8 0 01-2.6-2.6l7.9-7.9" />
          </svg>
          {props.t('files.attach')}
        </button>
        {/* The real file input, opened by the button; hidden, but the browser tests fill it directly. */}
        <input
          ref={input}
          id={props.id}
          type="file"
          multiple
          hidden
          data-testid="attachment-picker-input"
          onChange={(event) => {
            props.picker.add(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
          }}
        />
        <span class="attachment-picker__hint" id={hintId}>
          {props.t('files.hint', { count: MAX_FILES_PER_MESSAGE, max: MAX_MB })}
        </span>
      </div>
      <p class="attachment-picker__notice" role="status" data-testid="attachment-picker-notice">
        {props.picker.notice()}
      </p>
      <Show when={props.picker.files.length > 0}>
        <ul class="attachment-list" aria-label={props.t('files.listLabel')}>
          <For each={props.picker.files}>
            {(file) => (
              <li class="attachment" data-testid="upload-item" data-state={file.error ? 'failed' : file.id ? 'ready' : 'uploading'}>
                <span class="attachment__icon" aria-hidden="true">{fileExtension(file.name)}</span>
                <span class="attachment__text attachment-picker__text">
                  <span class="attachment__name" data-testid="upload-item-name">{file.name}</span>
                  <span class="attachment__meta">
                    {props.sizeLabel(file.size)}
                    <Show when={file.id}>{` · ${props.t('files.ready')}`}</Show>
                  </span>
                  <Show when={!file.id && !file.error}>
                    <progress class="attachment-picker__progress" max="1" value={file.progress} aria-label={props.t('files.progress', { name: file.name })} />
                  </Show>
                  <Show when={file.error}>
                    <span class="attachment-picker__error" role="alert" data-testid="upload-item-error">{file.error}</span>
                  </Show>
                </span>
                <button
                  type="button"
                  class="attachment-picker__remove"
                  aria-label={props.t('files.remove', { name: file.name })}
                  onClick={() => props.picker.remove(file.key)}
                  data-testid="upload-item-remove"
                >
                  ×
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
