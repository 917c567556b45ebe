/**
 * The preview page: the pane beside a read-only rendering of a workbook held by the .xlsx host in the
 * browser. Opens the bundled sample by default; 写回 offers the resulting .xlsx for download.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { KaoheError } from "../core/errors";
import type { Grid } from "../core/grid";
import type { XlsxPort } from "../hosts/xlsx";
import type { WorkbookPort } from "../hosts/port";
import type { PaneEngine } from "../taskpane/engine";
import { errorMessage } from "../taskpane/messages";
import { Pane } from "../taskpane/Pane";
import { downloadUrl, looksOf, openWorkbook, resultFileName } from "./workbook";
import { WorkbookView, type Selection } from "./WorkbookView";

const useStyles = makeStyles({
  page: { display: "grid", gridTemplateRows: "auto 1fr", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  file: {
    cursor: "pointer",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralForegroundOnBrand}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    ":focus-within": { outline: `2px solid ${tokens.colorNeutralForegroundOnBrand}`, outlineOffset: "2px" },
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover },
  },
  // The native file input says "Choose File" in the browser's language: keep it for keyboard and
  // screen readers, show the Chinese label instead.
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  body: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 380px",
    minHeight: 0,
    "@media (max-width: 900px)": { gridTemplateColumns: "1fr", gridTemplateRows: "50vh auto", overflow: "auto" },
  },
  pane: { overflow: "auto", backgroundColor: tokens.colorNeutralBackground1, borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
  message: { margin: tokens.spacingHorizontalM },
});

interface Opened {
  id: number;
  name: string;
  workbook: XlsxPort;
  port: WorkbookPort;
  grids: Grid[];
}

export interface PreviewProps {
  engine: PaneEngine;
  /** The sample opened first (a URL relative to the page), or null for none. */
  sample: string | null;
}

export function Preview({ engine, sample }: PreviewProps) {
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState("");
  const [selected, setSelected] = useState<Selection | null>(null);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const nextId = useRef(1);

  const replaceDownload = useCallback((next: { url: string; name: string } | null) => {
    setDownload((old) => {
      if (old) URL.revokeObjectURL(old.url);
      return next;
    });
  }, []);

  const open = useCallback(
    async (name: string, bytes: () => Promise<ArrayBuffer>) => {
      setLoading(`正在打开“${name}”…`);
      setError(null);
      try {
        const workbook = await openWorkbook(await bytes(), name, {
          onSelect: (sheet, cell) => {
            setActive(sheet);
            setSelected({ sheet, cell });
          },
        });
        const port: WorkbookPort = workbook;
        const grids = await port.readSheets();
        replaceDownload(null);
        setSelected(null);
        setActive(grids[0]?.name ?? "");
        setOpened({ id: nextId.current++, name, workbook, port, grids });
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(null);
      }
    },
    [replaceDownload],
  );

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

  // After 写回: render the changed workbook and offer it for download.
  const onWritten = async () => {
    if (!opened) return;
    const grids = await opened.port.readSheets();
    setOpened({ ...opened, grids });
    replaceDownload({ url: await downloadUrl(opened.workbook), name: resultFileName(opened.name) });
  };

  // Fills and notes, read once per sheet for each state of the workbook.
  const looks = useMemo(() => {
    const cache = new Map<string, ReturnType<typeof looksOf>>();
    return (sheet: string) => {
      if (!opened) return new Map();
      if (!cache.has(sheet)) cache.set(sheet, looksOf(opened.workbook, sheet, opened.grids.find((g) => g.name === sheet)));
      return cache.get(sheet)!;
    };
  }, [opened]);

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
        {download && (
          <Button as="a" appearance="secondary" size="small" href={download.url} download={download.name} data-testid="download">
            下载写回后的工作簿({download.name})
          </Button>
        )}
        <Text size={200}>只在本机处理,不上传任何数据</Text>
      </header>
      <div className={styles.body}>
        <div style={{ minHeight: 0, overflow: "hidden" }}>
          {loading && <Spinner className={styles.message} label={loading} />}
          {error && (
            <MessageBar intent="error" role="alert" className={styles.message}>
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          {opened && <WorkbookView grids={opened.grids} active={active} onActivate={setActive} looks={looks} selected={selected} />}
        </div>
        <aside className={styles.pane} aria-label="考核计分助手窗格">
          {opened ? (
            <Pane key={opened.id} port={opened.port} engine={engine} onWritten={onWritten} />
          ) : (
            <p className={styles.message}>请先打开一个工作簿。</p>
          )}
        </aside>
      </div>
    </div>
  );
}
