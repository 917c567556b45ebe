// @vitest-environment jsdom
/**
 * The pane's opening scan through describeWorkbook (the light read) when the engine offers it:
 * the choices appear before 计算 and no full check runs until the clerk asks for one.
 */
import "../taskpane/dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import { kaoheTheme } from "../../src/taskpane/theme";
import type { WorkbookDescription } from "../../src/describe";
import { fakeEngine, fakePort } from "../taskpane/fixtures";

afterEach(cleanup);

const description: WorkbookDescription = {
  sheets: [{ name: "考核", hidden: false, kind: "score", scoreColumns: ["自查评分", "考核评分"], column: "自查评分", unitClasses: ["一类", "二类"], unitClass: "一类" }],
  scoreColumns: ["自查评分", "考核评分"],
  column: "自查评分",
  unitClasses: ["一类", "二类"],
  unitClass: "一类",
  statistics: false,
};

function renderPane(d: WorkbookDescription) {
  const engine = { ...fakeEngine(), describeWorkbook: vi.fn(async () => d) };
  const port = fakePort();
  render(
    <FluentProvider theme={kaoheTheme}>
      <Pane port={port} engine={engine} />
    </FluentProvider>,
  );
  return { engine, port };
}

describe("the pane's opening scan", () => {
  it("offers the score columns and unit classes from describeWorkbook, without a full check", async () => {
    const { engine, port } = renderPane(description);
    const column = await screen.findByRole("combobox", { name: /评分列/ });
    await waitFor(() => expect([...(column as HTMLSelectElement).options].map((o) => o.value)).toEqual(["自查评分", "考核评分"]));
    expect(engine.describeWorkbook).toHaveBeenCalledWith(port);
    expect(engine.checkWorkbook).not.toHaveBeenCalled();
    const unit = screen.getByRole("combobox", { name: /类别/ });
    expect([...(unit as HTMLSelectElement).options].map((o) => o.value)).toEqual(["一类", "二类"]);
  });

  it("says there is no score table when the scan finds none, as 计算 would", async () => {
    renderPane({
      sheets: [{ name: "Sheet1", hidden: false, kind: "other", scoreColumns: [], column: "", unitClasses: [], unitClass: null }],
      scoreColumns: [],
      column: "",
      unitClasses: [],
      unitClass: null,
      statistics: false,
    });
    expect(await screen.findByText(/没有找到考核评分表/)).toBeTruthy();
  });
});
