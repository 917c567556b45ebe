/**
 * The side pane: choose the score column (and unit class), 计算, read the result and the
 * findings, 写回工作簿 after confirming what will change. Live where the host reports changes: a
 * change on a score sheet recalculates by itself ("输入时自动计算", never writing back). When no
 * table is found, or the clerk disagrees, "指定表格列" lets them point at the table's columns.
 * Receives the port and the engine as props; it never talks to Excel or WPS itself.
 */
import { useCallback, useEffect, useRef } from "react";
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
  Switch,
  tokens,
} from "@fluentui/react-components";
import type { RenderedFinding } from "../core/findings";
import { mappingRows, type ColumnMapping } from "../core/mapping";
import { MAPPING_SHEET } from "../footprint";
import type { HostKind, WorkbookChanges, WorkbookPort } from "../hosts/port";
import type { CheckOptions, CheckResult, PaneEngine } from "./engine";
import { NoTableError } from "../core/errors";
import { FindingList } from "./FindingList";
import { MappingForm } from "./MappingForm";
import { errorMessage } from "./messages";
import { checkOptions, choicesOfDescription, isStale, scoreSheets, usePaneState, type PaneState } from "./state";
import { Summary } from "./Summary";

/** How long after the last change a live recalculation starts: typing a number is one recalculation, not three. */
export const LIVE_DELAY_MS = 400;

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase300,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, flexWrap: "wrap", alignItems: "center" },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  changes: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalL },
  findingsTitle: { margin: `${tokens.spacingVerticalM} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  live: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface PaneProps {
  port: WorkbookPort;
  engine: PaneEngine;
  /** Called after a write-back succeeded (the preview refreshes its rendering and offers a download). */
  onWritten?(): void | Promise<void>;
  /** Called with each result shown (the preview makes the entry cells of that result editable). */
  onResult?(result: CheckResult | null): void;
}

/** What undo can do after a write-back, said before it happens. */
const UNDO_NOTE: Record<HostKind, string> = {
  excel: "注意:Excel 的“撤消”不能撤回加载项所做的修改。如需保留原样,请先保存或另存一份。",
  wps: "注意:WPS 表格的“撤销”可能无法撤回加载项所做的修改。如需保留原样,请先保存或另存一份。",
  xlsx: "修改只作用于浏览器中打开的这份副本,原文件不变;写回后可下载修改后的工作簿。",
};

/** The write-back plan with the clerk's column mapping stored in the workbook (a hidden sheet of ours). */
export function withMapping(changes: WorkbookChanges, mapping: ColumnMapping[] | null): WorkbookChanges {
  if (!mapping?.length) return changes;
  return {
    ...changes,
    sheets: [...changes.sheets.filter((s) => s.name !== MAPPING_SHEET), { name: MAPPING_SHEET, rows: mappingRows(mapping), hidden: true, widths: [16, 8, 8, 8, 10, 8, 8, 12] }],
  };
}

export function Pane({ port, engine, onWritten, onResult }: PaneProps) {
  const styles = useStyles();
  const [state, dispatch] = usePaneState();
  const stateRef = useRef<PaneState>(state);
  stateRef.current = state;
  const mounted = useRef(true);
  const canLive = typeof port.subscribe === "function";
  const live = canLive && state.live;

  useEffect(() => {
    onResult?.(state.result);
  }, [state.result, onResult]);

  /** Runs one step with progress shown and any failure turned into the pane's error message (and `afterFailure`). */
  const step = useCallback(async <T,>(text: string, work: () => Promise<T>, afterFailure = ""): Promise<T | undefined> => {
    dispatch({ type: "step_started", text });
    try {
      return await work();
    } catch (e) {
      if (mounted.current) dispatch({ type: "failed", message: errorMessage(e) + afterFailure, noTable: e instanceof NoTableError });
      return undefined;
    } finally {
      if (mounted.current) dispatch({ type: "step_ended" });
    }
  }, [dispatch]);

  // The opening read: the score columns and unit classes, so they can be chosen before the first
  // 计算; in live mode the result itself, so the pane shows the total as the workbook is.
  useEffect(() => {
    mounted.current = true;
    void (async () => {
      await step("正在读取工作簿…", async () => {
        try {
          // Live mode shows the result at once (a full check); otherwise the light scan says what to choose from.
          if (typeof port.subscribe === "function" && stateRef.current.live) {
            const scan = await engine.checkWorkbook(port);
            if (mounted.current) dispatch({ type: "scanned", result: scan, show: true });
          } else if (engine.describeWorkbook) {
            const choices = choicesOfDescription(await engine.describeWorkbook(port));
            if (mounted.current) dispatch({ type: "described", choices });
          } else {
            const scan = await engine.checkWorkbook(port);
            if (mounted.current) dispatch({ type: "scanned", result: scan, show: false });
          }
        } catch (e) {
          if (mounted.current && !(e instanceof NoTableError)) dispatch({ type: "failed", message: errorMessage(e), unread: true });
          throw e;
        }
      });
      if (mounted.current) dispatch({ type: "scan_ended" });
    })();
    return () => {
      mounted.current = false;
    };
  }, [port, engine, step, dispatch]);

  const check = async (options: CheckOptions = checkOptions(stateRef.current)) => {
    const fresh = await engine.checkWorkbook(port, options);
    if (mounted.current) dispatch({ type: "computed", result: fresh });
    return fresh;
  };

  const onCompute = () => step("正在读取工作簿并核算…", () => check());

  // — live mode: one recalculation per burst of changes, never two at once, never a write —
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef(false);
  const again = useRef(false);
  const recalculate = useCallback(async () => {
    if (running.current || stateRef.current.busy !== null) {
      again.current = true;
      return;
    }
    running.current = true;
    dispatch({ type: "recalc_started" });
    try {
      const fresh = await engine.checkWorkbook(port, checkOptions(stateRef.current));
      if (mounted.current) dispatch({ type: "computed", result: fresh });
    } catch (e) {
      if (mounted.current) dispatch({ type: "failed", message: errorMessage(e), noTable: e instanceof NoTableError });
    } finally {
      running.current = false;
      if (mounted.current) dispatch({ type: "recalc_ended" });
      if (again.current && mounted.current) {
        again.current = false;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void recalculate(), LIVE_DELAY_MS);
      }
    }
  }, [engine, port, dispatch]);

  useEffect(() => {
    if (!live || !port.subscribe) return;
    let stop: (() => void) | null = null;
    let ended = false;
    port
      .subscribe((change) => {
        // Only the score sheets of the shown result matter (our own sheets, notes elsewhere do not).
        const sheets = scoreSheets(stateRef.current);
        if (!sheets?.has(change.sheet)) return;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void recalculate(), LIVE_DELAY_MS);
      })
      .then(
        (unsubscribe) => {
          if (ended) unsubscribe();
          else stop = unsubscribe;
        },
        (e: unknown) => {
          if (ended || !mounted.current) return;
          dispatch({ type: "live_set", live: false });
          dispatch({ type: "failed", message: `${errorMessage(e)}(无法自动重新计算,请在修改后点“计算”。)` });
        },
      );
    return () => {
      ended = true;
      clearTimeout(timer.current);
      again.current = false;
      stop?.();
    };
  }, [live, port, recalculate, dispatch]);

  // In live mode a new column or unit class recalculates at once rather than showing an old result.
  const choose = (action: { type: "column_chosen"; column: string } | { type: "unit_class_chosen"; unitClass: string }) => {
    dispatch(action);
    if (live && stateRef.current.result) void step("正在核算…", () => check(checkOptions({ ...stateRef.current, choices: { ...stateRef.current.choices, ...("column" in action ? { column: action.column } : { unitClass: action.unitClass }) } })));
  };

  // Read again before planning, so the plan matches the workbook as it is now.
  const onWriteback = () =>
    step("正在核对要写回的内容…", async () => {
      const fresh = await check();
      const changes = withMapping(await engine.planWriteback(fresh, port), stateRef.current.mapping);
      dispatch({ type: "plan_ready", changes, lines: engine.describeChanges(changes) });
    });

  const onConfirm = async () => {
    const plan = state.pending;
    dispatch({ type: "confirm_closed" });
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
    if (done && mounted.current) dispatch({ type: "written", notice: `已写回工作簿:${plan.lines.join(";")}` });
  };

  const onSelect = (f: Pick<RenderedFinding, "sheet" | "cell">) => {
    if (!f.cell) return;
    const cell = f.cell;
    void step(`正在定位 ${f.sheet}!${cell}…`, () => port.selectCell(f.sheet, cell));
  };

  const onMapping = (mapping: ColumnMapping[]) => {
    dispatch({ type: "mapping_set", mapping });
    void step("正在按指定的表格列核算…", () => check({ ...checkOptions(stateRef.current), mapping }));
  };

  const { choices, busy, result, scanning, unread, error, notice } = state;
  const disabled = busy !== null || scanning;
  const noColumns = !scanning && choices.columns.length === 0;
  const statisticsOnly = noColumns && choices.statistics;
  const warnNoColumns = noColumns && !statisticsOnly && !unread;
  const stale = isStale(state) && !live;

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
        validationMessage={warnNoColumns ? "未找到评分列;请确认表头含“自查评分”“考核评分”或“得分”等,或点“指定表格列”" : undefined}
      >
        <Select value={choices.column} disabled={disabled || noColumns} onChange={(_, d) => choose({ type: "column_chosen", column: d.value })}>
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
          <Select value={choices.unitClass} disabled={disabled} onChange={(_, d) => choose({ type: "unit_class_chosen", unitClass: d.value })}>
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
        <Button appearance="subtle" disabled={disabled} onClick={() => dispatch({ type: state.mapping_open ? "mapping_closed" : "mapping_opened" })} aria-expanded={state.mapping_open}>
          指定表格列…
        </Button>
      </div>
      {canLive && (
        <Switch
          className={styles.live}
          checked={state.live}
          onChange={(_, d) => dispatch({ type: "live_set", live: d.checked })}
          label={state.recalculating ? "输入时自动计算(正在重新计算…)" : "输入时自动计算"}
        />
      )}
      {busy && (
        <div role="status" aria-live="polite" className={styles.status}>
          <ProgressBar aria-label={busy} />
          {busy}
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>出错了</MessageBarTitle>
            {error}
            {state.noTable && !state.mapping_open && (
              <>
                {" "}
                <Button size="small" appearance="transparent" onClick={() => dispatch({ type: "mapping_opened" })}>
                  指定表格列
                </Button>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.mapping_open && (
        <MappingForm
          port={port}
          chosen={state.mapping}
          noTable={state.noTable}
          disabled={disabled}
          onApply={onMapping}
          onCancel={() => dispatch({ type: "mapping_closed" })}
        />
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
          <Summary report={result.report} onSelect={onSelect} />
          <h2 className={styles.findingsTitle}>问题清单</h2>
          <FindingList findings={result.report.findings} onSelect={onSelect} />
        </>
      )}
      <Dialog open={state.confirming} onOpenChange={(_, d) => !d.open && dispatch({ type: "confirm_closed" })} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>写回工作簿前请确认</DialogTitle>
            <DialogContent>
              将对当前工作簿做以下修改(您填写的内容不会被改动):
              <ul className={styles.changes}>
                {state.pending?.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
              {UNDO_NOTE[port.host]}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void onConfirm()}>
                确认写回
              </Button>
              <Button onClick={() => dispatch({ type: "confirm_closed" })}>取消</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
