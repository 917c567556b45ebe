/**
 * The preview's collecting office: many workbooks (a folder or a multi-select) scored in the
 * browser by the engine of `kaohe check`, ranked and graded by src/collect as `kaohe batch` does,
 * with the same 汇总.xlsx to download. Nothing leaves the machine. A rounds file (any .json with
 * "rounds") among the files of a folder composes the year as `--rounds` does.
 */
import { useCallback, useEffect, useState, type ReactNode } from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import { KaoheError } from "../core/errors";
import { fmt, fmtPercent } from "../core/findings";
// Not the collect/ index: it re-exports the 汇总.xlsx builder, whose exceljs is loaded only when a
// summary is built (a chunk of its own), so the preview page stays light.
import { DEFAULT_GRADES, collect, parseGrades, parseRounds, shortTitle } from "../collect/collect";
import { entryOf, failedEntry } from "../collect/read";
import { isSummaryWorkbook } from "../collect/summary-names";
import type { Batch, RoundDef, WorkbookEntry } from "../collect/types";
import { errorMessage } from "../taskpane/messages";
import { openWorkbook } from "./workbook";
import { XLSX_TYPE } from "./document";
import { headerStyles } from "./header-styles";

const useStyles = makeStyles({
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  ...headerStyles,
  main: { padding: tokens.spacingHorizontalL, display: "grid", rowGap: tokens.spacingVerticalL, maxWidth: "1200px" },
  options: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, alignItems: "end" },
  card: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase300,
    "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, textAlign: "left" },
    "& th": { backgroundColor: tokens.colorNeutralBackground3 },
    "& caption": { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalS} 0` },
  },
  fail: { color: tokens.colorPaletteRedForeground1 },
  bulletin: { margin: `${tokens.spacingVerticalM} 0` },
  losses: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXXL, fontSize: tokens.fontSizeBase300 },
  // Top right, over the end of the brand bar: nothing of either view sits there.
  switch: { position: "fixed", right: tokens.spacingHorizontalM, top: "6px", zIndex: 10 },
});

/** A file as picked: its bytes and its path inside the folder chosen ("一类/县教育局.xlsx"). */
interface Picked {
  path: string;
  read(): Promise<ArrayBuffer>;
}

const WORKBOOK = /\.(xlsx|xlsm|xls|et)$/i;

function picked(files: FileList | null): Picked[] {
  return Array.from(files ?? []).map((f) => ({ path: f.webkitRelativePath || f.name, read: () => f.arrayBuffer() }));
}

/** The rounds file among the picked ones, and the folder its paths are relative to. */
async function roundsOf(files: Picked[]): Promise<{ rounds: RoundDef[]; base: string } | null> {
  for (const f of files.filter((x) => /\.json$/i.test(x.path))) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(await f.read()).replace(/^\uFEFF/, ""));
    } catch {
      continue;
    }
    if (json && typeof json === "object" && "rounds" in json) {
      const base = f.path.includes("/") ? f.path.slice(0, f.path.lastIndexOf("/") + 1) : "";
      return { rounds: parseRounds(json), base };
    }
  }
  return null;
}

function roundOf(path: string, set: { rounds: RoundDef[]; base: string } | null): string | null | undefined {
  if (!set) return null;
  const norm = (p: string) => p.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
  const r = set.rounds.find((x) => path.startsWith(`${set.base}${norm(x.path)}/`));
  return r ? r.name : undefined; // undefined: a workbook outside every round's folder
}

export interface BatchViewProps {
  /** Called with the bytes of 汇总.xlsx when it is ready (tests); the page offers it for download. */
  onSummary?: (bytes: Uint8Array) => void;
}

/** The batch view: pick many workbooks, see the ranking and the 通报, download 汇总.xlsx. */
export function BatchView({ onSummary }: BatchViewProps) {
  const styles = useStyles();
  const [column, setColumn] = useState("");
  const [gradesText, setGradesText] = useState("优秀:90,良好:80,合格:60");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [download, setDownload] = useState<string | null>(null);

  useEffect(() => () => void (download && URL.revokeObjectURL(download)), [download]);

  const run = useCallback(
    async (files: Picked[]) => {
      setError(null);
      setBatch(null);
      setDownload(null);
      try {
        const grades = gradesText.trim() ? parseGrades(gradesText, "等次分数线") : DEFAULT_GRADES;
        const rounds = await roundsOf(files);
        const books = files.filter((f) => WORKBOOK.test(f.path) && !f.path.split("/").some((p) => p.startsWith("~$") || p.startsWith(".")));
        if (!books.length) throw new KaoheError("所选文件中没有 .xlsx 工作簿");
        const entries: WorkbookEntry[] = [];
        for (let i = 0; i < books.length; i++) {
          setProgress({ done: i, total: books.length });
          const f = books[i];
          const round = roundOf(f.path, rounds);
          if (round === undefined) continue;
          const parts = f.path.split("/");
          const options = { file: f.path, folders: parts.slice(0, -1), round, column: column.trim() || undefined };
          try {
            const grids = await (await openWorkbook(await f.read(), parts[parts.length - 1])).readSheets();
            if (!isSummaryWorkbook(grids)) entries.push(entryOf(grids, options)); // an earlier 汇总.xlsx in the folder
          } catch (e) {
            entries.push(failedEntry(options, errorMessage(e)));
          }
          // Let the page paint the progress between workbooks.
          await new Promise((r) => setTimeout(r, 0));
        }
        if (rounds && !entries.length) {
          throw new KaoheError(`所选工作簿都不在轮次文件所列的文件夹(${rounds.rounds.map((r) => r.path).join("、")})中;请选择包含轮次文件和各轮文件夹的整个文件夹`);
        }
        const result = collect(entries, { grades, rounds: rounds?.rounds ?? [] });
        setBatch(result);
        const { summaryBytes } = await import("../collect/summary");
        const bytes = await summaryBytes(result);
        onSummary?.(bytes);
        setDownload(URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE })));
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setProgress(null);
      }
    },
    [column, gradesText, onSummary],
  );

  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = picked(e.target.files);
    e.target.value = "";
    if (files.length) void run(files);
  };

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.brand}>考核计分助手 · 汇总多个工作簿</h1>
        <label className={styles.file}>
          选择文件夹…
          <input
            type="file"
            className={styles.hiddenInput}
            data-testid="batch-folder"
            // A folder with its subfolders (一类/二类 …); not in React's typings.
            {...{ webkitdirectory: "", directory: "" }}
            multiple
            onChange={onPick}
          />
        </label>
        <label className={styles.file}>
          选择多个文件…
          <input type="file" className={styles.hiddenInput} data-testid="batch-files" multiple accept=".xlsx,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onPick} />
        </label>
        {download && (
          <Button as="a" appearance="secondary" size="small" href={download} download="汇总.xlsx" data-testid="batch-download">
            下载汇总.xlsx
          </Button>
        )}
        <Text size={200}>只在本机处理,不上传任何数据</Text>
      </header>
      <main className={styles.main}>
        <div className={styles.options}>
          <Field label="评分列(可不填)" hint="默认:已填写的“考核评分”,否则第一个评分列">
            <Input value={column} onChange={(_, d) => setColumn(d.value)} placeholder="如:考核评分" />
          </Field>
          <Field label="等次分数线(百分制)">
            <Input value={gradesText} onChange={(_, d) => setGradesText(d.value)} />
          </Field>
        </div>
        {progress && (
          <Field label={`正在核算 ${progress.done}/${progress.total} 个工作簿…`}>
            <ProgressBar value={progress.total ? progress.done / progress.total : 0} />
          </Field>
        )}
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {!batch && !progress && !error && <Text>选择存放各单位工作簿的文件夹(可含“一类”“二类”等子文件夹),或一次选择多个工作簿。</Text>}
        {batch && <BatchResultView batch={batch} />}
      </main>
    </div>
  );
}

function BatchResultView({ batch }: { batch: Batch }) {
  const styles = useStyles();
  const { units, findings } = batch.result;
  const { rounds, classes } = batch.detail;
  const shown = findings.filter((f) => f.severity !== "info");
  return (
    <>
      {classes.map((cls) => (
        <section key={cls.unitClass ?? ""} className={styles.card} aria-label={`${cls.unitClass ?? "未分类"} 排名`}>
          <table className={styles.table}>
            <caption>
              {cls.unitClass ?? "未分类"}:{cls.units} 个单位,合格率 {fmtPercent(cls.passRate)}%
            </caption>
            <thead>
              <tr>
                {["名次", "单位", "满分", "得分", "得分率", "等次", "错误数", "备注", ...rounds.map((r) => `${r.name}(${fmt(r.points)}分)`)].map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {units.map((u, i) => {
                if (u.unitClass !== cls.unitClass || u.rank === null) return null;
                const d = batch.detail.units[i];
                const note = [u.vetoed ? "一票否决" : "", d.tied ? "并列" : ""].filter(Boolean).join(";");
                return (
                  <tr key={u.unit}>
                    <td>{u.rank}</td>
                    <td>{u.unit}</td>
                    <td>{fmt(rounds.length ? rounds.reduce((n, r) => n + r.points, 0) : u.max)}</td>
                    <td>{fmt(rounds.length ? u.total : u.final)}</td>
                    <td>{fmtPercent(u.rate)}%</td>
                    <td className={u.grade === batch.detail.lowest ? styles.fail : undefined}>{u.grade}</td>
                    <td>{u.errors}</td>
                    <td>{note}</td>
                    {u.rounds.map((r) => (
                      <td key={r.name}>{fmt(r.contribution)}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Bulletin title={`${batch.detail.lowest}单位`}>
            {cls.failed.length ? cls.failed.map((f) => `${f.unit}(${f.reason})`).join(";") : "无"}
          </Bulletin>
          <Bulletin title="失分较多的指标">
            {cls.losses.length ? (
              // one line each, named by its first clause (a title often runs on with its own 1.…;2.…)
              <ol className={styles.losses}>
                {cls.losses.slice(0, 5).map((l) => (
                  <li key={`${l.category ?? ""}|${l.title}`} title={l.title}>
                    {shortTitle(l.title, 40)}({l.units} 个单位,共失 {fmt(l.lost)} 分)
                  </li>
                ))}
              </ol>
            ) : (
              "无"
            )}
          </Bulletin>
        </section>
      ))}
      {shown.length > 0 && (
        <section className={styles.card} aria-label="问题">
          <table className={styles.table}>
            <caption>问题(错误 {shown.filter((f) => f.severity === "error").length} 个,警告 {shown.filter((f) => f.severity === "warning").length} 个)</caption>
            <thead>
              <tr>
                <th>级别</th>
                <th>文件</th>
                <th>位置</th>
                <th>说明</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f, k) => (
                <tr key={k}>
                  <td className={f.severity === "error" ? styles.fail : undefined}>{f.severity === "error" ? "错误" : "警告"}</td>
                  <td>{f.file ?? f.unit ?? ""}</td>
                  <td>{[f.sheet, f.cell].filter(Boolean).join(" ")}</td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function Bulletin({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.bulletin}>
      <Text weight="semibold">{title}:</Text>
      {typeof children === "string" ? <Text>{children}</Text> : children}
    </div>
  );
}

/**
 * The preview page's two modes: one workbook (the pane beside it) and many (汇总), switched by a
 * button in the corner and kept in the address (#batch) so a reload stays where the user was.
 */
export function PreviewModes({ single }: { single: ReactNode }) {
  const styles = useStyles();
  const [many, setMany] = useState(() => location.hash === "#batch");
  // Mounted once visited and then kept (hidden), like the single view: switching loses nothing.
  const [visited, setVisited] = useState(many);
  useEffect(() => void (many && setVisited(true)), [many]);
  useEffect(() => {
    const onHash = () => setMany(location.hash === "#batch");
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const go = (batch: boolean) => {
    history.replaceState(null, "", batch ? "#batch" : location.pathname + location.search);
    setMany(batch);
  };
  return (
    <>
      <div hidden={many}>{single}</div>
      {visited && (
        <div hidden={!many}>
          <BatchView />
        </div>
      )}
      <Button className={styles.switch} appearance="primary" size="small" onClick={() => go(!many)} data-testid="mode-switch">
        {many ? "返回:检查单个工作簿" : "汇总多个工作簿…"}
      </Button>
    </>
  );
}
