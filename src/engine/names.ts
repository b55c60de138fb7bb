/**
 * 科目编码 → 科目名称, bundled so that a code can be checked against its name and a blank name proposed.
 * Built from the tables' own standard names: the 26 功能分类 类 of the 2024 科目, the 06 经济分类 template,
 * and the 款/项 that appear in the published reports the fixtures rebuild (plus a few common ones that
 * government units use every year). A code missing here is simply not checked.
 */
import { EXPENSE_CLASSES } from './recognize/lines';
import { norm } from './recognize/text';

/** 功能分类 款 (5 digits) and 项 (7 digits) names. */
const FUNCTION_KUAN_XIANG: ReadonlyArray<readonly [string, string]> = [
  ['20103', '政府办公厅（室）及相关机构事务'],
  ['2010301', '行政运行'],
  ['2010302', '一般行政管理事务'],
  ['2010350', '事业运行'],
  ['2010399', '其他政府办公厅（室）及相关机构事务支出'],
  ['20502', '普通教育'],
  ['2050201', '学前教育'],
  ['2050202', '小学教育'],
  ['20805', '行政事业单位养老支出'],
  ['2080501', '行政单位离退休'],
  ['2080502', '事业单位离退休'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['2080506', '机关事业单位职业年金缴费支出'],
  ['20899', '其他社会保障和就业支出'],
  ['2089999', '其他社会保障和就业支出'],
  ['21007', '计划生育事务'],
  ['2100799', '其他计划生育事务支出'],
  ['21011', '行政事业单位医疗'],
  ['2101101', '行政单位医疗'],
  ['2101102', '事业单位医疗'],
  ['2101103', '公务员医疗补助'],
  ['2101199', '其他行政事业单位医疗支出'],
  ['21201', '城乡社区管理事务'],
  ['2120101', '行政运行'],
  ['2120104', '城管执法'],
  ['21208', '国有土地使用权出让收入安排的支出'],
  ['2120801', '征地和拆迁补偿支出'],
  ['21301', '农业农村'],
  ['2130101', '行政运行'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
  ['2210202', '提租补贴'],
  ['2210203', '购房补贴'],
  ['22301', '解决历史遗留问题及改革成本支出'],
  ['2230199', '其他解决历史遗留问题及改革成本支出'],
  ['22960', '彩票公益金安排的支出'],
  ['2296002', '用于社会福利的彩票公益金支出'],
];

/** 部门预算支出经济分类 类 and 款 of 公开06表, in template order, by block and triple. */
export const ECON_TEMPLATE: ReadonlyArray<{ readonly triple: 1 | 2 | 3; readonly items: ReadonlyArray<readonly [string, string]> }> = [
  {
    triple: 1,
    items: [
      ['301', '工资福利支出'],
      ['30101', '基本工资'],
      ['30102', '津贴补贴'],
      ['30103', '奖金'],
      ['30106', '伙食补助费'],
      ['30107', '绩效工资'],
      ['30108', '机关事业单位基本养老保险缴费'],
      ['30109', '职业年金缴费'],
      ['30110', '职工基本医疗保险缴费'],
      ['30111', '公务员医疗补助缴费'],
      ['30112', '其他社会保障缴费'],
      ['30113', '住房公积金'],
      ['30114', '医疗费'],
      ['30199', '其他工资福利支出'],
      ['303', '对个人和家庭的补助'],
      ['30301', '离休费'],
      ['30302', '退休费'],
      ['30303', '退职（役）费'],
      ['30304', '抚恤金'],
      ['30305', '生活补助'],
      ['30306', '救济费'],
      ['30307', '医疗费补助'],
      ['30308', '助学金'],
      ['30309', '奖励金'],
      ['30310', '个人农业生产补贴'],
      ['30311', '代缴社会保险费'],
      ['30399', '其他对个人和家庭的补助'],
    ],
  },
  {
    triple: 2,
    items: [
      ['302', '商品和服务支出'],
      ['30201', '办公费'],
      ['30202', '印刷费'],
      ['30203', '咨询费'],
      ['30204', '手续费'],
      ['30205', '水费'],
      ['30206', '电费'],
      ['30207', '邮电费'],
      ['30208', '取暖费'],
      ['30209', '物业管理费'],
      ['30211', '差旅费'],
      ['30212', '因公出国（境）费用'],
      ['30213', '维修（护）费'],
      ['30214', '租赁费'],
      ['30215', '会议费'],
      ['30216', '培训费'],
      ['30217', '公务接待费'],
      ['30218', '专用材料费'],
      ['30224', '被装购置费'],
      ['30225', '专用燃料费'],
      ['30226', '劳务费'],
      ['30227', '委托业务费'],
      ['30228', '工会经费'],
      ['30229', '福利费'],
      ['30231', '公务用车运行维护费'],
      ['30239', '其他交通费用'],
      ['30240', '税金及附加费用'],
      ['30299', '其他商品和服务支出'],
    ],
  },
  {
    triple: 3,
    items: [
      ['307', '债务利息及费用支出'],
      ['30701', '国内债务付息'],
      ['30702', '国外债务付息'],
      ['310', '资本性支出'],
      ['31001', '房屋建筑物购建'],
      ['31002', '办公设备购置'],
      ['31003', '专用设备购置'],
      ['31005', '基础设施建设'],
      ['31006', '大型修缮'],
      ['31007', '信息网络及软件购置更新'],
      ['31008', '物资储备'],
      ['31009', '土地补偿'],
      ['31010', '安置补助'],
      ['31011', '地上附着物和青苗补偿'],
      ['31012', '拆迁补偿'],
      ['31013', '公务用车购置'],
      ['31019', '其他交通工具购置'],
      ['31021', '文物和陈列品购置'],
      ['31022', '无形资产购置'],
      ['31099', '其他资本性支出'],
      ['399', '其他支出'],
      ['39907', '国家赔偿费用支出'],
      ['39908', '对民间非营利组织和群众性自治组织补贴'],
      ['39909', '经常性赠与'],
      ['39910', '资本性赠与'],
      ['39999', '其他支出'],
    ],
  },
];

/** Names of earlier years' 科目 for the same code (tables.md: older reports use them); they agree too. */
const FORMER_NAMES: ReadonlyMap<string, ReadonlyArray<string>> = new Map([
  ['207', ['文化体育与传媒支出']],
  ['210', ['医疗卫生与计划生育支出']],
  ['215', ['资源勘探信息等支出']],
  ['220', ['国土海洋气象等支出']],
]);

const FUNCTION_NAMES = new Map<string, string>([...EXPENSE_CLASSES, ...FUNCTION_KUAN_XIANG]);
const ECON_NAMES = new Map<string, string>(ECON_TEMPLATE.flatMap((t) => t.items));

/** Standard name of a 功能分类 code (3/5/7 digits), or undefined when the code is not bundled. */
export function functionName(code: string): string | undefined {
  return FUNCTION_NAMES.get(code);
}

/** Standard name of a 经济分类 code (3/5 digits). */
export function econName(code: string): string | undefined {
  return ECON_NAMES.get(code);
}

/** 功能分类 codes bundled, in code order (for generators and the template's help). */
export function functionCodes(): string[] {
  return [...FUNCTION_NAMES.keys()].sort();
}

/**
 * Whether a shown name is the standard one for the code (or an earlier year's). Published tables abbreviate:
 * PDF-narrow columns truncate names and numbering (`一、`) or spaces creep in, so a long enough prefix agrees.
 */
export function nameAgrees(shown: string, code: string, standard: string): boolean {
  // Tables mostly print the standard name itself, whose normal form is already known.
  const s = (shown === standard ? normalisedName(standard) : norm(shown)).replace(/^[一二三四五六七八九十]+、/, '');
  const agrees = (name: string) => {
    const t = normalisedName(name);
    return s === t || (s.length >= 4 && t.startsWith(s));
  };
  return agrees(standard) || (FORMER_NAMES.get(code) ?? []).some(agrees);
}

/** Normal forms of the bundled names (a fixed set), computed once each. */
const NORMALISED_NAMES = new Map<string, string>();

function normalisedName(name: string): string {
  let t = NORMALISED_NAMES.get(name);
  if (t === undefined) NORMALISED_NAMES.set(name, (t = norm(name)));
  return t;
}
