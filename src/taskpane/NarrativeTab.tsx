import { ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  Tooltip,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import type { Grid } from '../engine/grid';
import { auditNarrative, narrativeContext, narrativeOf, supplementLayout, SUPPLEMENT_SHEET } from '../engine/narrative';
import type { NarrativeBlock, NarrativeContext, NarrativeFinding, Segment } from '../engine/narrative';
import { blockText, plainText } from '../engine/narrative/types';
import { NARRATIVE_RULES } from '../engine/rules/narrative';
import type { WorkbookHost } from '../excel/workflow';
import { NARRATIVE_SHEET, splitAddress } from '../excel/writes';
import { ActionFeedback, useAction } from './action';
import { SEVERITY_LABEL } from './labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  preview: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '4px 10px',
    maxHeight: '60vh',
    overflowY: 'auto',
    lineHeight: '1.7',
  },
  title: { textAlign: 'center', fontSize: tokens.fontSizeBase400, margin: '8px 0' },
  h1: { fontSize: tokens.fontSizeBase300, margin: '10px 0 4px' },
  h2: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightRegular, fontStyle: 'italic', margin: '8px 0 4px' },
  p: { margin: '4px 0', textIndent: '2em' },
  caption: { margin: '4px 0', textAlign: 'center', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  figure: {
    display: 'inline',
    padding: '0 1px',
    border: 'none',
    borderBottom: `2px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    textIndent: 0,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  missing: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '6px 8px' },
  quote: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const RULE_TITLES = new Map(NARRATIVE_RULES.map((r) => [r.id, r.title]));
const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

type Confirm = { readonly where: 'sheet' | 'here'; readonly occupied: number; readonly address: string };

/** `'补充信息'!H2:H79` as people read it: 补充信息!H2:H79. */
function readable(address: string): string {
  const { sheet, range } = splitAddress(address);
  return `${sheet}!${range}`;
}

/** Where a figure comes from, in words: `公开01表 收入总计：公开01表!C7` or the 补充信息 keys. */
function sourceText(s: Extract<Segment, { source: unknown }>['source']): string {
  const cells = s.cells.slice(0, 6).map((c) => `${c.sheet}!${c.cell}`);
  const more = s.cells.length > 6 ? ` 等 ${s.cells.length} 个单元格` : '';
  return `${s.label}${cells.length ? `：${cells.join('、')}${more}` : s.keys.length ? `（补充信息 ${s.keys.join('、')}）` : ''}`;
}

/** The 情况说明 sheet's column A as paragraphs (row n is paragraph n), or null when there is no such sheet. */
function sheetParagraphs(grid: Grid): string[] | null {
  const sheet = grid.sheets.find((s) => s.name.replace(/\s/g, '') === NARRATIVE_SHEET);
  if (!sheet) return null;
  // Array.from, not rows.map: the rows array is sparse and map would keep its holes.
  return Array.from({ length: sheet.rows.length }, (_, r) => {
    const c = sheet.rows[r]?.[0];
    return c ? c.text || (c.value === null ? '' : String(c.value)) : '';
  });
}

const DOCX_NAME = '部门决算情况说明.docx';
const DOCX_ALTERNATIVES = '请用“插入到“情况说明”工作表”后复制到 Word，或在命令行运行 juesuan narrative 工作簿.xlsx --out 说明.docx（格式相同）。';
const DOCX_UNSUPPORTED = `Mac 版 Excel 不支持从加载项下载文件，未导出 .docx。${DOCX_ALTERNATIVES}`;

/** Copies with the async clipboard API, else the older execCommand; false when neither is allowed. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

/** 情况说明: generate, preview with sources, copy / insert / export, add the 补充信息 sheet, audit a text. */
export function NarrativeTab({ host }: { host: WorkbookHost }) {
  const styles = useStyles();
  const { busy, error, status, act, setStatus, setError } = useAction();
  const [ctx, setCtx] = useState<NarrativeContext | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [manualCopy, setManualCopy] = useState(false);
  const [pasted, setPasted] = useState('');
  const [audit, setAudit] = useState<{ source: string; fromSheet: boolean; findings: NarrativeFinding[] } | null>(null);
  const download = useRef<HTMLAnchorElement>(null);
  const fullText = useRef<HTMLTextAreaElement>(null);
  // The button that asked to insert: focus goes back there when the overwrite dialog closes.
  const asker = useRef<HTMLElement | null>(null);
  // The preview's figures are one tab stop: arrow keys move between them, Tab moves on past the preview.
  const figureKeys = useArrowNavigationGroup({ axis: 'both', memorizeCurrent: true });
  const doc = useMemo(() => (ctx ? narrativeOf(ctx) : null), [ctx]);
  const paragraphs = useMemo(() => doc?.blocks.map(blockText) ?? [], [doc]);
  const isBusy = busy !== null;

  useEffect(() => {
    // The full text for copying by hand is selected once, when it appears.
    if (manualCopy) fullText.current?.select();
  }, [manualCopy]);

  const generate = () =>
    act('正在读取工作簿并生成情况说明…', async () => {
      setCtx(narrativeContext(await host.read()));
      setManualCopy(false);
    });

  const copy = () =>
    act('正在复制…', async () => {
      if (!doc) return;
      if (await copyText(plainText(doc))) return '已复制情况说明全文，可粘贴到 Word 或公文系统。';
      setManualCopy(true);
      return '浏览器不允许加载项写入剪贴板。已在下方显示全文并选中，请按 Ctrl+C 复制。';
    });

  const insert = (where: 'sheet' | 'here', overwrite: boolean) =>
    act('正在写入情况说明…', async () => {
      const r = where === 'sheet' ? await host.writeNarrativeSheet(paragraphs, overwrite, doc?.blocks.map((b) => b.kind)) : await host.writeAtActiveCell(paragraphs, overwrite);
      if (!r.done) {
        asker.current = document.activeElement as HTMLElement | null;
        setConfirm({ where, occupied: r.occupied, address: readable(r.address) });
        return;
      }
      return where === 'sheet'
        ? `已将 ${paragraphs.length} 段写入“${NARRATIVE_SHEET}”工作表 A 列（文本格式，自动换行）。`
        : `已将 ${paragraphs.length} 段写入 ${readable(r.address)}（文本格式，自动换行）。`;
    });

  const exportDocx = () =>
    act('正在生成 .docx…', async () => {
      if (!doc) return;
      // Excel on Mac runs the pane in WKWebView, which does not download files (by design, office-js#2700); the
      // documented way out, openBrowserWindow, needs a server URL, and the add-in sends nothing anywhere.
      if (host.platform === 'mac') {
        setError(DOCX_UNSUPPORTED);
        return;
      }
      const { docxBlob } = await import(/* webpackChunkName: "docx" */ './docx');
      const url = URL.createObjectURL(await docxBlob(doc));
      const a = download.current!;
      a.href = url;
      a.download = DOCX_NAME;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      // A page cannot see whether the webview saved the file: only the browser (Excel on the web) shows it for sure.
      return host.platform === 'web'
        ? `已交给浏览器下载“${DOCX_NAME}”（黑体标题、仿宋正文、页码），请在浏览器的下载列表中查看。`
        : `已请求保存“${DOCX_NAME}”。若 Excel 没有弹出保存位置或下载提示，说明此版本不允许加载项下载文件：${DOCX_ALTERNATIVES}`;
    });

  const addSupplement = () =>
    act('正在添加“补充信息”工作表…', async () => {
      const current = ctx ?? narrativeContext(await host.read());
      const r = await host.addSupplementSheet(SUPPLEMENT_SHEET, supplementLayout(current.workbook));
      if (!r.created) return `工作簿中已有“${SUPPLEMENT_SHEET}”工作表，未作改动。`;
      setCtx(narrativeContext(await host.read()));
      return `已添加“${SUPPLEMENT_SHEET}”工作表：在 C 列填写上年数、年初预算等，D 列按提示填写原因，然后重新生成。`;
    });

  const runAudit = () =>
    act('正在核对情况说明…', async () => {
      const grid = await host.read();
      const current = narrativeContext(grid);
      setCtx(current);
      const text = pasted.trim();
      let units: string[];
      let source: string;
      let unit: 'line' | 'paragraph';
      if (text) {
        units = pasted.split(/\r?\n/);
        source = '粘贴的文本';
        unit = 'line';
      } else {
        const fromSheet = sheetParagraphs(grid);
        if (!fromSheet) {
          setAudit(null);
          setError(`没有找到“${NARRATIVE_SHEET}”工作表，也没有粘贴文本。请先插入情况说明，或在上面粘贴要核对的文本。`);
          return;
        }
        units = fromSheet;
        source = `“${NARRATIVE_SHEET}”工作表`;
        unit = 'paragraph';
      }
      const findings = [...current.supplementFindings, ...auditNarrative(current, units, { source, unit })];
      setAudit({ source, fromSheet: unit === 'paragraph', findings });
      return findings.length ? undefined : `${source}核对完毕：未发现问题。`;
    });

  const select = (sheet: string, cell: string) => act('正在定位单元格…', () => host.select(sheet, cell));

  const closeDialog = () => {
    setConfirm(null);
    const back = asker.current;
    setTimeout(() => back?.focus(), 0);
  };

  const segment = (s: Segment, i: number): ReactNode => {
    if ('missing' in s) return <mark key={i} className={styles.missing}>{s.text}</mark>;
    if (!('source' in s)) return s.text;
    const first = s.source.cells[0];
    return (
      <Tooltip key={i} content={sourceText(s.source)} relationship="description" withArrow>
        <button type="button" className={styles.figure} data-figure={s.value} onClick={() => first && !isBusy && select(first.sheet, first.cell)}>
          {s.text}
        </button>
      </Tooltip>
    );
  };

  const block = (b: NarrativeBlock, i: number): ReactNode => {
    const content = b.segments.map(segment);
    switch (b.kind) {
      case 'title':
        return <h2 key={i} className={styles.title}>{content}</h2>;
      case 'h1':
        return <h3 key={i} className={styles.h1}>{content}</h3>;
      case 'h2':
        return <h4 key={i} className={styles.h2}>{content}</h4>;
      case 'caption':
        return <p key={i} className={styles.caption}>{content}</p>;
      default:
        return <p key={i} className={styles.p}>{content}</p>;
    }
  };

  /** Blocks grouped into sections at each h1, so the preview reads section by section. */
  const sections = useMemo(() => {
    const out: { head: number; blocks: [NarrativeBlock, number][] }[] = [];
    doc?.blocks.forEach((b, i) => {
      if (b.kind === 'h1' || out.length === 0) out.push({ head: i, blocks: [] });
      out[out.length - 1].blocks.push([b, i]);
    });
    return out;
  }, [doc]);

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={generate} disabledFocusable={isBusy}>
          {doc ? '重新生成' : '生成'}
        </Button>
        <Button onClick={addSupplement} disabledFocusable={isBusy}>
          添加“补充信息”表
        </Button>
      </div>
      <ActionFeedback busy={busy} error={error} status={status} />
      {!doc && !isBusy && (
        <Text className={styles.muted}>
          “生成”根据决算表和“补充信息”工作表撰写第三部分 部门决算情况说明。每个数字都标明来源：把鼠标移到数字上或用 Tab 键聚焦即可看到，点击数字选中其单元格。
        </Text>
      )}
      {doc && ctx && (
        <>
          {!ctx.supplement && (
            <MessageBar intent="info">
              <MessageBarBody>工作簿中没有“{SUPPLEMENT_SHEET}”工作表，上年数、年初预算等处显示为【待补充】。可按“添加“补充信息”表”生成填写表。</MessageBarBody>
            </MessageBar>
          )}
          {doc.missing.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                待补充 {doc.missing.length} 处：{doc.missing.map((m) => m.label).join('、')}。
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row} role="group" aria-label="使用情况说明">
            <Button onClick={copy} disabledFocusable={isBusy}>
              复制
            </Button>
            <Button onClick={() => insert('sheet', false)} disabledFocusable={isBusy}>
              插入到“情况说明”工作表
            </Button>
            <Button onClick={() => insert('here', false)} disabledFocusable={isBusy}>
              插入到所选单元格
            </Button>
            <Button onClick={exportDocx} disabledFocusable={isBusy}>
              导出 .docx
            </Button>
            {/* The download target of 导出 .docx; not a tab stop of its own. */}
            <a ref={download} hidden tabIndex={-1} aria-hidden="true" />
          </div>
          {manualCopy && (
            <Field label="情况说明全文">
              <Textarea readOnly resize="vertical" rows={8} value={plainText(doc)} onFocus={(e) => e.currentTarget.select()} ref={fullText} />
            </Field>
          )}
          <Text size={200} className={styles.muted}>
            预览中带底纹的是数字：悬停或用 Tab 键进入预览后用方向键逐个查看其来源，按 Enter 或点击选中其单元格。
          </Text>
          <article className={styles.preview} aria-label="情况说明预览" {...figureKeys}>
            {sections.map((s) => (
              <section key={s.head}>{s.blocks.map(([b, i]) => block(b, i))}</section>
            ))}
          </article>
        </>
      )}

      <section aria-label="核对说明">
        <Field label="核对说明：粘贴要核对的文本（留空则核对“情况说明”工作表 A 列）">
          <Textarea resize="vertical" rows={3} value={pasted} onChange={(_, d) => setPasted(d.value)} />
        </Field>
        <div className={styles.row} style={{ marginTop: 6 }}>
          <Button onClick={runAudit} disabledFocusable={isBusy}>
            核对说明
          </Button>
          {audit && audit.findings.length > 0 && (
            <Text size={200} aria-live="polite">
              {audit.source}：发现 {audit.findings.length} 个问题
            </Text>
          )}
        </div>
        {audit && audit.findings.length > 0 && (
          <ul className={styles.list} aria-label="说明核对结果" style={{ marginTop: 6 }}>
            {audit.findings.map((f, i) => (
              <li key={i} className={styles.item}>
                <div className={styles.row}>
                  <Badge appearance="filled" color={BADGE_COLOR[f.severity]}>
                    {SEVERITY_LABEL[f.severity]}
                  </Badge>
                  <Text weight="semibold">{RULE_TITLES.get(f.rule) ?? f.rule}</Text>
                  {f.paragraph !== null &&
                    (audit.fromSheet ? (
                      // Paragraph n of the sheet is row n of column A.
                      <Button size="small" appearance="transparent" onClick={() => select(NARRATIVE_SHEET, `A${f.paragraph}`)} disabledFocusable={isBusy}>
                        第 {f.paragraph} 段（{NARRATIVE_SHEET}!A{f.paragraph}）
                      </Button>
                    ) : (
                      <Text size={200}>第 {f.paragraph} 段</Text>
                    ))}
                  {f.line !== null && <Text size={200}>第 {f.line} 行</Text>}
                  {f.sheet && f.cell && (
                    <Button size="small" appearance="transparent" onClick={() => select(f.sheet, f.cell)} disabledFocusable={isBusy}>
                      {f.sheet}!{f.cell}
                    </Button>
                  )}
                </div>
                <Text block>{f.message}</Text>
                {f.quote && <span className={styles.quote}>原文：{f.quote}</span>}
                {f.related.length > 0 && (
                  <div className={styles.row}>
                    <Text size={200}>相关单元格：</Text>
                    {f.related.slice(0, 8).map((r) => (
                      <Button key={`${r.sheet}!${r.cell}`} size="small" appearance="transparent" onClick={() => select(r.sheet, r.cell)} disabledFocusable={isBusy}>
                        {r.sheet}!{r.cell}
                      </Button>
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Dialog open={confirm !== null} onOpenChange={(_, d) => !d.open && closeDialog()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>覆盖已有内容？</DialogTitle>
            <DialogContent>
              {confirm?.where === 'sheet'
                ? `“${NARRATIVE_SHEET}”工作表已有 ${confirm.occupied} 个非空单元格。覆盖将清除该表原有内容并写入新生成的情况说明。`
                : `${confirm?.address ?? ''} 中已有 ${confirm?.occupied ?? 0} 个非空单元格，写入将覆盖它们。`}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const where = confirm!.where;
                  closeDialog();
                  setStatus(null);
                  void insert(where, true);
                }}
              >
                覆盖
              </Button>
              <Button onClick={closeDialog}>取消</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
