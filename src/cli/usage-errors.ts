/**
 * Commander's usage errors in Chinese. Commander prints English ("error: unknown option '--x'"); the user
 * should read what was wrong and what to type instead.
 */
const PATTERNS: Array<[RegExp, (...m: string[]) => string]> = [
  [/unknown option '([^']*)'(?:\s*\(Did you mean ([^)]*)\?\))?/, (o, d) => `不认识的选项 ${o}${d ? `（是否想用 ${d}？）` : ''}。`],
  [/unknown command '([^']*)'(?:\s*\(Did you mean ([^)]*)\?\))?/, (c, d) => `不认识的命令 ${c}${d ? `（是否想用 ${d}？）` : ''}。可用的命令见 juesuan --help。`],
  [/missing required argument '([^']*)'/, (a) => `缺少参数 ${a}。`],
  [/option '([^']*)' argument missing/, (o) => `选项 ${o} 后面缺少取值。`],
  [/option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./, (o, v, c) => `选项 ${o} 的取值“${v}”无效，可选：${c.replace(/, /g, '、')}。`],
  [/too many arguments(?: for '([^']*)')?/, (c) => `${c ? `命令 ${c} 的` : ''}参数过多。`],
];

export function usageErrorZh(text: string): string {
  for (const [re, say] of PATTERNS) {
    const m = re.exec(text);
    if (m) return `用法有误：${say(...m.slice(1))}\n`;
  }
  return text.startsWith('error:') ? '用法有误。\n' : text;
}
