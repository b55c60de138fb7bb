import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Tab, TabList, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { ALL_RULES, TABLE_IDS, TABLE_TITLES } from '../engine';
import type { Finding, Severity } from '../engine';
import { describeError } from '../excel/office-host';
import type { CheckResult, WorkbookHost } from '../excel/workflow';
import { Decisions, EMPTY_DECISIONS, findingKey, resetIgnored, setIgnored, setVerified } from '../excel/decisions';
import { FillTab } from './FillTab';
import { FindingList } from './FindingList';
import { NarrativeTab } from './NarrativeTab';
import { SEVERITY_LABEL } from './labels';
import { TableBar } from './TableBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', padding: '12px', fontFamily: tokens.fontFamilyBase },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type View = 'check' | 'fill' | 'narrative';

type Phase = { kind: 'idle' } | { kind: 'busy'; label: string; value?: number };

const RULE_TITLES = new Map(ALL_RULES.map((r) => [r.id, r.title]));
const RULE_WHY = new Map(ALL_RULES.map((r) => [r.id, r.why]));

export function App({ host }: { host: WorkbookHost }) {
  const styles = useStyles();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [decisions, setDecisions] = useState<Decisions>(EMPTY_DECISIONS);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [active, setActive] = useState<string | null>(null);
  const checkedOnce = useRef(false);
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

  const check = useCallback(
    () =>
      act('正在读取工作簿…', async () => {
        setPhase({ kind: 'busy', label: '正在读取工作簿…', value: 0.2 });
        const r = await host.check(() => setPhase({ kind: 'busy', label: '正在识别表格并核对勾稽关系…', value: 0.6 }));
        setResult(r);
        setDecisions(r.read.decisions);
        setStale(false);
        setActive(null);
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
  const findings = result?.analysis.findings ?? [];
  const notIgnored = findings.filter((f) => !ignored.has(findingKey(f)));
  const visible = notIgnored.filter((f) => shown[f.severity]);
  const counts = { error: 0, warning: 0, info: 0 } as Record<Severity, number>;
  for (const f of notIgnored) counts[f.severity]++;
  const markedCount = Object.keys(decisions.marked).length;

  /** Stores a decision; when cells are marked, the marks follow it in the same write. */
  const decide = (next: Decisions, label: string) =>
    act(label, async () => {
      if (result && markedCount > 0) setDecisions((await host.mark(result, next)).decisions);
      else {
        await host.saveDecisions(next);
        setDecisions(next);
      }
    });

  const goTo = (f: Finding) => {
    setActive(findingKey(f));
    return act('正在定位单元格…', () => host.select(f.sheet, f.cell));
  };

  const step = (delta: number) => {
    if (visible.length === 0) return;
    const i = visible.findIndex((f) => findingKey(f) === active);
    const next = i < 0 ? (delta > 0 ? 0 : visible.length - 1) : (i + delta + visible.length) % visible.length;
    void goTo(visible[next]);
  };

  const busy = phase.kind === 'busy';
  const activeIndex = visible.findIndex((f) => findingKey(f) === active);

  return (
    <main className={styles.root} aria-busy={busy}>
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
      {/* All panels stay mounted so each keeps its results while another tab is shown. */}
      <div role="tabpanel" id="panel-fill" aria-labelledby="tab-fill" hidden={view !== 'fill'}>
        <FillTab host={host} />
      </div>
      <div role="tabpanel" id="panel-narrative" aria-labelledby="tab-narrative" hidden={view !== 'narrative'}>
        <NarrativeTab host={host} />
      </div>
      <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" hidden={view !== 'check'} style={{ display: view === 'check' ? 'flex' : 'none', flexDirection: 'column', gap: '10px' }}>

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
            <TableBar tables={result.analysis.tables} disabled={busy} onSelect={(t) => act('正在定位表格…', () => host.select(t.sheet, t.range))} />
            {result.analysis.tables.length === 0 ? (
              <MessageBar intent="info">
                <MessageBarBody>
                  未在工作簿中找到部门决算公开表。决算助手查找带有表号“公开01表”至“公开09表”或以下标题的工作表：
                  {TABLE_IDS.map((id) => `${id} ${TABLE_TITLES[id]}`).join('；')}。请确认打开的是部门决算公开表工作簿。
                </MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <div className={styles.row} role="group" aria-label="标记">
                  <Button onClick={() => act('正在标记单元格…', async () => {
                    const r = await host.mark(result, decisions);
                    setDecisions(r.decisions);
                    const n = Object.keys(r.decisions.marked).length;
                    setStatus(
                      r.skipped.length
                        ? `已标记 ${n} 个单元格；${r.skipped.length} 个单元格不在数据区域内，未标记：${r.skipped.join('、')}。`
                        : `已标记 ${n} 个单元格：错误为红色，警告为黄色，相关单元格为浅蓝色。`,
                    );
                  })} disabledFocusable={busy}>
                    标记单元格
                  </Button>
                  <Button onClick={() => act('正在清除标记…', async () => {
                    setDecisions(await host.clear(decisions, result.read.grid.sheets.map((s) => s.name)));
                    setStatus('已清除标记，单元格恢复为原来的填充、字体颜色和边框。');
                  })} disabledFocusable={busy || markedCount === 0}>
                    清除标记
                  </Button>
                  <Button onClick={() => decide(resetIgnored(decisions), '正在恢复已忽略的问题…')} disabledFocusable={busy || decisions.ignored.length === 0}>
                    重置已忽略{decisions.ignored.length ? `（${decisions.ignored.length}）` : ''}
                  </Button>
                </div>

                <div className={styles.row} role="group" aria-label="按级别筛选">
                  {(['error', 'warning', 'info'] as const).map((s) => (
                    <ToggleButton key={s} size="small" checked={shown[s]} onClick={() => setShown({ ...shown, [s]: !shown[s] })}>
                      {SEVERITY_LABEL[s]} {counts[s]}
                    </ToggleButton>
                  ))}
                </div>

                {notIgnored.length === 0 ? (
                  <MessageBar intent="success">
                    <MessageBarBody>
                      没有发现问题：已识别的 {result.analysis.tables.length} 张表的表内和表间关系均成立
                      {decisions.ignored.length ? `（另有 ${decisions.ignored.length} 条已忽略）` : ''}。
                    </MessageBarBody>
                  </MessageBar>
                ) : visible.length === 0 ? (
                  <Text className={styles.muted}>所选级别下没有问题。</Text>
                ) : (
                  <>
                    <nav className={styles.row} aria-label="逐条查看">
                      <Button size="small" onClick={() => step(-1)} disabledFocusable={busy}>
                        上一个
                      </Button>
                      <Button size="small" onClick={() => step(1)} disabledFocusable={busy}>
                        下一个
                      </Button>
                      <Text size={200} className={styles.muted} aria-live="polite">
                        {activeIndex >= 0 ? `第 ${activeIndex + 1} / ${visible.length} 条` : `共 ${visible.length} 条`}
                      </Text>
                    </nav>
                    <FindingList
                      findings={visible}
                      active={active}
                      verified={verified}
                      ruleTitle={(id) => RULE_TITLES.get(id) ?? id}
                      ruleWhy={(id) => RULE_WHY.get(id)}
                      disabled={busy}
                      onOpen={goTo}
                      onSelectCell={(sheet, cell) => act('正在定位单元格…', () => host.select(sheet, cell))}
                      onIgnore={(f) => decide(setIgnored(decisions, findingKey(f), true), '正在保存…')}
                      onVerify={(f, on) => decide(setVerified(decisions, findingKey(f), on), '正在保存…')}
                    />
                  </>
                )}
              </>
            )}
          </>
        )}
      </div>
    </main>
  );
}
