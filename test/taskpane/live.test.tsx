// @vitest-environment jsdom
/**
 * The live pane with a fake port whose change events the test fires: a burst of changes is one
 * recalculation (one read), changes elsewhere are none, the switch unsubscribes, unmounting
 * unsubscribes, and nothing is ever written by itself. Then 指定表格列 and the truth at a glance.
 */
import "./dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider } from "@fluentui/react-components";
import { LIVE_DELAY_MS, Pane, withMapping } from "../../src/taskpane/Pane";
import { kaoheTheme } from "../../src/taskpane/theme";
import { NoTableError } from "../../src/core/errors";
import { MAPPING_SHEET } from "../../src/footprint";
import type { Grid } from "../../src/core/grid";
import type { WorkbookPort } from "../../src/hosts/port";
import { CHANGES, FINDINGS, fakeEngine, fakePort, finding, report, scoreSheet } from "./fixtures";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

type Change = { sheet: string; address: string };

/** A port with change events: `fire` plays a change as the host would report it. */
function livePort(grids: Grid[] = []) {
  const listeners = new Set<(c: Change) => void>();
  const unsubscribe = vi.fn();
  const port = {
    ...fakePort("xlsx"),
    readSheets: vi.fn(async () => grids),
    subscribe: vi.fn(async (on: (c: Change) => void) => {
      listeners.add(on);
      return () => {
        listeners.delete(on);
        unsubscribe();
      };
    }),
  } satisfies WorkbookPort;
  const fire = (c: Change) => act(() => listeners.forEach((l) => l(c)));
  return { port, fire, unsubscribe, listeners };
}

function renderPane(engine: ReturnType<typeof fakeEngine>, port: WorkbookPort) {
  const utils = render(
    <FluentProvider theme={kaoheTheme}>
      <Pane port={port} engine={engine} />
    </FluentProvider>,
  );
  return { ...utils, user: userEvent.setup({ advanceTimers: (ms) => void (vi.isFakeTimers() && vi.advanceTimersByTime(ms)) }) };
}

const settle = async (ms = LIVE_DELAY_MS + 50) => {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
};

