/** The notice dialog's address: the summary travels in the query string, the only input the dialog page reads. */
export interface Notice {
  readonly title: string;
  readonly text: string;
}

export function noticeUrl(pageHref: string, notice: Notice): string {
  const url = new URL('notice.html', pageHref);
  url.search = new URLSearchParams({ title: notice.title, text: notice.text }).toString();
  return url.href;
}

export function readNotice(search: string): Notice {
  const q = new URLSearchParams(search);
  return { title: q.get('title') ?? '决算助手', text: q.get('text') ?? '' };
}
