// @vitest-environment jsdom
import "./dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import { kaoheTheme } from "../../src/taskpane/theme";
import { HostError } from "../../src/hosts/port";
import { NoTableError } from "../../src/core/errors";
import { CHANGES, FINDINGS, fakeEngine, fakePort, finding, report, scoreSheet } from "./fixtures";

afterEach(cleanup);

const isDisabled = (el: HTMLElement) => (el as HTMLButtonElement).disabled || el.getAttribute("aria-disabled") === "true";

function renderPane(engine = fakeEngine(), port = fakePort(), onWritten = vi.fn()) {
  render(
    <FluentProvider theme={kaoheTheme}>
      <Pane port={port} engine={engine} onWritten={onWritten} />
    </FluentProvider>,
  );
  return { engine, port, onWritten, user: userEvent.setup() };
}

/**
 * The confirmation dialog and its buttons. In jsdom, Fluent's focus manager (tabster) now and then
 * leaves aria-hidden on the open dialog, so the queries include hidden elements; the browser
 * tests find the same dialog by role without that allowance.
 */
const dialog = () => screen.findByRole("alertdialog", { hidden: true });
const dialogButton = (name: string) => screen.findByRole("button", { name, hidden: true });

const columnSelect = () => screen.getByRole("combobox", { name: /评分列/ });
const computeButton = () => screen.getByRole("button", { name: "计算" });
const writebackButton = () => screen.getByRole("button", { name: "写回工作簿" });

async function ready() {
  await waitFor(() => expect(isDisabled(computeButton())).toBe(false));
}

describe("the controls", () => {
  it("lists the score columns the workbook has before the first 计算", async () => {
    renderPane();
    await ready();
    const options = within(columnSelect()).getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["自查评分", "考核评分"]);
    expect(columnSelect()).toHaveProperty("value", "自查评分");
    expect(screen.queryByRole("combobox", { name: /考核单位类别/ })).toBeNull();
  });

  it("scores the chosen column and unit class", async () => {
    const engine = fakeEngine((o) => report(FINDINGS, scoreSheet({ unitClasses: ["一类", "二类"], unitClass: o?.unitClass ?? "一类", column: o?.column ?? "自查评分" })));
    const { user, port } = renderPane(engine);
    await ready();
    await user.selectOptions(columnSelect(), "考核评分");
    await user.selectOptions(screen.getByRole("combobox", { name: /考核单位类别/ }), "二类");
    await user.click(computeButton());
    await screen.findByTestId("total-final");
    expect(engine.checkWorkbook).toHaveBeenLastCalledWith(port, { column: "考核评分", unitClass: "二类" });
    expect(engine.checkWorkbook.mock.lastCall?.[0]).toBe(port); // the host's own port, not a copy
    expect(screen.getByText(/评分列“考核评分” · 二类/)).toBeTruthy();
  });
  it("says that a shown result is out of date once the column or unit class changes", async () => {
    const engine = fakeEngine((o) => report(FINDINGS, scoreSheet({ unitClasses: ["一类", "二类"], unitClass: o?.unitClass ?? "一类", column: o?.column ?? "自查评分" })));
    const { user } = renderPane(engine);
    await ready();
    await user.click(computeButton());
    await screen.findByTestId("total-final");
    expect(screen.queryByTestId("stale")).toBeNull();
    await user.selectOptions(columnSelect(), "考核评分");
    expect(screen.getByTestId("stale").textContent).toContain("请点“计算”更新");
    await user.selectOptions(columnSelect(), "自查评分");
    expect(screen.queryByTestId("stale")).toBeNull();
    await user.selectOptions(screen.getByRole("combobox", { name: /考核单位类别/ }), "二类");
    expect(screen.getByTestId("stale").textContent).toContain("请点“计算”更新");
    await user.click(computeButton());
    await waitFor(() => expect(screen.getByText(/评分列“自查评分” · 二类/)).toBeTruthy());
    expect(screen.queryByTestId("stale")).toBeNull();
  });

  it("does not warn about a missing score column in a workbook of statistics only", async () => {
    const statistics = { kind: "statistics" as const, sheet: "年度报告统计表", format: "2021" as const, rows: [] };
    renderPane(fakeEngine(() => ({ ...report([]), column: null, sheets: [statistics] })));
    await ready();
    expect(screen.getByText(/只有统计表/)).toBeTruthy();
    expect(screen.queryByText(/未找到评分列/)).toBeNull();
  });

  it("warns about a missing score column when there is no statistics sheet either", async () => {
    renderPane(fakeEngine(() => ({ ...report([]), column: null, sheets: [] })));
    await waitFor(() => expect(screen.getByText(/未找到评分列/)).toBeTruthy());
  });
});

