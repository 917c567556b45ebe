/**
 * The preview page: the pane beside an editable, virtualised view of a workbook held in the
 * browser. Opens the bundled sample by default; the clerk fills the entry cells, the pane
 * recalculates as they type, 写回 writes the result, 下载 gives the filled workbook.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import { KaoheError } from "../core/errors";
import { parseA1, type Grid } from "../core/grid";
import type { WorkbookPort } from "../hosts/port";
import type { PaneEngine, CheckResult } from "../taskpane/engine";
import { errorMessage } from "../taskpane/messages";
import { Pane } from "../taskpane/Pane";
import { editable as editableBook, typedValue, withResults, withValue, type EditableWorkbook, type Recalculated } from "./document";
import { openPreviewWorkbook, resultFileName, type CellLooks, type PreviewWorkbook } from "./workbook";
import { WorkbookView, type Selection } from "./WorkbookView";
import { headerStyles } from "./header-styles";

const useStyles = makeStyles({
  page: { display: "grid", gridTemplateRows: "auto 1fr", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  ...headerStyles,
  body: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 380px",
    minHeight: 0,
    "@media (max-width: 900px)": { gridTemplateColumns: "1fr", gridTemplateRows: "50vh auto", overflow: "auto" },
  },
  pane: { overflow: "auto", backgroundColor: tokens.colorNeutralBackground1, borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
  message: { margin: tokens.spacingHorizontalM },
  sheetArea: { minHeight: 0, overflow: "hidden", display: "flex", flexDirection: "column" },
});

interface Opened {
  id: number;
  name: string;
  book: PreviewWorkbook;
  doc: EditableWorkbook;
  grids: Grid[];
  /** Bumped when fills and notes may have changed (after 写回). */
  looksVersion: number;
}

export interface PreviewProps {
  engine: PaneEngine;
  /** The sample opened first (a URL relative to the page), or null for none. */
  sample: string | null;
}

/** The entry cells of a result ("sheet!F11"): the score column's cell of every item. */
function entryCells(result: CheckResult | null): Set<string> {
  const out = new Set<string>();
  for (const s of result?.report.sheets ?? []) {
    if (s.kind !== "score" || s.placement.scoreColumn < 0) continue;
    for (const item of s.items) out.add(`${s.sheet}!${item.cell}`);
  }
  return out;
}

const NO_LOOKS: CellLooks = new Map();

