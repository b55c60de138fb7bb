import { KeyboardEvent, useEffect, useRef } from 'react';
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { plainButton } from './styles';
import { TABLE_TITLES } from '../engine';
import type { Finding, TableId } from '../engine';
import type { FindingGroup } from '../engine/report/group';
import { figureText } from '../engine/report/findings-table';
import { SEVERITY_LABEL } from './labels';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  group: { margin: '8px 0 2px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // The active item is shown with an outline, which takes no space: opening a finding never moves the list.
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-1px' },
  open: { ...plainButton, display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap', width: '100%', padding: '8px 8px 4px' },
  cell: { fontWeight: tokens.fontWeightSemibold },
  // Finding text is plain text outside the button, so a reviewer can select and copy it.
  body: { padding: '0 8px', userSelect: 'text', cursor: 'text' },
  relation: { padding: '4px 0', ':not(:first-child)': { borderTop: `1px dashed ${tokens.colorNeutralStroke2}` } },
  title: { display: 'flex', gap: '6px', alignItems: 'baseline', flexWrap: 'wrap' },
  rule: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  message: { display: 'block', margin: '2px 0' },
  figures: {
    borderCollapse: 'collapse',
    margin: '2px 0',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
  },
  // Figures right-aligned under their heading, so digits line up as in the table itself.
  figure: { textAlign: 'right', whiteSpace: 'nowrap', padding: '0 0 0 16px', fontWeight: tokens.fontWeightRegular, ':first-child': { paddingLeft: 0 } },
  why: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  footer: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center', padding: '0 8px 8px' },
});

const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

interface Props {
  groups: readonly FindingGroup[];
  active: string | null;
  /** True when every finding of the group was marked 已核实. */
  isVerified: (g: FindingGroup) => boolean;
  ruleTitle: (id: string) => string;
  ruleWhy: (id: string) => string | undefined;
  onOpen: (g: FindingGroup) => void;
  onSelectCell: (sheet: string, cell: string) => void;
  onIgnore: (g: FindingGroup) => void;
  onVerify: (g: FindingGroup, on: boolean) => void;
}

function groupTitle(table: string): string {
  return table === '--' ? '整个工作簿' : `公开${table}表 ${TABLE_TITLES[table as TableId] ?? ''}`;
}