describe("the live pane", () => {
  it("shows the result of the opening read, and recalculates once for a burst of changes on a score sheet", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let final = 25.5;
    const engine = fakeEngine(() => report(FINDINGS, scoreSheet({ total: { max: 30, base: final, adjustments: 0, final, rate: final / 30, vetoed: false } })));
    const { port, fire, listeners } = livePort();
    renderPane(engine, port);
    expect((await screen.findByTestId("total-final")).textContent).toContain("25.5");
    await waitFor(() => expect(listeners.size).toBe(1));
    expect(engine.checkWorkbook).toHaveBeenCalledTimes(1);

    final = 28;
    fire({ sheet: "考核", address: "F6" });
    await settle(100);
    fire({ sheet: "考核", address: "F6" });
    fire({ sheet: "考核", address: "F7" });
    // Within the delay: nothing read yet.
    expect(engine.checkWorkbook).toHaveBeenCalledTimes(1);
    await settle();
    await waitFor(() => expect(screen.getByTestId("total-final").textContent).toContain("28"));
    expect(engine.checkWorkbook).toHaveBeenCalledTimes(2);
    expect(engine.checkWorkbook).toHaveBeenLastCalledWith(port, { column: "自查评分", unitClass: undefined });
    // Never a write by itself.
    expect(engine.applyWriteback).not.toHaveBeenCalled();
    expect(port.apply).not.toHaveBeenCalled();
  });

  it("ignores changes on other sheets (statistics, our own 核算结果)", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const engine = fakeEngine();
    const { port, fire, listeners } = livePort();
    renderPane(engine, port);
    await screen.findByTestId("total-final");
    await waitFor(() => expect(listeners.size).toBe(1));
    fire({ sheet: "核算结果", address: "A1" });
    fire({ sheet: "统计表", address: "C5" });
    await settle(LIVE_DELAY_MS * 3);
    expect(engine.checkWorkbook).toHaveBeenCalledTimes(1);
  });

  it("does not run two recalculations at once: a change during one starts another after it", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const engine = fakeEngine();
    const { port, fire, listeners } = livePort();
    renderPane(engine, port);
    await screen.findByTestId("total-final");
    await waitFor(() => expect(listeners.size).toBe(1));
    let finish: () => void = () => {};
    engine.checkWorkbook.mockImplementationOnce(() => new Promise((resolve) => (finish = () => resolve({ report: report(FINDINGS), grids: [] }))));
    fire({ sheet: "考核", address: "F3" });
    await settle();
    expect(engine.checkWorkbook).toHaveBeenCalledTimes(2);
    fire({ sheet: "考核", address: "F4" });
    await settle();
    expect(engine.checkWorkbook).toHaveBeenCalledTimes(2); // the second waits for the first
    await act(async () => finish());
    await settle();
    await waitFor(() => expect(engine.checkWorkbook).toHaveBeenCalledTimes(3));
  });

  it("unsubscribes when the switch is turned off, and subscribes again when it is turned on", async () => {
    const engine = fakeEngine();
    const { port, fire, unsubscribe, listeners } = livePort();
    const user = userEvent.setup();
    render(
      <FluentProvider theme={kaoheTheme}>
        <Pane port={port} engine={engine} />
      </FluentProvider>,
    );
    await screen.findByTestId("total-final");
    await waitFor(() => expect(listeners.size).toBe(1));
    const toggle = screen.getByRole("switch", { name: /输入时自动计算/ });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await user.click(toggle);
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
    fire({ sheet: "考核", address: "F6" });
    await new Promise((r) => setTimeout(r, LIVE_DELAY_MS + 100));
    expect(engine.checkWorkbook).toHaveBeenCalledTimes(1);
    await user.click(toggle);
    await waitFor(() => expect(listeners.size).toBe(1));
    expect(port.subscribe).toHaveBeenCalledTimes(2);
  });

  it("unsubscribes when the pane goes away", async () => {
    const engine = fakeEngine();
    const { port, unsubscribe, listeners } = livePort();
    const { unmount } = renderPane(engine, port);
    await screen.findByTestId("total-final");
    await waitFor(() => expect(listeners.size).toBe(1));
    unmount();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it("offers no switch where the host has no change events, and shows no result before 计算", async () => {
    renderPane(fakeEngine(), fakePort());
    await waitFor(() => expect(screen.getByRole("button", { name: "计算" }).hasAttribute("disabled")).toBe(false));
    expect(screen.queryByRole("switch")).toBeNull();
    expect(screen.queryByTestId("total-final")).toBeNull();
  });
});

/** A sheet whose headers no rule knows; row 2 is the header. */
const UNKNOWN: Grid = {
  name: "考核表",
  cells: [["某单位年度工作情况表"], ["栏目一", "栏目二", "栏目三", "栏目四", "栏目五"], [1, "按时公开年度报告", 10, "未按时公开的扣10分", 8]],
  merges: [],
};

