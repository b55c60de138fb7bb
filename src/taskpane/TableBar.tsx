import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TABLE_IDS, TABLE_TITLES } from '../engine';
import type { TableSummary } from '../engine';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center' },
  label: { color: tokens.colorNeutralForeground3, marginRight: '4px' },
  table: { minWidth: '36px', paddingLeft: '4px', paddingRight: '4px' },
});

/** The nine tables: found ones select their range in Excel; missing ones stay visible but disabled. */
export function TableBar({ tables, disabled, onSelect }: { tables: readonly TableSummary[]; disabled: boolean; onSelect: (t: TableSummary) => void }) {
  const styles = useStyles();
  return (
    <nav className={styles.bar} aria-label="已识别的表">
      <Text size={200} className={styles.label}>
        已识别 {tables.length} / 9 张表：
      </Text>
      {TABLE_IDS.map((id) => {
        const t = tables.find((x) => x.id === id);
        const name = `公开${id}表 ${TABLE_TITLES[id]}`;
        return (
          <Button
            key={id}
            size="small"
            className={styles.table}
            appearance={t ? 'secondary' : 'subtle'}
            disabled={!t}
            disabledFocusable={disabled && !!t}
            title={t ? `${name}（${t.sheet}!${t.range}，单位：${t.unit}）` : `${name}：未找到`}
            aria-label={t ? `${name}，位于 ${t.sheet} ${t.range}，选中该表` : `${name}，未找到`}
            onClick={() => t && onSelect(t)}
          >
            {id}
          </Button>
        );
      })}
    </nav>
  );
}