/** 应为 / 实为 / 相差 as the message writes them (thousands separators, 相差 without a sign), right-aligned. */
function Figures({ f }: { f: Finding }) {
  const styles = useStyles();
  if (f.expected === null || f.actual === null || f.difference === null) return null;
  const unit = f.unit ? `（${f.unit}）` : '';
  return (
    <table className={styles.figures}>
      <thead>
        <tr>
          <th className={styles.figure}>应为{unit}</th>
          <th className={styles.figure}>实为{unit}</th>
          <th className={styles.figure}>相差{unit}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className={styles.figure}>{figureText(f.expected)}</td>
          <td className={styles.figure}>{figureText(f.actual)}</td>
          <td className={styles.figure}>{figureText(f.difference, true)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/**
 * Findings grouped by table, one item per cell: a cell breaking three relations is one item naming the three. The
 * item's button opens it (selects its cell); Up/Down/Home/End move between items like a list, Tab reaches the item's
 * own actions. The findings' text is ordinary text a reviewer can select.
 */
export function FindingList(p: Props) {
  const styles = useStyles();
  const listRef = useRef<HTMLDivElement>(null);

  // An ignored item leaves the list; keyboard focus moves on to its neighbour instead of falling to the page.
  const focusAfterIgnore = useRef<string | null>(null);
  useEffect(() => {
    const key = focusAfterIgnore.current;
    if (!key) return;
    const next = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-finding]') ?? []).find((b) => b.dataset.finding === key);
    if (next) {
      focusAfterIgnore.current = null;
      next.focus();
    }
  }, [p.groups]);

  const ignore = (g: FindingGroup) => {
    const all = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-finding]') ?? []);
    const i = all.findIndex((b) => b.dataset.finding === g.key);
    focusAfterIgnore.current = (all[i + 1] ?? all[i - 1])?.dataset.finding ?? null;
    p.onIgnore(g);
  };

  useEffect(() => {
    // Keep the current item in view when 上一个/下一个 moves it.
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [p.active]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const all = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-finding]') ?? []);
    const i = all.indexOf(e.currentTarget);
    const target = { ArrowDown: all[i + 1], ArrowUp: all[i - 1], Home: all[0], End: all[all.length - 1] }[e.key];
    if (target) {
      e.preventDefault();
      target.focus();
    }
  };

  const tables: { table: string; items: FindingGroup[] }[] = [];
  for (const g of p.groups) {
    const last = tables[tables.length - 1];
    if (last && last.table === g.table) last.items.push(g);
    else tables.push({ table: g.table, items: [g] });
  }

  return (
    <div ref={listRef} role="region" aria-label="检查结果">
      {tables.map((t) => (
        <section key={t.table} aria-label={groupTitle(t.table)}>
          <h2 className={styles.group}>
            {groupTitle(t.table)}（{t.items.length}）
          </h2>
          <ul className={styles.list}>
            {t.items.map((g) => {
              const isActive = g.key === p.active;
              const verified = p.isVerified(g);
              const related = [...new Map(g.findings.flatMap((f) => f.related).map((r) => [`${r.sheet}!${r.cell}`, r])).values()].filter((r) => `${r.sheet}!${r.cell}` !== g.key);
              const n = g.findings.length;
              return (
                <li key={g.key} className={mergeClasses(styles.item, isActive && styles.active)}>
                  <button
                    type="button"
                    className={styles.open}
                    data-finding={g.key}
                    aria-current={isActive ? 'true' : undefined}
                    aria-label={`${SEVERITY_LABEL[g.severity]} ${g.key}${n > 1 ? `，${n} 个关系` : ''}：${g.findings.map((f) => p.ruleTitle(f.rule)).join('；')}`}
                    onClick={() => p.onOpen(g)}
                    onKeyDown={onKeyDown}
                  >
                    <Badge appearance="filled" color={BADGE_COLOR[g.severity]}>
                      {SEVERITY_LABEL[g.severity]}
                    </Badge>
                    {verified && (
                      <Badge appearance="outline" color="success">
                        已核实
                      </Badge>
                    )}
                    <span className={styles.cell}>{g.key}</span>
                    {n > 1 && <Text size={200}>{n} 个关系</Text>}
                  </button>
                  <div className={styles.body}>
                    {g.findings.map((f) => (
                      <div key={`${f.rule}|${f.message}`} className={styles.relation}>
                        <span className={styles.title}>
                          {n > 1 && f.severity !== g.severity && (
                            <Badge size="small" appearance="tint" color={BADGE_COLOR[f.severity]}>
                              {SEVERITY_LABEL[f.severity]}
                            </Badge>
                          )}
                          <Text weight="semibold">{p.ruleTitle(f.rule)}</Text>
                          <span className={styles.rule}>{f.rule}</span>
                        </span>
                        <Text className={styles.message}>{f.message}</Text>
                        <Figures f={f} />
                        {p.ruleWhy(f.rule) && (
                          <details>
                            <summary className={styles.why}>为什么检查这一项</summary>
                            <span className={styles.why}>{p.ruleWhy(f.rule)}</span>
                          </details>
                        )}
                      </div>
                    ))}
                  </div>
                  <div className={styles.footer}>
                    {related.length > 0 && (
                      <>
                        <Text size={200}>相关单元格：</Text>
                        {related.map((r) => (
                          <Button key={`${r.sheet}!${r.cell}`} size="small" appearance="transparent" onClick={() => p.onSelectCell(r.sheet, r.cell)}>
                            {r.sheet === g.sheet ? r.cell : `${r.sheet}!${r.cell}`}
                          </Button>
                        ))}
                      </>
                    )}
                    <Button size="small" onClick={() => ignore(g)} aria-label={`忽略：${g.key}`}>
                      忽略
                    </Button>
                    <Button size="small" onClick={() => p.onVerify(g, !verified)}>
                      {verified ? '取消已核实' : '标记已核实'}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
