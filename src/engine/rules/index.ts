/** Every rule, in catalogue order. Adding a rule = adding its module here; the catalogue is generated from this list. */
import { Rule } from '../rule';
import noTables from './structure/no-tables';
import tableMissing from './structure/table-missing';
import tableDuplicate from './structure/table-duplicate';
import layout from './structure/layout';
import unit from './structure/unit';
import notANumber from './value/not-a-number';
import numberAsText from './value/number-as-text';
import negative from './value/negative';
import excessPrecision from './value/excess-precision';
import codeMalformed from './code/malformed';
import codeOrphan from './code/orphan';
import codeOrder from './code/order';
import codeDuplicate from './code/duplicate';
import codeNameMismatch from './code/name-mismatch';
import sum01 from './sum/01-composition';
import codeHierarchy from './sum/code-hierarchy';
import rowTotal from './sum/row-total';
import sum04 from './sum/04-composition';
import rowTotal04 from './sum/04-row-total';
import balance04 from './sum/04-balance';
import class06 from './sum/06-class';
import totals06 from './sum/06-totals';
import balance07 from './sum/07-balance';
import totals09 from './sum/09-totals';
import cross0102 from './cross/01-02-income';
import cross0103 from './cross/01-03-expense';
import cross0104 from './cross/01-04-income';
import cross0405 from './cross/04-05';
import cross0407 from './cross/04-07';
import cross0408 from './cross/04-08';
import cross0506 from './cross/05-06';
import subset0401 from './cross/04-01-subset';
import within03 from './cross/fiscal-within-03';
import subset0609 from './cross/06-09-subset';
import overBudget09 from './plausibility/09-over-budget';

export const ALL_RULES: ReadonlyArray<Rule> = [
  noTables,
  tableMissing,
  tableDuplicate,
  layout,
  unit,
  notANumber,
  numberAsText,
  negative,
  excessPrecision,
  codeMalformed,
  codeOrphan,
  codeOrder,
  codeDuplicate,
  codeNameMismatch,
  sum01,
  codeHierarchy,
  rowTotal,
  sum04,
  rowTotal04,
  balance04,
  class06,
  totals06,
  balance07,
  totals09,
  cross0102,
  cross0103,
  cross0104,
  cross0405,
  cross0407,
  cross0408,
  cross0506,
  subset0401,
  within03,
  subset0609,
  overBudget09,
];
