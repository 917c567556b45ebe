/**
 * The workbook view: sheet tabs, column letters and row numbers, merged cells, the add-in's fills
 * and notes, the cell a finding selected, and a formula bar. Virtualised: only the rows and
 * columns in sight are in the page, so a sheet of 100,000 rows opens as fast as one of 100, and a
 * cell of a million characters shows its beginning. Entry cells are editable: double-click, Enter,
 * F2 or just typing starts; Enter commits, Esc cancels.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters, parseA1, textOf, toA1, type Grid } from "../core/grid";
import { HEADER_HEIGHT, layoutOf, windowOf, type SheetLayout } from "./layout";
import type { CellLooks } from "./workbook";

/** A cell's text in the grid is cut here (the formula bar shows more). */
const SHOWN_CHARS = 400;
/** The formula bar shows this much of a cell; beyond, it says how long the text is. */
const BAR_CHARS = 5000;

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", minHeight: 0, height: "100%" },
  tabs: { display: "flex", overflowX: "auto", flexShrink: 0, columnGap: "2px", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0` },
  tab: {
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "nowrap",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    border: "none",
    borderBottom: `3px solid transparent`,
    background: "none",
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  tabActive: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
  bar: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    minHeight: "28px",
    maxHeight: "72px",
    overflowY: "auto",
    padding: `2px ${tokens.spacingHorizontalS}`,
    fontSize: "12px",
    lineHeight: "18px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    flexShrink: 0,
  },
  address: { minWidth: "64px", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  barText: { whiteSpace: "pre-wrap", wordBreak: "break-all", flex: 1 },
  barHint: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  scroller: {
    overflow: "auto",
    flex: 1,
    position: "relative",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  },
  table: {
    tableLayout: "fixed",
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: "12px",
    lineHeight: "16px",
    "& th, & td": {
      borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: "3px 6px",
      verticalAlign: "top",
      overflow: "hidden",
      boxSizing: "border-box",
      userSelect: "none",
    },
    "& th": {
      backgroundColor: tokens.colorNeutralBackground3,
      color: tokens.colorNeutralForeground2,
      fontWeight: tokens.fontWeightRegular,
      position: "sticky",
      top: 0,
      zIndex: 1,
    },
    "& th[scope=row]": { left: 0, textAlign: "right", zIndex: 1 },
    // Row numbers scroll under the column letters, and both under the corner.
    "& thead th": { zIndex: 2 },
    "& thead th:first-child": { left: 0, zIndex: 3 },
  },
  spacer: { padding: "0 !important", border: "none !important" },
  text: { overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" },
  wrap: { whiteSpace: "pre-wrap", wordBreak: "break-word", textOverflow: "clip" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  entry: { backgroundColor: tokens.colorPaletteLightGreenBackground1, cursor: "cell" },
  noted: { boxShadow: `inset -6px 6px 0 -3px ${tokens.colorPaletteRedBorder2}` },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  editor: {
    position: "absolute",
    zIndex: 4,
    boxSizing: "border-box",
    font: "inherit",
    fontSize: "12px",
    padding: "2px 5px",
    border: `2px solid ${tokens.colorBrandStroke1}`,
    outline: "none",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
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
  looks(sheet: string): CellLooks;
  selected: Selection | null;
  /** The clerk moved the cursor (click, arrow keys). */
  onSelect?(selection: Selection): void;
  /** Whether the clerk may type into this cell (the entry cells of the shown result). */
  editable?(sheet: string, cell: string): boolean;
  /** The clerk committed a text into an editable cell. */
  onEdit?(sheet: string, cell: string, text: string): void;
}

export function WorkbookView({ grids, active, onActivate, looks, selected, onSelect, editable, onEdit }: WorkbookViewProps) {
  const styles = useStyles();
  const shown = grids.filter((g) => !g.hidden);
  const grid = shown.find((g) => g.name === active) ?? shown[0];
  return (
    <section className={styles.view} aria-label="工作簿">
      <SheetTabs names={shown.map((g) => g.name)} active={grid?.name ?? ""} onActivate={onActivate} />
      {grid ? (
        // One view per sheet: another tab starts at its top-left, not where the last one was scrolled to.
        <SheetView
          key={grid.name}
          grid={grid}
          looks={looks(grid.name)}
          selected={selected?.sheet === grid.name ? selected.cell : null}
          onSelect={(cell) => onSelect?.({ sheet: grid.name, cell })}
          editable={(cell) => editable?.(grid.name, cell) ?? false}
          onEdit={(cell, text) => onEdit?.(grid.name, cell, text)}
        />
      ) : (
        <p className={styles.empty}>尚未打开工作簿。</p>
      )}
    </section>
  );
}

/**
 * The sheet tabs: an ARIA tab list with one tab stop and the arrow keys between tabs (Fluent's
 * TabList adds focusable aria-hidden guards that accessibility checkers rightly reject).
 */
function SheetTabs({ names, active, onActivate }: { names: string[]; active: string; onActivate(name: string): void }) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = names.indexOf(active);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: names.length - 1 }[e.key];
    if (next === undefined || names.length === 0) return;
    e.preventDefault();
    const j = (next + names.length) % names.length;
    onActivate(names[j]);
    list.current?.querySelectorAll<HTMLButtonElement>("[role=tab]")[j]?.focus();
  };
  return (
    <div ref={list} role="tablist" aria-label="工作表" className={styles.tabs} onKeyDown={onKeyDown}>
      {names.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === active}
          tabIndex={name === active ? 0 : -1}
          className={mergeClasses(styles.tab, name === active && styles.tabActive)}
          onClick={() => onActivate(name)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}

interface SheetViewProps {
  grid: Grid;
  looks: CellLooks;
  selected: string | null;
  onSelect(cell: string): void;
  editable(cell: string): boolean;
  onEdit(cell: string, text: string): void;
}

/** A cell's text, cut for the grid. */
const shownText = (text: string) => (text.length > SHOWN_CHARS ? text.slice(0, SHOWN_CHARS) + "…" : text);

function SheetView({ grid, looks, selected, onSelect, editable, onEdit }: SheetViewProps) {
  const styles = useStyles();
  const layout = useMemo(() => layoutOf(grid), [grid]);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, width: 1200, height: 800 });
  const [editing, setEditing] = useState<{ cell: string; text: string } | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const frame = useRef(0);

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    // jsdom and hidden tabs measure 0: keep a generous default window then.
    setView({
      top: el.scrollTop,
      left: el.scrollLeft,
      width: el.clientWidth || 1200,
      height: el.clientHeight || 800,
    });
  }, []);

  useLayoutEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => measure());
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measure);
  };

  const at = selected ? parseA1(selected) : null;

  // Bring the selected cell into sight (a finding clicked in the pane, the arrow keys).
  useEffect(() => {
    const el = scroller.current;
    if (!el || !at || at.row >= layout.rows || at.col >= layout.cols) return;
    const m = layout.merges.mergeAt(at.row, at.col);
    const top = layout.rowTop[m?.top ?? at.row];
    const bottom = layout.rowTop[(m?.bottom ?? at.row) + 1];
    const left = layout.colLeft[m?.left ?? at.col];
    const right = layout.colLeft[(m?.right ?? at.col) + 1];
    const height = (el.clientHeight || 800) - HEADER_HEIGHT;
    const width = (el.clientWidth || 1200) - layout.rowHeader;
    if (top < el.scrollTop || bottom > el.scrollTop + height) el.scrollTop = Math.max(0, top - height / 2);
    if (left < el.scrollLeft || right > el.scrollLeft + width) el.scrollLeft = Math.max(0, left - width / 3);
    measure();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, layout]);

  const w = windowOf(layout, { top: view.top, left: view.left, width: view.width - layout.rowHeader, height: view.height - HEADER_HEIGHT });
  const cols: number[] = [];
  for (let c = w.c0; c <= w.c1; c++) cols.push(c);
  const leftPad = layout.colLeft[w.c0];
  const rightPad = layout.colLeft[layout.cols] - layout.colLeft[w.c1 + 1];
  const topPad = layout.rowTop[w.r0];
  const bottomPad = layout.rowTop[layout.rows] - layout.rowTop[w.r1 + 1];
  const span = 1 + cols.length + (leftPad > 0 ? 1 : 0) + (rightPad > 0 ? 1 : 0);

  const startEdit = (cell: string, text?: string) => {
    if (!editable(cell)) {
      setHint("只有评分列中各考核项的得分可以在预览中填写。");
      return;
    }
    setHint(null);
    const p = parseA1(cell)!;
    setEditing({ cell, text: text ?? textOf(grid.cells[p.row]?.[p.col] ?? null) });
  };

  // Enter commits, then focus returns to the grid and the editor's blur would commit again.
  const committed = useRef<object | null>(null);
  const commit = (next?: { move: number }) => {
    if (!editing || committed.current === editing) return;
    committed.current = editing;
    onEdit(editing.cell, editing.text);
    setEditing(null);
    if (next && next.move) move(editing.cell, next.move, 0);
    scroller.current?.focus();
  };
  const cancel = () => {
    committed.current = editing;
    setEditing(null);
    scroller.current?.focus();
  };

  /** The cell `dr` rows and `dc` columns away, stepping over merged areas. */
  const move = (from: string, dr: number, dc: number) => {
    const p = parseA1(from) ?? { row: 0, col: 0 };
    const m = layout.merges.mergeAt(p.row, p.col);
    let row = dr > 0 ? (m?.bottom ?? p.row) + dr : dr < 0 ? (m?.top ?? p.row) + dr : p.row;
    let col = dc > 0 ? (m?.right ?? p.col) + dc : dc < 0 ? (m?.left ?? p.col) + dc : p.col;
    row = Math.min(Math.max(row, 0), layout.rows - 1);
    col = Math.min(Math.max(col, 0), layout.cols - 1);
    const n = layout.merges.mergeAt(row, col);
    onSelect(n ? toA1(n.top, n.left) : toA1(row, col));
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (editing || e.target !== scroller.current) return;
    const cell = selected ?? "A1";
    const arrows: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };
    if (arrows[e.key]) {
      e.preventDefault();
      if (!selected) onSelect("A1");
      else move(cell, ...arrows[e.key]);
    } else if ((e.key === "Enter" || e.key === "F2") && selected) {
      e.preventDefault();
      startEdit(cell);
    } else if ((e.key === "Delete" || e.key === "Backspace") && selected && editable(cell)) {
      e.preventDefault();
      onEdit(cell, "");
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && selected) {
      e.preventDefault();
      startEdit(cell, e.key);
    }
  };

  const body = [];
  if (topPad > 0)
    body.push(
      <tr key="top" aria-hidden="true" style={{ height: topPad }}>
        <td className={styles.spacer} colSpan={span} />
      </tr>,
    );
  for (let r = w.r0; r <= w.r1; r++) {
    const height = layout.rowTop[r + 1] - layout.rowTop[r];
    const cells = [];
    if (leftPad > 0) cells.push(<td key="l" className={styles.spacer} />);
    for (const c of cols) {
      const m = layout.merges.mergeAt(r, c);
      // A merged area starts where it comes into sight (it may begin above or left of the window).
      const r0 = m ? Math.max(m.top, w.r0) : r;
      const c0 = m ? Math.max(m.left, w.c0) : c;
      if (r0 !== r || c0 !== c) continue;
      const rows = m ? Math.min(m.bottom, w.r1) - r0 + 1 : 1;
      const colsSpan = m ? Math.min(m.right, w.c1) - c0 + 1 : 1;
      const top = m?.top ?? r;
      const left = m?.left ?? c;
      const address = toA1(top, left);
      const v = grid.cells[top]?.[left] ?? null;
      const text = textOf(v);
      const look = looks.get(`${top},${left}`);
      const isSelected = at !== null && (m ? at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right : at.row === r && at.col === c);
      const isEntry = editable(address);
      const boxHeight = layout.rowTop[r0 + rows] - layout.rowTop[r0] - 7;
      cells.push(
        <td
          key={c}
          rowSpan={rows > 1 ? rows : undefined}
          colSpan={colsSpan > 1 ? colsSpan : undefined}
          className={mergeClasses(typeof v === "number" && styles.number, isEntry && styles.entry, look?.note ? styles.noted : undefined, isSelected && styles.selected)}
          style={look?.fill ? { backgroundColor: look.fill } : undefined}
          title={look?.note ? shownText(look.note) : text.length > 20 ? shownText(text) : undefined}
          data-cell={address}
          data-selected={isSelected || undefined}
          data-entry={isEntry || undefined}
          onClick={() => onSelect(address)}
          onDoubleClick={() => {
            onSelect(address);
            startEdit(address);
          }}
        >
          <div
            className={mergeClasses(styles.text, boxHeight > 20 && styles.wrap)}
            // Wrapped text ends in "…" on its last line rather than being cut mid-line.
            style={boxHeight > 20 ? { maxHeight: boxHeight, display: "-webkit-box", WebkitBoxOrient: "vertical", WebkitLineClamp: Math.max(1, Math.floor(boxHeight / 16)) } : { maxHeight: boxHeight }}
          >
            {shownText(text)}
          </div>
        </td>,
      );
    }
    if (rightPad > 0) cells.push(<td key="r" className={styles.spacer} />);
    body.push(
      <tr key={r} style={{ height }}>
        <th scope="row">{r + 1}</th>
        {cells}
      </tr>,
    );
  }
  if (bottomPad > 0)
    body.push(
      <tr key="bottom" aria-hidden="true" style={{ height: bottomPad }}>
        <td className={styles.spacer} colSpan={span} />
      </tr>,
    );

  const selectedValue = at ? grid.cells[at.row]?.[at.col] ?? null : null;
  const barText = textOf(selectedValue);
  const editorBox = editing ? boxOf(layout, editing.cell) : null;

  return (
    <>
      {/* A long text scrolls in the bar: then it takes focus so the keyboard can scroll it too. */}
      <div
        className={styles.bar}
        aria-live="polite"
        data-testid="formula-bar"
        {...(barText.length > 200 ? { tabIndex: 0, role: "region", "aria-label": `单元格 ${selected ?? ""} 的内容` } : {})}
      >
        <span className={styles.address}>{selected ?? ""}</span>
        {!selected && <span className={styles.barHint}>点选单元格查看其内容;浅绿色的单元格可以填写得分</span>}
        <span className={styles.barText}>
          {barText.length > BAR_CHARS ? `${barText.slice(0, BAR_CHARS)}…(共 ${barText.length.toLocaleString("zh-CN")} 字,此处只显示开头)` : barText}
        </span>
        <span className={styles.barHint}>{hint ?? (selected && editable(selected) ? "可填写:直接输入或双击,Enter 确认,Esc 取消" : "")}</span>
      </div>
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={`工作表“${grid.name}”的单元格(方向键移动,可填写的单元格直接输入或按 Enter 编辑)`}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        data-testid="sheet-scroller"
      >
        <table
          className={styles.table}
          data-testid="sheet"
          data-sheet={grid.name}
          style={{ width: layout.rowHeader + layout.colLeft[layout.cols] }}
          aria-rowcount={layout.rows + 1}
          aria-colcount={layout.cols + 1}
        >
          <colgroup>
            <col style={{ width: layout.rowHeader }} />
            {leftPad > 0 && <col style={{ width: leftPad }} />}
            {cols.map((c) => (
              <col key={c} style={{ width: layout.colLeft[c + 1] - layout.colLeft[c] }} />
            ))}
            {rightPad > 0 && <col style={{ width: rightPad }} />}
          </colgroup>
          <thead>
            <tr style={{ height: HEADER_HEIGHT }}>
              <th aria-label="行号" />
              {leftPad > 0 && <td className={styles.spacer} />}
              {cols.map((c) => (
                <th key={c} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
              {rightPad > 0 && <td className={styles.spacer} />}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
        {editing && editorBox && (
          <input
            className={styles.editor}
            style={{ top: editorBox.top, left: editorBox.left, width: Math.max(editorBox.width, 80), height: Math.max(editorBox.height, 24) }}
            aria-label={`填写 ${editing.cell}`}
            autoFocus
            value={editing.text}
            onChange={(e) => setEditing({ cell: editing.cell, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                commit({ move: 1 });
              } else if (e.key === "Escape") {
                e.preventDefault();
                cancel();
              }
            }}
            onBlur={() => commit()}
            data-testid="cell-editor"
          />
        )}
      </div>
    </>
  );
}

/** Where a cell (or its merged area) sits in the scroller's content, for the editor. */
function boxOf(l: SheetLayout, cell: string) {
  const p = parseA1(cell);
  if (!p) return null;
  const m = l.merges.mergeAt(p.row, p.col);
  const top = m?.top ?? p.row;
  const left = m?.left ?? p.col;
  return {
    top: HEADER_HEIGHT + l.rowTop[top],
    left: l.rowHeader + l.colLeft[left],
    width: l.colLeft[(m?.right ?? p.col) + 1] - l.colLeft[left],
    height: l.rowTop[(m?.bottom ?? p.row) + 1] - l.rowTop[top],
  };
}