describe("after 计算", () => {
  it("shows the total, its parts, the category subtotals and the template", async () => {
    const { user } = renderPane();
    await ready();
    expect(screen.queryByTestId("total-final")).toBeNull();
    await user.click(computeButton());
    expect((await screen.findByTestId("total-final")).textContent).toContain("25.5");
    expect(screen.getByTestId("total-max").textContent).toBe("30");
    expect(screen.getByTestId("total-base").textContent).toBe("26.5");
    expect(screen.getByTestId("total-adjustments").textContent).toBe("-1");
    expect(screen.getByTestId("total-veto").textContent).toBe("未触发");
    expect(screen.getAllByTestId("category").map((r) => r.textContent)).toEqual(["组织领导9 / 10", "主动公开17.5 / 20", "政策解读+2(加减分)"]);
    expect(screen.getByText("根河市政务公开考核指标")).toBeTruthy();
    expect(screen.getByTestId("counts").textContent).toBe("错误 1 个 · 警告 1 个 · 提示 1 个");
  });

  it("says when the veto was applied", async () => {
    const vetoed = scoreSheet({ total: { max: 30, base: 26, adjustments: 0, final: 0, rate: 0, vetoed: true } });
    const { user } = renderPane(fakeEngine(() => report([], vetoed)));
    await ready();
    await user.click(computeButton());
    expect((await screen.findByTestId("total-veto")).textContent).toContain("已触发");
    expect(screen.getByText("没有发现问题。")).toBeTruthy();
  });

  it("shows a section of 一票否决 items as triggered or not, not as 0 加减分", async () => {
    const veto = (row: number, title: string) => ({ row, id: String(row), category: "否决", title, kind: "veto" as const, max: null, rules: [], cell: `F${row}`, entered: null, score: 0, applicable: true });
    const sheet = (vetoed: boolean) =>
      scoreSheet({
        items: [veto(8, "发生泄密事件"), veto(9, "发生重大舆情")],
        categories: [{ name: "组织领导", max: 10, score: 9 }, { name: "否决", max: 0, score: 0 }],
        total: { max: 10, base: 9, adjustments: 0, final: vetoed ? 0 : 9, rate: vetoed ? 0 : 0.9, vetoed },
      });
    const triggered = finding({ severity: "warning", code: "veto_applied", cell: "F9", message: "一票否决项“发生重大舆情”已触发,总得分为 0 分" });
    let vetoed = true;
    const { user } = renderPane(fakeEngine(() => report(vetoed ? [triggered] : [], sheet(vetoed))));
    await ready();
    await user.click(computeButton());
    await screen.findByTestId("total-final");
    expect(screen.getAllByTestId("category").map((r) => r.textContent)).toEqual(["组织领导9 / 10", "否决一票否决:已触发"]);
    vetoed = false;
    await user.click(computeButton());
    await waitFor(() => expect(screen.getAllByTestId("category").map((r) => r.textContent)).toEqual(["组织领导9 / 10", "否决一票否决:未触发"]));
  });

  it("says when a category's subtotal includes its 加/扣分 items, so 59 / 56 does not read as over the maximum", async () => {
    const item = (row: number, kind: "scored" | "adjust", max: number | null, score: number) => ({
      row, id: String(row), category: "政府信息公开", title: `第${row}项`, kind, max, rules: [], cell: `F${row}`, entered: score, score, applicable: true,
    });
    const sheet = scoreSheet({
      items: [item(10, "scored", 30, 28), item(11, "scored", 26, 25), item(14, "adjust", null, 6)],
      categories: [{ name: "政府信息公开", max: 56, score: 59 }, { name: "组织领导", max: 10, score: 9 }],
    });
    const { user } = renderPane(fakeEngine(() => report([], sheet)));
    await ready();
    await user.click(computeButton());
    await screen.findByTestId("total-final");
    expect(screen.getAllByTestId("category").map((r) => r.textContent)).toEqual(["政府信息公开59 / 56(含加减分 +6)", "组织领导9 / 10"]);
  });

  it("groups the findings by severity, errors first, each with its code and cell", async () => {
    const { user } = renderPane();
    await ready();
    await user.click(computeButton());
    const headings = (await screen.findAllByRole("heading", { level: 3 })).map((h) => h.textContent);
    expect(headings).toEqual(["错误(1)", "警告(1)", "提示(1)"]);
    const found = screen.getAllByTestId("finding");
    expect(found.map((f) => [f.dataset.code, f.dataset.cell])).toEqual([
      ["score_over_max", "F4"],
      ["score_missing", "F6"],
      ["rule_not_understood", ""],
    ]);
    expect(found[0].textContent).toContain("得分 6 超过分值 5");
    expect(found[0].textContent).toContain("考核!F4");
  });

  it("folds the 提示 when there are more than five, never the errors", async () => {
    const infos = Array.from({ length: 6 }, (_, i) => finding({ severity: "info", code: "score_normalized", cell: `F${i + 3}`, message: `得分“${i}分”按数字 ${i} 计算` }));
    const { user } = renderPane(fakeEngine(() => report([...FINDINGS.slice(0, 2), ...infos])));
    await ready();
    await user.click(computeButton());
    const groups = (await screen.findAllByRole("heading", { level: 3 })).map((h) => h.closest("details")!);
    expect(groups.map((g) => g.open)).toEqual([true, true, false]);
    expect(screen.getAllByTestId("finding")).toHaveLength(8);
  });

  it("selects a finding's cell in the workbook when it is clicked", async () => {
    const { user, port } = renderPane();
    await ready();
    await user.click(computeButton());
    await user.click(await screen.findByRole("button", { name: /得分 6 超过分值 5/ }));
    expect(port.selectCell).toHaveBeenCalledWith("考核", "F4");
    // A finding without a cell is no button.
    expect(screen.queryByRole("button", { name: /酌情扣分/ })).toBeNull();
  });
});

