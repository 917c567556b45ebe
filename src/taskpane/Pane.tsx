/**
 * The side pane: choose the score column (and unit class), 计算, read the result and the
 * findings, 写回工作簿 after confirming what will change. Receives the port and the engine as
 * props; it never talks to Excel or WPS itself.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  tokens,
} from "@fluentui/react-components";
import type { RenderedFinding } from "../core/findings";
import type { Report, ScoreSheetReport } from "../core/report";
import type { HostKind, WorkbookChanges, WorkbookPort } from "../hosts/port";
import type { CheckOptions, CheckResult, PaneEngine } from "./engine";
import { NoTableError } from "../core/errors";
import { FindingList } from "./FindingList";
import { errorMessage } from "./messages";
import { Summary } from "./Summary";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase300,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  changes: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalL },
  findingsTitle: { margin: `${tokens.spacingVerticalM} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface PaneProps {
  port: WorkbookPort;
  engine: PaneEngine;
  /** Called after a write-back succeeded (the preview refreshes its rendering and offers a download). */
  onWritten?(): void | Promise<void>;
}

/** What the workbook offers to choose from, learnt from a report. */
interface Choices {
  columns: string[];
  column: string;
  unitClasses: string[];
  unitClass: string;
  /** The workbook has a statistics sheet (then no score column is nothing to warn about). */
  statistics: boolean;
}

function choicesOf(report: Report): Choices {
  const scores = report.sheets.filter((s): s is ScoreSheetReport => s.kind === "score");
  const columns = [...new Set(scores.flatMap((s) => s.columns))];
  const withClasses = scores.find((s) => s.unitClasses.length > 0);
  return {
    columns,
    column: report.column ?? columns[0] ?? "",
    unitClasses: withClasses?.unitClasses ?? [],
    unitClass: withClasses?.unitClass ?? withClasses?.unitClasses[0] ?? "",
    statistics: report.sheets.some((s) => s.kind === "statistics"),
  };
}

const NO_CHOICES: Choices = { columns: [], column: "", unitClasses: [], unitClass: "", statistics: false };

/** The column and unit class a result was computed with, as the selects show them. */
const shownChoice = (c: Pick<Choices, "column" | "unitClass">) => `${c.column}\u0000${c.unitClass}`;

type Busy = null | { text: string };

/** What undo can do after a write-back, said before it happens. */
const UNDO_NOTE: Record<HostKind, string> = {
  excel: "注意:Excel 的“撤消”不能撤回加载项所做的修改。如需保留原样,请先保存或另存一份。",
  wps: "注意:WPS 表格的“撤销”可能无法撤回加载项所做的修改。如需保留原样,请先保存或另存一份。",
  xlsx: "修改只作用于浏览器中打开的这份副本,原文件不变;写回后可下载修改后的工作簿。",
};

