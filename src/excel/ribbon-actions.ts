/**
 * What the ribbon's buttons do, for src/commands/commands.ts to call inside its ExecuteFunction handlers. Each
 * returns one Chinese sentence to show the user (a function command has no pane of its own), and never throws: a
 * failure is a report too, so a button never ends silently.
 *
 *   检查工作簿 → ribbonCheck(excelHost())      清除标记 → ribbonClearMarks(excelHost())
 */
import { TABLE_IDS } from '../engine';
import { countGroups, groupByCell } from '../engine/report/group';
import type { RejectedRecord } from './decisions';
import { describeError } from './office-host';
import { checkAndMark, WorkbookHost } from './workflow';

export interface RibbonReport {
  /** `error`: the action failed; `warning`: it ran but found errors, no tables, or bad stored records. */
  readonly level: 'success' | 'warning' | 'error';
  readonly message: string;
}

function rejectedNote(rejected: readonly RejectedRecord[]): string {
  return rejected.length ? `工作簿中 ${rejected.length} 条标记记录无效，已忽略，未按它改动单元格（如 ${rejected[0].key}：${rejected[0].reason}）。` : '';
}

/** 检查工作簿: checks, marks every finding's cell (updating earlier marks) and says what it found. */
export async function ribbonCheck(host: WorkbookHost): Promise<RibbonReport> {
  try {
    const { result, marks } = await checkAndMark(host);
    const { tables, findings } = result.analysis;
    if (tables.length === 0) {
      return { level: 'warning', message: `未找到部门决算公开表：工作簿中没有带表号“公开01表”至“公开${TABLE_IDS[TABLE_IDS.length - 1]}表”或其标题的表格，未作检查。${rejectedNote(marks.rejected)}` };
    }
    const n = countGroups(groupByCell(findings));
    const marked = Object.keys(marks.decisions.marked).length;
    const found = n.error + n.warning + n.info === 0 ? '没有发现问题。' : `错误 ${n.error} 处，警告 ${n.warning} 处，提示 ${n.info} 处（按单元格计）；已标记 ${marked} 个单元格，打开决算助手查看详情。`;
    const skipped = marks.skipped.length ? `${marks.skipped.length} 个单元格所在的工作表已不存在，未标记。` : '';
    return {
      level: n.error || marks.rejected.length || tables.length < TABLE_IDS.length ? 'warning' : 'success',
      message: `检查完毕：识别 ${tables.length} / ${TABLE_IDS.length} 张表；${found}${skipped}${rejectedNote(marks.rejected)}`,
    };
  } catch (err) {
    return { level: 'error', message: `检查工作簿失败：${describeError(err)}` };
  }
}

/** 清除标记: restores every marked cell's original fill, font colour and borders. */
export async function ribbonClearMarks(host: WorkbookHost): Promise<RibbonReport> {
  try {
    const r = await host.clearStored();
    const waiting = Object.keys(r.decisions.marked).length;
    const rest = waiting ? `另有 ${waiting} 个单元格所在的工作表已改名或删除，恢复该表后可再清除。` : '';
    const message = r.restored === 0 && !waiting ? '没有需要清除的标记。' : `已清除 ${r.restored} 个单元格的标记，恢复为原来的填充、字体颜色和边框。${rest}`;
    return { level: r.rejected.length ? 'warning' : 'success', message: message + rejectedNote(r.rejected) };
  } catch (err) {
    return { level: 'error', message: `清除标记失败：${describeError(err)}` };
  }
}