describe("指定表格列", () => {
  it("opens by itself when no table is found, lists the header row's texts, and scores with the mapping", async () => {
    let mapped = false;
    const engine = fakeEngine((o) => {
      if (!o?.mapping) return Promise.reject(new NoTableError(null));
      mapped = true;
      return report([], scoreSheet({ sheet: "考核表" }));
    });
    const { port } = livePort([UNKNOWN]);
    const { user } = renderPane(engine, port);
    const form = await screen.findByTestId("mapping-form");
    const header = await within(form).findByRole("combobox", { name: "表头所在行" });
    await user.selectOptions(header, "2");
    const title = within(form).getByRole("combobox", { name: /指标列/ });
    expect(within(title).getAllByRole("option").map((o) => o.textContent)).toEqual(["(请选择)", "A 列 · 栏目一", "B 列 · 栏目二", "C 列 · 栏目三", "D 列 · 栏目四", "E 列 · 栏目五"]);
    const apply = within(form).getByRole("button", { name: "按此设置计算" });
    await user.selectOptions(title, "B");
    await user.selectOptions(within(form).getByRole("combobox", { name: "分值列" }), "C");
    await user.selectOptions(within(form).getByRole("combobox", { name: "评分标准列" }), "D");
    for (const box of within(form).getAllByRole("checkbox")) if ((box as HTMLInputElement).checked) await user.click(box);
    expect(apply.hasAttribute("disabled")).toBe(true); // no score column yet
    await user.click(within(form).getByRole("checkbox", { name: /^E 列/ }));
    await user.click(apply);
    await screen.findByTestId("total-final");
    expect(mapped).toBe(true);
    expect(engine.checkWorkbook.mock.lastCall?.[1]?.mapping).toEqual([
      { sheet: "考核表", headerRow: 2, title: "B", max: "C", method: "D", category: null, id: null, scores: ["E"] },
    ]);
    expect(screen.queryByTestId("mapping-form")).toBeNull();
  });

  it("stores the mapping with 写回: a hidden sheet of ours added to the plan", async () => {
    const mapping = [{ sheet: "考核表", headerRow: 2, title: "B", max: "C", method: null, category: null, id: null, scores: ["E"] }];
    const changes = withMapping(CHANGES, mapping);
    expect(changes.sheets.map((s) => s.name)).toEqual(["核算结果", MAPPING_SHEET]);
    const stored = changes.sheets[1];
    expect(stored.hidden).toBe(true);
    expect(stored.rows[2]).toEqual(["考核表", 2, "B", "C", "", "", "", "E"]);
    expect(withMapping(CHANGES, null)).toBe(CHANGES);
  });
});

describe("the truth at a glance", () => {
  it("says next to the total that a result with errors may be wrong", async () => {
    const errors = [finding({ code: "score_over_max", cell: "F4", message: "得分 6 超过分值 5" }), finding({ code: "total_mismatch", cell: "F7", message: "合计不一致" })];
    renderPane(fakeEngine(() => report(errors)), livePort().port);
    expect((await screen.findByTestId("total-doubt")).textContent).toBe("· 有 2 个错误,结果可能不准");
  });

  it("shows 35 + 5 as 满分 35,加分上限 5(共 40), not as a rate over 100%", async () => {
    const bonus = { row: 20, id: "1", category: "加分指标", title: "政策解读", kind: "adjust" as const, max: null, rules: [], cell: "E20", entered: 3, score: 3, applicable: true };
    const sheet = scoreSheet({ items: [bonus], bonusMax: 5, total: { max: 35, base: 34.7, adjustments: 3, final: 37.7, rate: 1.077143, vetoed: false } });
    renderPane(fakeEngine(() => report([], sheet)), livePort().port);
    expect((await screen.findByTestId("total-max")).textContent).toBe("35,加分上限 5(共 40)");
    expect(screen.queryByTestId("total-rate")).toBeNull();
    expect(screen.queryByText(/107\.7/)).toBeNull();
  });

  it("keeps the rate where no bonus can pass the maximum", async () => {
    renderPane(fakeEngine(), livePort().port);
    expect((await screen.findByTestId("total-rate")).textContent).toBe("85%");
    expect(screen.getByTestId("total-max").textContent).toBe("30");
  });

  it("points at the cell that states the declared total, and says where the number came from", async () => {
    const declared = finding({ severity: "warning", code: "max_sum_mismatch", cell: "D20", expected: 100, actual: 30, message: "“合计”标明 100 分(单元格 D20 中的数字),但所含各项分值合计 30 分" });
    const { port } = livePort();
    const { user } = renderPane(fakeEngine(() => report([declared])), port);
    const link = await screen.findByTestId("declared-max");
    expect(link.textContent).toContain("单元格 D20 中的数字");
    await user.click(link);
    expect(port.selectCell).toHaveBeenCalledWith("考核", "D20");
  });
});