describe("写回工作簿", () => {
  it("says what will change and writes only after confirmation", async () => {
    const { user, engine, onWritten, port } = renderPane();
    await ready();
    expect(isDisabled(writebackButton())).toBe(true);
    await user.click(computeButton());
    await screen.findByTestId("total-final");
    await user.click(writebackButton());
    const shown = await dialog();
    expect(shown.textContent).toContain("在“考核”的 H 列写入核算得分");
    expect(shown.textContent).toContain("Excel 的“撤消”不能撤回");
    expect(engine.applyWriteback).not.toHaveBeenCalled();

    await user.click(await dialogButton("取消"));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(engine.applyWriteback).not.toHaveBeenCalled();

    await user.click(writebackButton());
    await user.click(await dialogButton("确认写回"));
    await waitFor(() => expect(engine.applyWriteback).toHaveBeenCalledWith(port, CHANGES));
    expect(engine.applyWriteback.mock.lastCall?.[0]).toBe(port);
    expect(onWritten).toHaveBeenCalledTimes(1);
    expect((await screen.findByText(/已写回工作簿/)).textContent).toContain("新建工作表“核算结果”");
    // The plan was made from a fresh read, not from the result of the first 计算.
    expect(engine.checkWorkbook).toHaveBeenCalledTimes(4);
  });

  it.each([
    ["wps", "WPS 表格的“撤销”"],
    ["xlsx", "原文件不变"],
  ] as const)("says what undo can do in %s", async (host, text) => {
    const { user } = renderPane(fakeEngine(), fakePort(host));
    await ready();
    await user.click(computeButton());
    await screen.findByTestId("total-final");
    await user.click(writebackButton());
    expect((await dialog()).textContent).toContain(text);
  });

  it("shows an error from Office when writing fails", async () => {
    const engine = fakeEngine();
    engine.applyWriteback.mockRejectedValue(new HostError("host_failed", "工作表受保护或工作簿为只读,无法写入。"));
    const { user, onWritten } = renderPane(engine);
    await ready();
    await user.click(computeButton());
    await screen.findByTestId("total-final");
    await user.click(writebackButton());
    await user.click(await dialogButton("确认写回"));
    expect((await screen.findByRole("alert")).textContent).toContain("工作表受保护");
    // Part of it may already be in the workbook: the message says so, and that writing again completes it.
    expect(screen.getByRole("alert").textContent).toContain("写回未完成");
    expect(screen.getByRole("alert").textContent).toContain("再点一次“写回工作簿”");
    expect(onWritten).not.toHaveBeenCalled();
  });
});