export function Pane({ port, engine, onWritten }: PaneProps) {
  const styles = useStyles();
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [scanning, setScanning] = useState(true);
  /** The first reading failed for a reason other than "no table" (a cell in edit mode…): columns unknown yet. */
  const [unread, setUnread] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<{ changes: WorkbookChanges; lines: string[] } | null>(null);
  // The plan stays rendered while the dialog fades out; `confirming` alone opens and closes it.
  const [confirming, setConfirming] = useState(false);
  /** The selects' values the shown result was computed with. */
  const [computedWith, setComputedWith] = useState<string | null>(null);
  const mounted = useRef(true);

  /** Runs one step with progress shown and any failure turned into the pane's error message (and `afterFailure`). */
  const step = useCallback(async <T,>(text: string, work: () => Promise<T>, afterFailure = ""): Promise<T | undefined> => {
    setBusy({ text });
    setError(null);
    setNotice(null);
    try {
      return await work();
    } catch (e) {
      if (mounted.current) setError(errorMessage(e) + afterFailure);
      return undefined;
    } finally {
      if (mounted.current) setBusy(null);
    }
  }, []);

  // Learn the score columns and unit classes once, so they can be chosen before the first 计算.
  useEffect(() => {
    mounted.current = true;
    void (async () => {
      await step("正在读取工作簿…", async () => {
        try {
          const scan = await engine.checkWorkbook(port);
          if (mounted.current) setChoices(choicesOf(scan.report));
        } catch (e) {
          if (mounted.current && !(e instanceof NoTableError)) setUnread(true);
          throw e;
        }
      });
      if (mounted.current) setScanning(false);
    })();
    return () => {
      mounted.current = false;
    };
  }, [port, engine, step]);

  const options = (): CheckOptions => ({
    column: choices.column || undefined,
    unitClass: choices.unitClass || undefined,
  });

  const check = async () => {
    const fresh = await engine.checkWorkbook(port, options());
    if (!mounted.current) return fresh;
    setResult(fresh);
    const learnt = choicesOf(fresh.report);
    const next = { ...learnt, column: learnt.columns.includes(choices.column) ? choices.column : learnt.column, unitClass: choices.unitClass || learnt.unitClass };
    setChoices(next);
    setUnread(false);
    setComputedWith(shownChoice(next));
    return fresh;
  };

  const onCompute = () => step("正在读取工作簿并核算…", check);

  // Read again before planning, so the plan matches the workbook as it is now.
  const onWriteback = () =>
    step("正在核对要写回的内容…", async () => {
      const fresh = await check();
      const changes = await engine.planWriteback(fresh, port);
      setPending({ changes, lines: engine.describeChanges(changes) });
      setConfirming(true);
    });

  const onConfirm = async () => {
    const plan = pending;
    setConfirming(false);
    if (!plan) return;
    // Neither Excel nor WPS can undo a half-done write: say what state the workbook is in.
    const done = await step(
      "正在写回工作簿…",
      async () => {
        await engine.applyWriteback(port, plan.changes);
        await onWritten?.();
        return true;
      },
      "(写回未完成:部分核算得分或标记可能已经写入,您填写的内容没有改动。处理好后再点一次“写回工作簿”即可补全。)",
    );
    if (done && mounted.current) setNotice(`已写回工作簿:${plan.lines.join(";")}`);
  };

  const onSelect = (f: RenderedFinding) => {
    if (!f.cell) return;
    const cell = f.cell;
    void step(`正在定位 ${f.sheet}!${cell}…`, () => port.selectCell(f.sheet, cell));
  };

  const disabled = busy !== null || scanning;
  const noColumns = !scanning && choices.columns.length === 0;
  const statisticsOnly = noColumns && choices.statistics;
  const warnNoColumns = noColumns && !statisticsOnly && !unread;
  const stale = result !== null && computedWith !== null && computedWith !== shownChoice(choices);

  return (
    <main className={styles.pane} aria-busy={busy !== null}>
      <h1 className={styles.title}>考核计分助手</h1>
      <Field
        label="评分列"
        hint={
          statisticsOnly
            ? "工作簿中只有统计表,没有评分表,不需要选择评分列"
            : unread
              ? "尚未读到工作簿;按下方的提示处理后,点“计算”"
              : noColumns
                ? undefined
                : "选择要核算的得分列"
        }
        validationState={warnNoColumns ? "warning" : "none"}
        validationMessage={warnNoColumns ? "未找到评分列;请确认表头含“自查评分”“考核评分”或“得分”等" : undefined}
      >
        <Select
          value={choices.column}
          disabled={disabled || noColumns}
          onChange={(_, d) => setChoices((c) => ({ ...c, column: d.value }))}
        >
          {choices.columns.length === 0 && <option value="">{scanning ? "正在读取…" : "(无)"}</option>}
          {choices.columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      {choices.unitClasses.length > 0 && (
        <Field label="考核单位类别" hint="评分规则按单位类别给分时使用">
          <Select value={choices.unitClass} disabled={disabled} onChange={(_, d) => setChoices((c) => ({ ...c, unitClass: d.value }))}>
            {choices.unitClasses.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={onCompute}>
          计算
        </Button>
        <Button disabled={disabled || result === null} onClick={onWriteback}>
          写回工作簿
        </Button>
      </div>
      {busy && (
        <div role="status" aria-live="polite" className={styles.status}>
          <ProgressBar aria-label={busy.text} />
          {busy.text}
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>出错了</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {stale && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>评分列或考核单位类别已更改,下面仍是上次计算的结果;请点“计算”更新。</MessageBarBody>
        </MessageBar>
      )}
      {!result && !busy && !error && !scanning && (
        <p className={styles.status} data-testid="empty">
          点“计算”核算总分、分类小计并检查问题,结果会显示在这里。
        </p>
      )}
      {result && (
        <>
          <Summary report={result.report} />
          <h2 className={styles.findingsTitle}>问题清单</h2>
          <FindingList findings={result.report.findings} onSelect={onSelect} />
        </>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => !d.open && setConfirming(false)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>写回工作簿前请确认</DialogTitle>
            <DialogContent>
              将对当前工作簿做以下修改(您填写的内容不会被改动):
              <ul className={styles.changes}>
                {pending?.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
              {UNDO_NOTE[port.host]}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void onConfirm()}>
                确认写回
              </Button>
              <Button onClick={() => setConfirming(false)}>取消</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
