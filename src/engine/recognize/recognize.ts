import { Grid } from '../grid';
import { OtherTable, TABLE_IDS, Table, TableId, Unit, Workbook } from '../model';
import { AmountFactory } from './amounts';
import { blockSpan, findUnit } from './block-tools';
import { readCodedTable } from './coded';
import { readEconTable } from './econ';
import { readLinesTable } from './lines';
import { Block, locateBlocks } from './locate';
import { RecognitionNote } from './notes';
import { readSanGongTable } from './sangong';
import { SheetView } from './sheet-view';

export interface Recognition {
  readonly workbook: Workbook;
  readonly notes: RecognitionNote[];
}

function readTable(block: Block & { id: TableId }, unit: Unit, factory: AmountFactory, notes: RecognitionNote[]): Table | null {
  switch (block.id) {
    case '01':
    case '04':
      return readLinesTable(block, block.id, unit, factory, notes);
    case '06':
      return readEconTable(block, unit, factory, notes);
    case '09':
      return readSanGongTable(block, unit, factory, notes);
    default:
      return readCodedTable(block, block.id, unit, factory, notes);
  }
}

function isNineBlock(b: Block): b is Block & { id: TableId } {
  return b.id !== null;
}

/**
 * Grid → recognized tables. Tables are found by title, 表号 and header cells, never by position; whatever
 * cannot be read becomes a note (and from there a structure/value/code finding), never an exception.
 */
export function recognize(grid: Grid): Recognition {
  const notes: RecognitionNote[] = [];
  const blocks: Array<{ block: Block & { id: TableId }; unit: Unit | null; unitAt: { r: number; c: number } }> = [];
  const otherTables: OtherTable[] = [];
  for (const sheet of grid.sheets) {
    const view = new SheetView(sheet);
    for (const block of locateBlocks(view)) {
      if (!isNineBlock(block)) {
        otherTables.push({ title: block.title, sheet: sheet.name, cell: view.ref(block.r0, block.titleCol).cell });
        continue;
      }
      const span = blockSpan(block);
      const u = findUnit(block, span);
      blocks.push({ block, unit: u?.unit ?? null, unitAt: u ? { r: u.row, c: u.col } : { r: block.r0, c: block.titleCol } });
    }
  }
  const counts = new Map<Unit, number>();
  for (const b of blocks) if (b.unit) counts.set(b.unit, (counts.get(b.unit) ?? 0) + 1);
  const majority: Unit = (counts.get('元') ?? 0) > (counts.get('万元') ?? 0) ? '元' : '万元';

  const factory = new AmountFactory(notes);
  const tables: Partial<Record<TableId, Table>> = {};
  const firstBlock = new Map<TableId, Block>();
  for (const { block, unit, unitAt } of blocks) {
    const at = block.view.ref(unitAt.r, unitAt.c);
    const kept = firstBlock.get(block.id);
    if (kept) {
      notes.push({ kind: 'table-duplicate', table: block.id, kept: kept.view.ref(kept.r0, kept.titleCol), ignored: block.view.ref(block.r0, block.titleCol) });
      continue;
    }
    firstBlock.set(block.id, block);
    const table = readTable(block, unit ?? majority, factory, notes);
    // A table published as a note only (本单位当年无…) has no amounts, so its unit does not matter.
    const noAmounts = table?.kind === 'coded' && !table.total && !table.rows.length;
    if (!unit && !noAmounts) notes.push({ kind: 'unit-missing', table: block.id, at, assumed: majority });
    else if (unit && unit !== majority) notes.push({ kind: 'unit-mismatch', table: block.id, at, unit, majority });
    if (table) tables[block.id] = table;
  }
  factory.finish((unit) => {
    const t = TABLE_IDS.map((id) => tables[id]).find((x) => x && x.unit === unit);
    return t ? { table: t.id, at: { sheet: t.sheet, cell: t.range.split(':')[0] } } : null;
  });
  for (const id of TABLE_IDS) {
    const t = tables[id];
    if (t) tables[id] = { ...t, step: factory.stepFor(t.unit, id) } as Table;
  }
  if (blocks.length === 0 && otherTables.length === 0) notes.push({ kind: 'no-tables', sheets: grid.sheets.map((s) => s.name) });
  else for (const id of TABLE_IDS) if (!firstBlock.has(id)) notes.push({ kind: 'table-missing', table: id });
  return { workbook: { tables, otherTables, sheetOrder: grid.sheets.map((s) => s.name) }, notes };
}