describe("progress and errors", () => {
  it("shows progress while it reads and keeps the buttons disabled", async () => {
    let finish: () => void = () => {};
    const engine = fakeEngine();
    const { user } = renderPane(engine);
    await ready();
    engine.checkWorkbook.mockImplementationOnce(
      () => new Promise((resolve) => (finish = () => resolve({ report: report(FINDINGS), grids: [] }))),
    );
    await user.click(computeButton());
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("正在读取工作簿并核算");
    expect(isDisabled(computeButton())).toBe(true);
    finish();
    await screen.findByTestId("total-final");
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("turns an Office error into a Chinese message", async () => {
    const engine = fakeEngine();
    const { user } = renderPane(engine);
    await ready();
    engine.checkWorkbook.mockRejectedValueOnce(new HostError("host_failed", "有单元格正处于编辑状态。请先按 Enter 或 Esc 结束编辑,再点一次按钮。"));
    await user.click(computeButton());
    expect((await screen.findByRole("alert")).textContent).toContain("有单元格正处于编辑状态");
  });

  it("explains a workbook without a score table", async () => {
    renderPane(fakeEngine(() => Promise.reject(new NoTableError(null))));
    const alerts = await screen.findAllByRole("alert");
    expect(alerts.map((a) => a.textContent).join("|")).toContain("没有找到考核评分表");
    await waitFor(() => expect(screen.getByText(/未找到评分列/)).toBeTruthy());
    expect(isDisabled(columnSelect())).toBe(true);
  });

  it("does not blame the headers when the first reading failed for another reason", async () => {
    const engine = fakeEngine();
    engine.checkWorkbook.mockRejectedValueOnce(new HostError("host_failed", "有单元格正处于编辑状态。请先按 Enter 或 Esc 结束编辑,再点一次按钮。"));
    const { user } = renderPane(engine);
    expect((await screen.findByRole("alert")).textContent).toContain("有单元格正处于编辑状态");
    await ready();
    expect(screen.queryByText(/未找到评分列/)).toBeNull();
    expect(screen.getByText(/尚未读到工作簿/)).toBeTruthy();
    await user.click(computeButton());
    await screen.findByTestId("total-final");
    expect(within(columnSelect()).getAllByRole("option").map((o) => o.textContent)).toEqual(["自查评分", "考核评分"]);
    expect(screen.queryByText(/尚未读到工作簿/)).toBeNull();
  });

  it("wraps an unexpected error without losing its text", async () => {
    const { user, port } = renderPane();
    await ready();
    await user.click(computeButton());
    port.selectCell.mockRejectedValueOnce(new TypeError("x is undefined"));
    await user.click(await screen.findByRole("button", { name: /得分 6 超过分值 5/ }));
    expect((await screen.findByRole("alert")).textContent).toContain("出现意外错误:x is undefined");
  });
});
