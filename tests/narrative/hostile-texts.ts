/**
 * Texts built to make a super-linear reader stall (issue #13): long runs that a backtracking pattern would retry
 * from every position. Each is about `bytes` long in all (UTF-16 code units), spread over four sections; shared by
 * the test and `npm run bench`.
 */
export interface HostileText {
  readonly name: string;
  readonly lines: string[];
}

const repeat = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

/** Lines under a heading of each audited section, so that every section's statements see the text. */
const HEADINGS = [
  '一、收入支出决算总体情况说明',
  '五、一般公共预算财政拨款支出决算情况说明',
  '九、财政拨款“三公”经费支出决算情况说明',
  '十三、预算绩效情况说明',
];

export function hostileTexts(bytes: number): HostileText[] {
  const bodies: Array<[string, string]> = [
    ['1,1,1,… in one line', repeat('1,', bytes)],
    ['1万元 repeated', repeat('1万元', bytes)],
    ['1元 repeated', repeat('1元', bytes)],
    ['digits without a unit', repeat('1', bytes)],
    ['（类） without （款）', repeat('（类）', bytes)],
    ['（类）（款） without （项）', repeat('甲（类）乙（款）', bytes)],
    ['change phrases', repeat('增加1万元，增长1%', bytes)],
    ['budget phrases', repeat('年初预算为1万元，支出决算为', bytes)],
    ['“三公”经费 names', repeat('“三公”经费决算为1万元', bytes)],
    ['本年无 without end', repeat('本年无', bytes)],
    ['【待补充 unclosed', repeat('【待补充', bytes)],
    ['project names', repeat('甲项目绩效自评综述', bytes)],
  ];
  return bodies.map(([name, body]) => ({ name, lines: HEADINGS.flatMap((h) => [h, body.slice(0, Math.floor(body.length / HEADINGS.length))]) }));
}

/** A .docx document.xml body with `count` unclosed paragraphs (and one real one at the end). */
export function unclosedParagraphs(count: number): string {
  return `<w:document><w:body>${'<w:p>'.repeat(count)}<w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>`;
}
