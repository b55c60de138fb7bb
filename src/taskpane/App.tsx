import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Tab,
  TabList,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ALL_RULES, TABLE_IDS, TABLE_TITLES } from '../engine';
import type { Severity, TableId } from '../engine';
import { FINDINGS_SHEET, findingsTable } from '../engine/report/findings-table';
import { countGroups, FindingGroup, groupByCell } from '../engine/report/group';
import { describeError } from '../excel/office-host';
import type { CheckResult, WorkbookHost } from '../excel/workflow';
import { Decisions, EMPTY_DECISIONS, findingKey, RejectedRecord, resetIgnored, setIgnored, setVerified } from '../excel/decisions';
import { FillTab } from './FillTab';
import { FindingList } from './FindingList';
import { NarrativeTab } from './NarrativeTab';
import { SEVERITY_LABEL } from './labels';
import { sticky } from './styles';
import { TableBar } from './TableBar';

const useStyles = makeStyles({
  // The pane is a fixed frame: title and tabs on top, each tab's content scrolls below them.
  root: { display: 'flex', flexDirection: 'column', height: '100vh', boxSizing: 'border-box', fontFamily: tokens.fontFamilyBase },
  top: { display: 'flex', flexDirection: 'column', gap: '6px', padding: '12px 12px 4px' },
  panel: { flexGrow: 1, minHeight: 0, overflowY: 'auto', padding: '0 12px 12px' },
  content: { display: 'flex', flexDirection: 'column', gap: '10px' },
  // Progress, messages and the 上一个/下一个 bar stay in view however far the list is scrolled.
  feedback: { ...sticky, display: 'flex', flexDirection: 'column', gap: '6px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  filters: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '6px' },
  // A select would otherwise be as wide as its longest option and run past the pane's edge.
  filter: { minWidth: 0, '& select': { minWidth: 0 }, '& > span': { minWidth: 0, maxWidth: '100%' } },
  muted: { color: tokens.colorNeutralForeground3 },
});

type View = 'check' | 'fill' | 'narrative';

type Phase = { kind: 'idle' } | { kind: 'busy'; label: string; value?: number };

const RULE_TITLES = new Map(ALL_RULES.map((r) => [r.id, r.title]));
const RULE_WHY = new Map(ALL_RULES.map((r) => [r.id, r.why]));
const ruleTitle = (id: string) => RULE_TITLES.get(id) ?? id;
const tableName = (t: string) => (t === '--' ? '整个工作簿' : `公开${t}表 ${TABLE_TITLES[t as TableId] ?? ''}`);

/** “3 条标记记录无效…”: stored records the adapter refused, named so the reviewer can look. */
function rejectedText(rejected: readonly RejectedRecord[]): string {
  const shown = rejected.slice(0, 3).map((r) => `${r.key}（${r.reason}）`).join('；');
  return `工作簿中保存的 ${rejected.length} 条标记记录无效，已忽略，没有按它们改动任何单元格：${shown}${rejected.length > 3 ? '……' : ''}。`;
}

export function App({ host }: { host: WorkbookHost }) {
  const styles = useStyles();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [decisions, setDecisions] = useState<Decisions>(EMPTY_DECISIONS);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [rejected, setRejected] = useState<readonly RejectedRecord[]>([]);
  const [stale, setStale] = useState(false);
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [tableFilter, setTableFilter] = useState('');
  const [ruleFilter, setRuleFilter] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const checkedOnce = useRef(false);
  const exportButton = useRef<HTMLButtonElement>(null);
  const [view, setView] = useState<View>('check');

  /** Runs one Excel action with progress, turning failures into a plain Chinese message. */
  const act = useCallback(async (label: string, fn: () => Promise<void>) => {
    setError(null);
    setStatus(null);
    setPhase({ kind: 'busy', label });
    try {
      await fn();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setPhase({ kind: 'idle' });
    }
  }, []);

  /** Selecting a cell is instant: no progress bar, no greyed pane, nothing moves; only a failure is shown. */
  const quietly = useCallback((fn: () => Promise<void>) => {
    fn().then(
      () => setError(null),
      (err) => setError(describeError(err)),
    );
  }, []);

  const check = useCallback(
    () =>
      act('正在读取工作簿…', async () => {
        setPhase({ kind: 'busy', label: '正在读取工作簿…', value: 0.2 });
        const r = await host.check(() => setPhase({ kind: 'busy', label: '正在识别表格并核对勾稽关系…', value: 0.6 }));
        setResult(r);
        setDecisions(r.marks?.decisions ?? r.read.decisions);
        setRejected(r.marks?.rejected ?? r.read.rejectedMarks);
        setStale(false);
        setActive(null);
        if (r.marks && r.read.decisions.marking) {
          setStatus(`标记已随检查结果更新：现标记 ${Object.keys(r.marks.decisions.marked).length} 个单元格，${r.marks.restored} 个已不再有问题的单元格恢复原格式。`);
        }
        checkedOnce.current = true;
      }),
    [act, host],
  );

  useEffect(() => {
    // The 重新检查 hint: user edits make the findings out of date.
    host.watchEdits(() => {
      if (checkedOnce.current) setStale(true);
    }).catch((err) => setError(describeError(err)));
  }, [host]);

  const ignored = useMemo(() => new Set(decisions.ignored), [decisions]);
  const verified = useMemo(() => new Set(decisions.verified), [decisions]);
  const findings = useMemo(() => result?.analysis.findings ?? [], [result]);
  const notIgnored = useMemo(() => findings.filter((f) => !ignored.has(findingKey(f))), [findings, ignored]);
  const inScope = useMemo(() => notIgnored.filter((f) => (!tableFilter || f.table === tableFilter) && (!ruleFilter || f.rule === ruleFilter)), [notIgnored, tableFilter, ruleFilter]);
  // Counted per cell: one wrong cell breaking three relations is one 错误.
  const counts = useMemo(() => countGroups(groupByCell(inScope)), [inScope]);
  const visibleFindings = useMemo(() => inScope.filter((f) => shown[f.severity]), [inScope, shown]);
  const visible = useMemo(() => groupByCell(visibleFindings), [visibleFindings]);
  const tablesFound = useMemo(() => [...new Set(notIgnored.map((f) => f.table))], [notIgnored]);
  const rulesFound = useMemo(() => [...new Set(notIgnored.filter((f) => !tableFilter || f.table === tableFilter).map((f) => f.rule))], [notIgnored, tableFilter]);
  const markedCount = Object.keys(decisions.marked).length;
  const filtered = tableFilter !== '' || ruleFilter !== '' || !shown.error || !shown.warning || !shown.info;

  /** Stores a decision; when cells are marked, the marks follow it in the same write. */
  const decide = (next: Decisions, label: string) =>
    act(label, async () => {
      if (result && decisions.marking) setDecisions((await host.mark(result, next)).decisions);
      else {
        await host.saveDecisions(next);
        setDecisions(next);
      }
    });

  const each = (g: FindingGroup, d: Decisions, fn: (d: Decisions, key: string) => Decisions) => g.findings.reduce((acc, f) => fn(acc, findingKey(f)), d);

  const goTo = (g: FindingGroup) => {
    setActive(g.key);
    quietly(() => host.select(g.sheet, g.cell));
  };

  const step = (delta: number) => {
    if (visible.length === 0) return;
    const i = visible.findIndex((g) => g.key === active);
    const next = i < 0 ? (delta > 0 ? 0 : visible.length - 1) : (i + delta + visible.length) % visible.length;
    goTo(visible[next]);
  };

  const exportSheet = (replace: boolean) =>
    act('正在导出检查结果…', async () => {
      const table = findingsTable(visibleFindings);
      const r = await host.writeFindingsSheet(table, replace);
      if (!r.done) {
        setConfirmReplace(true);
        return;
      }
      setStatus(`已把 ${r.rows} 条结果（${visible.length} 个单元格${filtered ? '，按当前筛选' : ''}）写入“${FINDINGS_SHEET}”工作表：单元格一栏可点击跳转；打印时为横向、每页重复标题行。`);
    });

  const closeConfirm = () => {
    setConfirmReplace(false);
    setTimeout(() => exportButton.current?.focus(), 0);
  };

  const busy = phase.kind === 'busy';
  const activeIndex = visible.findIndex((g) => g.key === active);
  const groupVerified = (g: FindingGroup) => g.findings.every((f) => verified.has(findingKey(f)));

  return (
    <main className={styles.root} aria-busy={busy}>
      <div className={styles.top}>
        <header className={styles.row}>
          <Text as="h1" weight="semibold" size={500} style={{ margin: 0, flexGrow: 1 }}>
            决算助手
          </Text>
          {view === 'check' && (
            <Button appearance="primary" onClick={check} disabledFocusable={busy}>
              {result ? '重新检查' : '检查'}
            </Button>
          )}
        </header>
        {/* Arrow keys move between tabs (Fluent TabList); Tab enters the selected tab's panel. */}
        <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="功能" size="small">
          <Tab value="check" id="tab-check" aria-controls="panel-check">
            检查
          </Tab>
          <Tab value="fill" id="tab-fill" aria-controls="panel-fill">
            填报
          </Tab>
          <Tab value="narrative" id="tab-narrative" aria-controls="panel-narrative">
            情况说明
          </Tab>
        </TabList>
      </div>
      {/* All panels stay mounted so each keeps its results while another tab is shown. */}
      <div role="tabpanel" id="panel-fill" aria-labelledby="tab-fill" hidden={view !== 'fill'} className={styles.panel}>
        <FillTab host={host} />
      </div>
      <div role="tabpanel" id="panel-narrative" aria-labelledby="tab-narrative" hidden={view !== 'narrative'} className={styles.panel}>
        <NarrativeTab host={host} />
      </div>
      <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" hidden={view !== 'check'} className={styles.panel}>
        <div className={styles.content}>
          <div className={styles.feedback}>
            {busy && (
              <div role="status" aria-live="polite">
                <ProgressBar value={phase.value} thickness="large" />
                <Text size={200}>{phase.label}</Text>
              </div>
            )}
            {error && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {rejected.length > 0 && (
              <MessageBar intent="warning" role="alert">
                <MessageBarBody>{rejectedText(rejected)}</MessageBarBody>
              </MessageBar>
            )}
            {stale && (
              <MessageBar intent="warning">
                <MessageBarBody>工作簿内容已修改，检查结果可能已过时。</MessageBarBody>
                <MessageBarActions>
                  <Button onClick={check} disabledFocusable={busy}>
                    重新检查
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {status && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{status}</MessageBarBody>
              </MessageBar>
            )}
            {result && visible.length > 0 && (
              <nav className={styles.row} aria-label="逐条查看">
                <Button size="small" onClick={() => step(-1)}>
                  上一个
                </Button>
                <Button size="small" onClick={() => step(1)}>
                  下一个
                </Button>
                <Text size={200} className={styles.muted} aria-live="polite">
                  {activeIndex >= 0 ? `第 ${activeIndex + 1} / ${visible.length} 个单元格` : `共 ${visible.length} 个单元格`}
                </Text>
              </nav>
            )}
          </div>

          {!result && !busy && (
            <Text className={styles.muted}>点击“检查”，决算助手将读取当前工作簿，识别公开01表至公开09表，并核对表内和表间的勾稽关系。数据只在本机处理，不会上传。</Text>
          )}

          {result && (
            <>
              {result.read.mergesUnavailable && (
                <MessageBar intent="warning">
                  <MessageBarBody>有工作表的合并单元格超过 512 处，Excel 无法一次返回合并信息，本次检查未考虑合并单元格，表头可能识别不全。</MessageBarBody>
                </MessageBar>
              )}
              <TableBar tables={result.analysis.tables} disabled={busy} onSelect={(t) => quietly(() => host.select(t.sheet, t.range))} />
              {result.analysis.tables.length === 0 ? (
                <MessageBar intent="info">
                  <MessageBarBody>
                    未在工作簿中找到部门决算公开表。决算助手查找带有表号“公开01表”至“公开09表”或以下标题的工作表：
                    {TABLE_IDS.map((id) => `${id} ${TABLE_TITLES[id]}`).join('；')}。请确认打开的是部门决算公开表工作簿。
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <>
                  <div className={styles.row} role="group" aria-label="标记与导出">
                    <Button
                      onClick={() =>
                        act('正在标记单元格…', async () => {
                          const r = await host.mark(result, decisions);
                          setDecisions(r.decisions);
                          setRejected(r.rejected);
                          const n = Object.keys(r.decisions.marked).length;
                          setStatus(
                            r.skipped.length
                              ? `已标记 ${n} 个单元格；${r.skipped.length} 个单元格所在的工作表已不存在，未标记：${r.skipped.join('、')}。`
                              : `已标记 ${n} 个单元格：错误为红色，警告为黄色，相关单元格为浅蓝色。重新检查时标记随结果更新。`,
                          );
                        })
                      }
                      disabledFocusable={busy}
                    >
                      标记单元格
                    </Button>
                    <Button
                      onClick={() =>
                        act('正在清除标记…', async () => {
                          const r = await host.clear(decisions);
                          setDecisions(r.decisions);
                          setRejected(r.rejected);
                          setStatus(`已清除 ${r.restored} 个单元格的标记，恢复为原来的填充、字体颜色和边框。`);
                        })
                      }
                      disabledFocusable={busy || markedCount === 0}
                    >
                      清除标记
                    </Button>
                    <Button ref={exportButton} onClick={() => exportSheet(false)} disabledFocusable={busy || visible.length === 0}>
                      导出到“{FINDINGS_SHEET}”
                    </Button>
                    <Button onClick={() => decide(resetIgnored(decisions), '正在恢复已忽略的问题…')} disabledFocusable={busy || decisions.ignored.length === 0}>
                      重置已忽略{decisions.ignored.length ? `（${decisions.ignored.length}）` : ''}
                    </Button>
                  </div>

                  <div className={styles.row} role="group" aria-label="按级别筛选（按单元格计数）">
                    {(['error', 'warning', 'info'] as const).map((s) => (
                      <ToggleButton key={s} size="small" checked={shown[s]} onClick={() => setShown({ ...shown, [s]: !shown[s] })}>
                        {SEVERITY_LABEL[s]} {counts[s]}
                      </ToggleButton>
                    ))}
                  </div>
                  <div className={styles.filters}>
                    <Field label="表" size="small" className={styles.filter}>
                      <Select
                        size="small"
                        value={tableFilter}
                        onChange={(_, d) => {
                          setTableFilter(d.value);
                          setRuleFilter('');
                        }}
                      >
                        <option value="">全部表</option>
                        {tablesFound.map((t) => (
                          <option key={t} value={t}>
                            {tableName(t)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field label="规则" size="small" className={styles.filter}>
                      <Select size="small" value={ruleFilter} onChange={(_, d) => setRuleFilter(d.value)}>
                        <option value="">全部规则</option>
                        {rulesFound.map((r) => (
                          <option key={r} value={r}>
                            {ruleTitle(r)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </div>

                  {notIgnored.length === 0 ? (
                    <MessageBar intent="success">
                      <MessageBarBody>
                        没有发现问题：已识别的 {result.analysis.tables.length} 张表的表内和表间关系均成立
                        {decisions.ignored.length ? `（另有 ${decisions.ignored.length} 条已忽略）` : ''}。
                      </MessageBarBody>
                    </MessageBar>
                  ) : visible.length === 0 ? (
                    <Text className={styles.muted}>所选筛选条件下没有问题。</Text>
                  ) : (
                    <FindingList
                      groups={visible}
                      active={active}
                      isVerified={groupVerified}
                      ruleTitle={ruleTitle}
                      ruleWhy={(id) => RULE_WHY.get(id)}
                      onOpen={goTo}
                      onSelectCell={(sheet, cell) => quietly(() => host.select(sheet, cell))}
                      onIgnore={(g) => decide(each(g, decisions, (d, k) => setIgnored(d, k, true)), '正在保存…')}
                      onVerify={(g, on) => decide(each(g, decisions, (d, k) => setVerified(d, k, on)), '正在保存…')}
                    />
                  )}
                </>
              )}
            </>
          )}
        </div>
      </div>

      <Dialog open={confirmReplace} onOpenChange={(_, d) => !d.open && closeConfirm()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>替换已有的“{FINDINGS_SHEET}”工作表？</DialogTitle>
            <DialogContent>工作簿中已有“{FINDINGS_SHEET}”工作表（可能是上一次导出的结果）。替换将删除该表及其中的全部内容，再写入本次的检查结果。</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  closeConfirm();
                  void exportSheet(true);
                }}
              >
                替换
              </Button>
              <Button onClick={closeConfirm}>取消</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
