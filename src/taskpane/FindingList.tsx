import { KeyboardEvent, useEffect, useRef } from 'react';
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { plainButton } from './styles';
import { TABLE_TITLES } from '../engine';
import type { Finding, TableId } from '../engine';
import { findingKey } from '../excel/decisions';
import { SEVERITY_LABEL } from './labels';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  group: { margin: '8px 0 2px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  active: { border: `2px solid ${tokens.colorBrandStroke1}` },
  open: { ...plainButton, display: 'block', width: '100%', padding: '8px' },
  head: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  numbers: { display: 'flex', gap: '12px', flexWrap: 'wrap', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  message: { display: 'block', marginTop: '4px' },
  why: { display: 'block', marginTop: '4px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  footer: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center', padding: '0 8px 8px' },
});

const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

interface Props {
  findings: readonly Finding[];
  active: string | null;
  verified: ReadonlySet<string>;
  ruleTitle: (id: string) => string;
  ruleWhy: (id: string) => string | undefined;
  disabled: boolean;
  onOpen: (f: Finding) => void;
  onSelectCell: (sheet: string, cell: string) => void;
  onIgnore: (f: Finding) => void;
  onVerify: (f: Finding, on: boolean) => void;
}

const withUnit = (v: string | null, unit: string | null) => (unit ? `${v} ${unit}` : v);

function groupTitle(table: string): string {
  return table === '--' ? '整个工作簿' : `公开${table}表 ${TABLE_TITLES[table as TableId] ?? ''}`;
}

/**
 * Findings grouped by table. Each finding's main button opens it (selects its cell); Up/Down/Home/End move between
 * findings like a list, Tab reaches the finding's own actions.
 */
export function FindingList(p: Props) {
  const styles = useStyles();
  const listRef = useRef<HTMLDivElement>(null);

  // An ignored finding leaves the list; keyboard focus moves on to its neighbour instead of falling to the page.
  const focusAfterIgnore = useRef<string | null>(null);
  useEffect(() => {
    const key = focusAfterIgnore.current;
    if (!key) return;
    const next = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-finding]') ?? []).find((b) => b.dataset.finding === key);
    if (next) {
      focusAfterIgnore.current = null;
      next.focus();
    }
  }, [p.findings]);

  const ignore = (f: Finding) => {
    const all = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-finding]') ?? []);
    const i = all.findIndex((b) => b.dataset.finding === findingKey(f));
    focusAfterIgnore.current = (all[i + 1] ?? all[i - 1])?.dataset.finding ?? null;
    p.onIgnore(f);
  };

  useEffect(() => {
    // Keep the current finding in view when 上一个/下一个 moves it.
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

  const groups: { table: string; items: Finding[] }[] = [];
  for (const f of p.findings) {
    const last = groups[groups.length - 1];
    if (last && last.table === f.table) last.items.push(f);
    else groups.push({ table: f.table, items: [f] });
  }

  return (
    <div ref={listRef} role="region" aria-label="检查结果">
      {groups.map((g) => (
        <section key={g.table} aria-label={groupTitle(g.table)}>
          <h2 className={styles.group}>
            {groupTitle(g.table)}（{g.items.length}）
          </h2>
          <ul className={styles.list}>
            {g.items.map((f) => {
              const key = findingKey(f);
              const isActive = key === p.active;
              const isVerified = p.verified.has(key);
              const why = isActive ? p.ruleWhy(f.rule) : undefined;
              return (
                <li key={key + f.message} className={mergeClasses(styles.item, isActive && styles.active)}>
                  <button
                    type="button"
                    className={styles.open}
                    data-finding={key}
                    aria-current={isActive ? 'true' : undefined}
                    aria-disabled={p.disabled || undefined}
                    onClick={() => !p.disabled && p.onOpen(f)}
                    onKeyDown={onKeyDown}
                  >
                    <span className={styles.head}>
                      <Badge appearance="filled" color={BADGE_COLOR[f.severity]}>
                        {SEVERITY_LABEL[f.severity]}
                      </Badge>
                      {isVerified && (
                        <Badge appearance="outline" color="success">
                          已核实
                        </Badge>
                      )}
                      <Text weight="semibold">{p.ruleTitle(f.rule)}</Text>
                      <Text size={200}>
                        {f.sheet}!{f.cell}
                      </Text>
                    </span>
                    <Text className={styles.message}>{f.message}</Text>
                    {f.expected !== null && (
                      <span className={styles.numbers}>
                        <span>应为 {withUnit(f.expected, f.unit)}</span>
                        <span>实为 {withUnit(f.actual, f.unit)}</span>
                        <span>差额 {withUnit(f.difference, f.unit)}</span>
                      </span>
                    )}
                    {why && <span className={styles.why}>{why}</span>}
                  </button>
                  <div className={styles.footer}>
                    {isActive && f.related.length > 0 && (
                      <>
                        <Text size={200}>相关单元格：</Text>
                        {f.related.map((r) => (
                          <Button key={`${r.sheet}!${r.cell}`} size="small" appearance="transparent" disabledFocusable={p.disabled} onClick={() => p.onSelectCell(r.sheet, r.cell)}>
                            {r.sheet === f.sheet ? r.cell : `${r.sheet}!${r.cell}`}
                          </Button>
                        ))}
                      </>
                    )}
                    <Button size="small" disabledFocusable={p.disabled} onClick={() => ignore(f)} aria-label={`忽略：${f.sheet}!${f.cell} ${p.ruleTitle(f.rule)}`}>
                      忽略
                    </Button>
                    <Button size="small" disabledFocusable={p.disabled} onClick={() => p.onVerify(f, !isVerified)}>
                      {isVerified ? '取消已核实' : '标记已核实'}
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
