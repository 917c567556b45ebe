/**
 * A read-only rendering of the workbook: sheet tabs, column letters and row numbers, merged
 * cells, the add-in's fills and notes, and the cell a finding selected.
 */
import { useEffect, useMemo, useRef } from "react";
import { makeStyles, mergeClasses, Tab, TabList, tokens } from "@fluentui/react-components";
import { columnCount, columnLetters, MergeIndex, parseA1, textOf, toA1, type Grid } from "../core/grid";
import type { CellLook } from "./workbook";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", minHeight: 0, height: "100%" },
  scroller: { overflow: "auto", flex: 1, backgroundColor: tokens.colorNeutralBackground1, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  table: {
    borderCollapse: "collapse",
    fontSize: "12px",
    lineHeight: "16px",
    "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "top" },
    "& th": {
      backgroundColor: tokens.colorNeutralBackground3,
      color: tokens.colorNeutralForeground3,
      fontWeight: tokens.fontWeightRegular,
      position: "sticky",
      top: 0,
      zIndex: 1,
    },
    "& th[scope=row]": { position: "sticky", left: 0, textAlign: "right", minWidth: "32px" },
    // Row numbers scroll under the column letters, and both under the corner.
    "& thead th": { zIndex: 2 },
    "& thead th:first-child": { left: 0, zIndex: 3 },
  },
  cell: { maxWidth: "260px", minWidth: "24px", whiteSpace: "pre-wrap", wordBreak: "break-word" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  noted: { boxShadow: `inset -6px 6px 0 -3px ${tokens.colorPaletteRedBorder2}` },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

export interface Selection {
  sheet: string;
  cell: string;
}

export interface WorkbookViewProps {
  grids: Grid[];
  active: string;
  onActivate(sheet: string): void;
  looks(sheet: string): Map<string, CellLook>;
  selected: Selection | null;
}

export function WorkbookView({ grids, active, onActivate, looks, selected }: WorkbookViewProps) {
  const styles = useStyles();
  const grid = grids.find((g) => g.name === active) ?? grids[0];
  return (
    <section className={styles.view} aria-label="工作簿(只读)">
      <TabList selectedValue={grid?.name} onTabSelect={(_, d) => onActivate(String(d.value))} size="small">
        {grids.map((g) => (
          <Tab key={g.name} value={g.name}>
            {g.name}
          </Tab>
        ))}
      </TabList>
      {/* One scroller per sheet: another tab starts at its top-left, not where the last one was scrolled to. */}
      <div className={styles.scroller} key={grid?.name}>
        {grid ? (
          <SheetTable grid={grid} looks={looks(grid.name)} selected={selected?.sheet === grid.name ? selected.cell : null} />
        ) : (
          <p className={styles.empty}>尚未打开工作簿。</p>
        )}
      </div>
    </section>
  );
}

function SheetTable({ grid, looks, selected }: { grid: Grid; looks: Map<string, CellLook>; selected: string | null }) {
  const styles = useStyles();
  const at = selected ? parseA1(selected) : null;
  const selectedRef = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "center", inline: "nearest" });
  }, [selected, grid]);

  const { rows, cols, merges } = useMemo(() => {
    const merges = new MergeIndex(grid);
    const rows = Math.max(grid.cells.length, ...grid.merges.map((m) => m.bottom + 1));
    const cols = Math.max(columnCount(grid), ...grid.merges.map((m) => m.right + 1), 1);
    return { rows, cols, merges };
  }, [grid]);

  const body = [];
  for (let r = 0; r < rows; r++) {
    const cells = [];
    for (let c = 0; c < cols; c++) {
      const m = merges.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      const v = grid.cells[r]?.[c] ?? null;
      const look = looks.get(`${r},${c}`);
      const isSelected = at !== null && (m ? at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right : at.row === r && at.col === c);
      cells.push(
        <td
          key={c}
          ref={isSelected ? selectedRef : undefined}
          rowSpan={m ? m.bottom - m.top + 1 : undefined}
          colSpan={m ? m.right - m.left + 1 : undefined}
          className={mergeClasses(styles.cell, typeof v === "number" && styles.number, look?.note ? styles.noted : undefined, isSelected && styles.selected)}
          style={look?.fill ? { backgroundColor: look.fill } : undefined}
          title={look?.note}
          data-cell={toA1(r, c)}
          aria-selected={isSelected || undefined}
        >
          {textOf(v)}
        </td>,
      );
    }
    body.push(
      <tr key={r}>
        <th scope="row">{r + 1}</th>
        {cells}
      </tr>,
    );
  }
  return (
    <table className={styles.table} data-testid="sheet" data-sheet={grid.name}>
      <thead>
        <tr>
          <th aria-label="行号" />
          {Array.from({ length: cols }, (_, c) => (
            <th key={c} scope="col">
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}
