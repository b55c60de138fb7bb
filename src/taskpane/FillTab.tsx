import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { plainButton } from './styles';
import { TABLE_TITLES } from '../engine/model';
import type { TableId } from '../engine/model';
import { planFill } from '../engine/fill';
import type { Fill, FillPlan } from '../engine/fill';
import type { WorkbookHost } from '../excel/workflow';
import { ActionFeedback, useAction } from './action';
import { fillKey, groupByTable, planWrites, shownValue } from './fills';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  group: { margin: '8px 0 2px', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: { display: 'flex', alignItems: 'flex-start', gap: '2px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  open: { ...plainButton, flexGrow: 1, padding: '6px 8px 6px 0' },
  head: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'baseline' },
  note: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function groupTitle(table: string): string {
  return `公开${table}表 ${TABLE_TITLES[table as TableId] ?? ''}`;
}

/** 填报: the cells the relations determine, chosen and written in one go, and undone exactly. */
export function FillTab({ host }: { host: WorkbookHost }) {
  const styles = useStyles();
  const { busy, error, status, act } = useAction();
  const [plan, setPlan] = useState<FillPlan | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [undoCount, setUndoCount] = useState(0);

  useEffect(() => {
    // An undo record saved with the workbook (an earlier session, another reviewer) is offered right away.
    host.fillUndo().then((r) => setUndoCount(r?.entries.length ?? 0), () => undefined);
  }, [host]);

  const compute = () =>
    act('正在读取工作簿并推算可填的单元格…', async () => {
      const p = planFill(await host.read());
      setPlan(p);
      setChosen(new Set(p.fills.map(fillKey)));
    });

  const apply = (fills: readonly Fill[]) =>
    act(`正在填入 ${fills.length} 个单元格…`, async () => {
      const r = await host.writeFills(planWrites(fills));
      setUndoCount(r.undo.entries.length);
      const done = new Set(fills.map(fillKey));
      setPlan((p) => p && { ...p, fills: p.fills.filter((f) => !done.has(fillKey(f))) });
      return r.skipped.length
        ? `已填入 ${r.written} 个单元格；${r.skipped.length} 个单元格在推算后已有内容，未改写：${r.skipped.join('、')}。`
        : `已填入 ${r.written} 个单元格。可按“撤销填报”恢复原状。`;
    });

  const undo = () =>
    act('正在撤销填报…', async () => {
      const r = await host.undoFills();
      setUndoCount(0);
      setPlan(null);
      const done = r.changed.length
        ? `已恢复 ${r.restored} 个单元格；${r.changed.length} 个单元格填入后又被修改，保留现状：${r.changed.join('、')}。`
        : `已撤销填报，${r.restored} 个单元格恢复原来的内容和数字格式。`;
      // Entries that are not the add-in's own fills are reported, never applied.
      const bad = r.rejected.length ? `撤销记录中有 ${r.rejected.length} 条无效，已忽略、未改动对应单元格：${r.rejected.map((x) => `${x.key}（${x.reason}）`).join('；')}。` : '';
      return done + bad;
    });

  const select = (sheet: string, cell: string) => act('正在定位单元格…', () => host.select(sheet, cell));
  const groups = useMemo(() => groupByTable(plan?.fills ?? []), [plan]);
  const chosenFills = (plan?.fills ?? []).filter((f) => chosen.has(fillKey(f)));
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };
  const isBusy = busy !== null;

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={compute} disabledFocusable={isBusy}>
          计算可填数
        </Button>
        <Button onClick={undo} disabledFocusable={isBusy || undoCount === 0}>
          撤销填报{undoCount ? `（${undoCount}）` : ''}
        </Button>
      </div>
      <ActionFeedback busy={busy} error={error} status={status} />
      {!plan && !isBusy && (
        <Text className={styles.muted}>
          “计算可填数”按表内和表间的勾稽关系，推算出由已填数字唯一确定的空白单元格（以及科目编码对应的标准名称）。只填空白单元格，不改写已有数字；填入的内容可以撤销。
        </Text>
      )}
      {plan && (
        <>
          {plan.conflicts.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <Text weight="semibold">有 {plan.conflicts.length} 处已有数字与推算结果不一致，不会改写：</Text>
                <ul className={styles.list}>
                  {plan.conflicts.map((c) => (
                    <li key={`${c.sheet}!${c.cell}${c.message}`}>
                      <Button size="small" appearance="transparent" onClick={() => select(c.sheet, c.cell)} disabledFocusable={isBusy}>
                        {c.sheet}!{c.cell}
                      </Button>
                      <Text size={200}>{c.message}</Text>
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {plan.fills.length === 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>没有可以推算填写的空白单元格。</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <div className={styles.row} role="group" aria-label="填入">
                <Button appearance="primary" onClick={() => apply(plan.fills)} disabledFocusable={isBusy}>
                  全部填入（{plan.fills.length}）
                </Button>
                <Button onClick={() => apply(chosenFills)} disabledFocusable={isBusy || chosenFills.length === 0}>
                  填入所选（{chosenFills.length}）
                </Button>
                <Checkbox
                  label="全选"
                  checked={chosenFills.length === plan.fills.length ? true : chosenFills.length === 0 ? false : 'mixed'}
                  onChange={(_, d) => setChosen(d.checked === true ? new Set(plan.fills.map(fillKey)) : new Set())}
                />
              </div>
              {plan.zeros.length > 0 && <Text size={200} className={styles.muted}>另有 {plan.zeros.length} 个单元格按关系为 0，保持空白（空白即为 0）。</Text>}
              <div role="region" aria-label="可填的单元格">
                {groups.map(([table, fills]) => (
                  <section key={table} aria-label={groupTitle(table)}>
                    <h2 className={styles.group}>
                      {groupTitle(table)}（{fills.length}）
                    </h2>
                    <ul className={styles.list}>
                      {fills.map((f) => {
                        const key = fillKey(f);
                        return (
                          <li key={key} className={styles.item}>
                            <Checkbox checked={chosen.has(key)} onChange={(_, d) => toggle(key, d.checked === true)} aria-label={`选择 ${key} ${shownValue(f)}`} />
                            <button type="button" className={styles.open} data-fill={key} aria-disabled={isBusy || undefined} onClick={() => !isBusy && select(f.ref.sheet, f.ref.cell)}>
                              <span className={styles.head}>
                                <Text weight="semibold">{key}</Text>
                                <Text>{shownValue(f)}</Text>
                              </span>
                              <span className={styles.note}>{f.label}</span>
                              <span className={styles.note}>{f.note}</span>
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  </section>
                ))}
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
