import { Amount, EconItem, EconTable, TABLE_TITLES, tableLabel, Unit } from '../model';
import { AmountFactory } from './amounts';
import { blockSpan, columnHeader, headerStart, isNoteRow } from './block-tools';
import { Block } from './locate';
import { RecognitionNote } from './notes';
import { norm } from './text';

const PERSONNEL_CLASSES = new Set(['301', '303']);

interface Triple {
  readonly code: number;
  /** 款 column when the code is split into 类 | 款. */
  readonly kuan: number | null;
  readonly name: number;
  readonly amount: number;
  readonly block: EconItem['block'] | null;
}

export function readEconTable(block: Block, unit: Unit, factory: AmountFactory, notes: RecognitionNote[]): EconTable | null {
  const { view } = block;
  const span = blockSpan(block);
  const start = headerStart(view, block, span, null);
  const scanEnd = Math.min(block.r1, start + 6);
  let headerRow = -1;
  let codeCols: number[] = [];
  for (let r = start; r <= scanEnd && headerRow < 0; r++) {
    const cols = view.filledCols(r, span.c0, span.c1).filter((c) => /科目(编码|代码)|^类$/.test(view.text(r, c)));
    if (cols.length >= 1) {
      headerRow = r;
      codeCols = cols;
    }
  }
  if (headerRow < 0) {
    notes.push({ kind: 'column-missing', table: '06', at: view.ref(start, span.c0), column: '科目编码' });
    return null;
  }
  // A split code puts 类 | 款 under each 经济分类科目编码 header, one or two rows lower: the data starts below them.
  let lastHeader = headerRow;
  const kuanOf = new Map<number, number>();
  for (const c of codeCols) {
    for (let r = headerRow; r <= Math.min(block.r1, headerRow + 2); r++) {
      if (view.text(r, c) === '类' && view.text(r, c + 1) === '款') {
        kuanOf.set(c, c + 1);
        lastHeader = Math.max(lastHeader, r);
      }
    }
  }
  const triples: Triple[] = codeCols.map((c, i) => {
    const next = i + 1 < codeCols.length ? codeCols[i + 1] - 1 : span.c1;
    const kuan = kuanOf.get(c) ?? null;
    let name = (kuan ?? c) + 1;
    let amount = name + 1;
    for (let x = c + 1; x <= next; x++) {
      const h = columnHeader(view, headerRow, lastHeader, x);
      if (/名称/.test(h)) name = x;
      if (/决算数|金额/.test(h)) amount = x;
    }
    // The 人员经费 / 公用经费 group sits in the header rows above.
    let group: Triple['block'] = null;
    for (let r = start; r < headerRow && !group; r++) {
      for (let x = c; x >= span.c0 && !group; x--) {
        const h = view.headerText(r, x);
        if (/人员经费/.test(h)) group = '人员经费';
        else if (/公用经费/.test(h)) group = '公用经费';
      }
    }
    return { code: c, kuan, name, amount, block: group };
  });

  const items: EconItem[] = [];
  let personnelTotal: Amount | null = null;
  let publicTotal: Amount | null = null;
  let lastRow = lastHeader;
  const carry = new Map<number, string>();
  for (let r = lastHeader + 1; r <= block.r1; r++) {
    if (view.rowIsBlank(r, span.c0, span.c1)) continue;
    if (isNoteRow(view, r, span)) break;
    lastRow = r;
    for (const tr of triples) {
      const codeText = view.text(r, tr.code);
      const nameText = view.raw(r, tr.name).trim();
      const label = norm(codeText || nameText);
      if (/人员经费合计/.test(label) || /公用经费合计/.test(label)) {
        const isPersonnel = /人员经费合计/.test(label);
        const a = factory.read('06', unit, view, r, tr.amount, `${tableLabel('06')} ${isPersonnel ? '人员经费合计' : '公用经费合计'}`);
        if (isPersonnel) personnelTotal = a;
        else publicTotal = a;
        continue;
      }
      let code = codeText;
      if (tr.kuan !== null) {
        const k = view.text(r, tr.kuan);
        if (code) carry.set(tr.code, code);
        code = k ? `${code || carry.get(tr.code) || ''}${k.padStart(2, '0')}` : code;
      }
      if (!code && !nameText) continue;
      const ref = view.ref(r, tr.code);
      if (!/^\d{3}(\d{2})?$/.test(code)) {
        notes.push({ kind: 'code-malformed', table: '06', at: ref, code: code || '（空）', name: nameText });
        continue;
      }
      const blockName = tr.block ?? (PERSONNEL_CLASSES.has(code.slice(0, 3)) ? '人员经费' : '公用经费');
      const amount = factory.read('06', unit, view, r, tr.amount, `${tableLabel('06')} ${code} ${nameText}`);
      items.push({ code, name: nameText, block: blockName, codeRef: ref, nameRef: view.ref(r, tr.name), amount });
    }
  }
  if (!personnelTotal) notes.push({ kind: 'line-missing', table: '06', at: view.ref(lastRow, span.c0), line: '人员经费合计' });
  if (!publicTotal) notes.push({ kind: 'line-missing', table: '06', at: view.ref(lastRow, span.c0), line: '公用经费合计' });
  return {
    kind: 'econ',
    id: '06',
    sheet: view.sheet.name,
    range: view.range(block.r0, span.c0, lastRow, span.c1),
    title: block.title || TABLE_TITLES['06'],
    unit,
    step: factory.stepFor(unit),
    items,
    personnelTotal,
    publicTotal,
  };
}
