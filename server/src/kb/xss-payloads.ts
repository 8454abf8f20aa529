/**
 * Known ways to smuggle script into Markdown or HTML (OWASP's XSS filter evasion list, markdown
 * link tricks, mXSS classics). Every one must render harmless (kb.test.ts through the API, and the
 * browser test that checks no script ran).
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 1">',
  '<svg onload="window.__xss = 1"></svg>',
  '<svg><script>window.__xss = 1</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1"></style></mglyph></table></mtext></math>',
  '<iframe src="javascript:window.__xss = 1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss = 1</script>"></iframe>',
  '<object data="javascript:window.__xss = 1"></object>',
  '<embed src="javascript:window.__xss = 1">',
  '<a href="javascript:window.__xss = 1">click</a>',
  '[click](javascript:window.__xss=1)',
  '[click](JaVaScRiPt:window.__xss=1)',
  '[click](javascript&#58;window.__xss=1)',
  '[click](&#x6A;avascript:window.__xss=1)',
  '[click](  javascript:window.__xss=1)',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)',
  '![img](javascript:window.__xss=1)',
  '![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3hzcz0xIj48L3N2Zz4=)',
  '![x" onerror="window.__xss=1](https://example.com/a.png)',
  '[x](https://example.com/" onmouseover="window.__xss=1)',
  '<a href="https://example.com" onclick="window.__xss = 1">link</a>',
  '<style>body { background: url("javascript:window.__xss=1") }</style>',
  '<div style="background-image: url(javascript:window.__xss=1)">x</div>',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<input autofocus onfocus="window.__xss=1">',
  '<details open ontoggle="window.__xss=1">',
  '<body onload="window.__xss=1">',
  '<base href="javascript:/a/-alert(1)///////">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<link rel="import" href="https://evil.example/x.html">',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<<script>script>window.__xss=1<</script>/script>',
  '<img src="https://evil.example/track.gif">',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '`<script>window.__xss=1</script>`',
  '```html\n<script>window.__xss=1</script>\n```',
  '<a href="//evil.example">protocol-relative</a>',
  '![x](/\\evil.example/track.gif)',
  '![x](../../graphql?query=%7B__typename%7D)',
  '![x](/kb-files/00000000-0000-4000-8000-000000000000/../../graphql)',
];

/** Whether rendered HTML can run script or reach out: a tag or attribute that could, or a foreign scheme. */
export function scriptCapable(html: string): string | null {
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  for (const tag of tags) {
    if (/^<(script|iframe|object|embed|style|svg|math|form|input|button|base|meta|link|body|details|noscript|frame|frameset|applet)\b/i.test(tag)) return tag;
    // Attribute names only: a quoted value (an alt text quoting a payload) is text, not an attribute.
    const names = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    if (/\son\w+\s*=/i.test(names) || /\sstyle\s*=/i.test(names) || /\ssrcdoc\s*=/i.test(names)) return tag;
    const url = /\s(?:href|src|action|formaction|data)\s*=\s*("([^"]*)"|'([^']*)'|(\S+))/i.exec(tag);
    const value = (url?.[2] ?? url?.[3] ?? url?.[4] ?? '')
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
      .replace(/&colon;/gi, ':')
      .replace(/\s/g, '')
      .toLowerCase();
    if (url && /^(javascript|vbscript|data):/.test(value)) return tag;
    // An image from anywhere but the article's files is a request sent when the article is read:
    // to another host (tracking), or to Portico itself with the reader's cookie.
    if (/^<img\b/i.test(tag) && url && !/^\/kb-files\/[0-9a-f-]{36}$/.test(value)) return tag;
    if (url && value.startsWith('//')) return tag;
  }
  return null;
}