/** After the next frame is painted (a total put on screen shows before the next work starts). */
function afterPaint(fn: () => void) {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

export function Preview({ engine, sample }: PreviewProps) {
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  // The workbook whose view is drawn: a workbook's total comes first, its view right after
  // (laying out and drawing 20,000 rows, reading the fills of every cell, would delay the total).
  const [viewOf, setViewOf] = useState(0);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState("");
  const [selected, setSelected] = useState<Selection | null>(null);
  const [entries, setEntries] = useState<Set<string>>(new Set());
  const [written, setWritten] = useState(false);
  const [saving, setSaving] = useState(false);
  const nextId = useRef(1);
  const timing = useRef(0);

  const open = useCallback(async (name: string, bytes: () => Promise<ArrayBuffer>) => {
    setLoading(`正在打开“${name}”…`);
    setError(null);
    timing.current = performance.now();
    try {
      const book = await openPreviewWorkbook(await bytes(), name, {
        onSelect: (sheet, cell) => {
          setActive(sheet);
          setSelected({ sheet, cell });
        },
      });
      const doc = editableBook(book);
      const grids = await doc.port.readSheets();
      document.documentElement.dataset.kaoheOpenMs = String(Math.round(performance.now() - timing.current));
      setSelected(null);
      setEntries(new Set());
      setWritten(false);
      setActive(grids.find((g) => !g.hidden)?.name ?? "");
      setOpened({ id: nextId.current++, name, book, doc, grids, looksVersion: 0 });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(null);
    }
  }, []);

  useEffect(() => {
    if (!sample) return;
    const name = decodeURIComponent(sample.split("/").pop() ?? sample);
    void open(name, async () => {
      const response = await fetch(sample);
      if (!response.ok) throw new KaoheError(`示例工作簿“${name}”未能载入(${response.status});请用“打开 .xlsx 文件”选择一个工作簿。`);
      return await response.arrayBuffer();
    });
  }, [sample, open]);

  const onFile = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) void open(file.name, () => file.arrayBuffer());
  };

  const openedRef = useRef<Opened | null>(null);
  openedRef.current = opened;

  // After 写回: render the changed workbook (values, fills, notes, new sheets).
  const onWritten = useCallback(async () => {
    const opened = openedRef.current;
    if (!opened) return;
    const grids = await opened.doc.port.readSheets();
    setOpened((o) => (o && o.id === opened.id ? { ...o, grids, looksVersion: o.looksVersion + 1 } : o));
    setWritten(true);
  }, []);

  // The pane's first check of a workbook, done or failed, lets its view be drawn (after the result is painted).
  const paneEngine = useMemo<PaneEngine>(() => {
    const settled = (port: WorkbookPort) => {
      const o = openedRef.current;
      if (o && o.doc.port === port) afterPaint(() => setViewOf(o.id));
    };
    const { describeWorkbook } = engine;
    return {
      ...engine,
      async checkWorkbook(port, options) {
        try {
          return await engine.checkWorkbook(port, options);
        } finally {
          settled(port);
        }
      },
      ...(describeWorkbook && {
        async describeWorkbook(port: WorkbookPort) {
          try {
            return await describeWorkbook(port);
          } finally {
            settled(port);
          }
        },
      }),
    };
  }, [engine]);

  const onResult = useCallback((result: CheckResult | null) => {
    setEntries(entryCells(result));
    // How long a workbook took from opening to its total shown (the browser tests print it).
    if (result && timing.current) {
      document.documentElement.dataset.kaoheFirstTotalMs = String(Math.round(performance.now() - timing.current));
      timing.current = 0;
    }
  }, []);

  const onEdit = async (sheet: string, cell: string, text: string) => {
    if (!opened) return;
    const value = typedValue(text);
    const at = parseA1(cell);
    const id = opened.id;
    // the typed value shows at once; formulas that depend on it follow when recalculated
    if (at) setOpened((o) => (o && o.id === id ? { ...o, grids: withValue(o.grids, sheet, at.row, at.col, value) } : o));
    let results: Recalculated[];
    try {
      results = await opened.doc.edit(sheet, cell, value);
    } catch (e) {
      setError(errorMessage(e));
      return;
    }
    if (results.length) setOpened((o) => (o && o.id === id ? { ...o, grids: withResults(o.grids, sheet, results) } : o));
  };

  const onDownload = async () => {
    if (!opened) return;
    setSaving(true);
    try {
      const blob = await opened.doc.save();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = resultFileName(opened.name);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  // Fills and notes, read once per sheet for each state of the workbook. A workbook just opened
  // shows its cells first and its fills a moment later (finding them reads the whole sheet again).
  const [looksOf, setLooksOf] = useState(0);
  useEffect(() => {
    if (opened && viewOf === opened.id && looksOf !== opened.id) afterPaint(() => setLooksOf(opened.id));
  }, [opened, viewOf, looksOf]);
  const looksReady = opened !== null && looksOf === opened.id;
  const looks = useMemo(() => {
    const cache = new Map<string, CellLooks>();
    return (sheet: string) => {
      if (!opened || !looksReady) return NO_LOOKS;
      if (!cache.has(sheet)) cache.set(sheet, opened.book.looks(sheet));
      return cache.get(sheet)!;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened?.id, opened?.looksVersion, looksReady]);

  // The pane is drawn again only for another workbook: a click or an edit in the view leaves it (and its findings) alone.
  const paneDoc = opened?.doc;
  const paneId = opened?.id;
  const pane = useMemo(
    () => (paneDoc ? <Pane key={paneId} port={paneDoc.port} engine={paneEngine} onWritten={onWritten} onResult={onResult} /> : null),
    [paneDoc, paneId, paneEngine, onWritten, onResult],
  );

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.brand}>考核计分助手 · 预览</h1>
        <label className={styles.file}>
          打开 .xlsx 文件…
          <input
            type="file"
            className={styles.hiddenInput}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onFile}
          />
        </label>
        <Text size={200} data-testid="file-name">
          {opened ? `当前:${opened.name}` : "未打开工作簿"}
        </Text>
        {opened && (
          <Button appearance="secondary" size="small" onClick={() => void onDownload()} disabled={saving} data-testid="download">
            {written ? "下载写回后的工作簿" : "下载工作簿(含填写的内容)"}({resultFileName(opened.name)})
          </Button>
        )}
        <Text size={200}>只在本机处理,不上传任何数据</Text>
      </header>
      <div className={styles.body}>
        <div className={styles.sheetArea}>
          {loading && <Spinner className={styles.message} label={loading} />}
          {error && (
            <MessageBar intent="error" role="alert" className={styles.message}>
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          {opened && viewOf !== opened.id && !loading && !error && <Spinner className={styles.message} label={`正在打开“${opened.name}”…`} />}
          {opened && viewOf === opened.id && (
            <WorkbookView
              grids={opened.grids}
              active={active}
              onActivate={setActive}
              looks={looks}
              selected={selected}
              onSelect={setSelected}
              editable={(sheet, cell) => entries.has(`${sheet}!${cell}`)}
              onEdit={onEdit}
            />
          )}
        </div>
        <aside className={styles.pane} aria-label="考核计分助手窗格">
          {pane ?? <p className={styles.message}>请先打开一个工作簿。</p>}
        </aside>
      </div>
    </div>
  );
}
