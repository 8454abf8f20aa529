import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in the Markdown is not passed through (html: false): it shows as text. The sanitizer
// behind it is the second wall, for whatever markdown-it itself produces (links, images).
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** The address of an article's file (POST /uploads, then attachKbFile): /kb-files/{uuid}. */
const KB_FILE = /^\/kb-files\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'a', 'img',
    'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images only from Portico itself: reading an article never sends a request to another host.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links leave Portico without telling the target where they came from, and open apart.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } }),
    // Images only from the article's own files: any other same-origin path would be a GET sent
    // with the reader's cookie (e.g. /graphql?query=...) just by opening the article.
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src !== undefined && KB_FILE.test(src) ? { ...rest, src } : rest };
    },
  },
};

/** An article's Markdown as HTML that cannot run anything: no script, no handler, no foreign scheme. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE);
}

/** The text of an article without its Markdown marks, for the search index and snippets. */
export function plainText(source: string): string {
  const escaped = sanitizeHtml(markdown.render(source), { allowedTags: [], allowedAttributes: {} });
  // sanitize-html escapes the text it keeps; the plain text is indexed and escaped once more when a
  // snippet is made, so it holds the characters themselves ("R&D", not "R&amp;D").
  return escaped.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => PLAIN[name]!).replace(/\s+/g, ' ').trim();
}

const PLAIN: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
