import DOMPurify from 'dompurify';

// Links may leave (http, https, mail); everything else stays on Portico's own paths.
const ALLOWED_URI = /^(?:https?:|mailto:|\/(?!\/)|#)/i;

/**
 * HTML the server rendered from Markdown and sanitized (kb.markdown.ts), sanitized once more here
 * before it reaches the page: a second wall, so a mistake on one side alone cannot run script.
 */
export function SafeHtml(props: { html: string; class?: string; testid?: string }) {
  const clean = () => DOMPurify.sanitize(props.html, { ALLOWED_URI_REGEXP: ALLOWED_URI, FORBID_TAGS: ['style', 'form', 'input', 'button'], ADD_ATTR: ['target'] });
  return <div class={props.class} data-testid={props.testid} innerHTML={clean()} />;
}
