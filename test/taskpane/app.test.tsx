// @vitest-environment jsdom
import "./dom";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { TaskpaneApp } from "../../src/taskpane/App";
import { HostError } from "../../src/hosts/port";
import { fakeEngine, fakePort } from "./fixtures";

afterEach(cleanup);

describe("the task pane page", () => {
  it("waits for the host, then shows the pane", async () => {
    let connected: (p: ReturnType<typeof fakePort>) => void = () => {};
    const connect = () => new Promise<ReturnType<typeof fakePort>>((resolve) => (connected = resolve));
    render(<TaskpaneApp connect={connect} engine={fakeEngine()} />);
    expect(screen.getByText("正在连接表格程序…")).toBeTruthy();
    connected(fakePort());
    expect(await screen.findByRole("button", { name: "计算" })).toBeTruthy();
  });

  it("says why it cannot start", async () => {
    const connect = () => Promise.reject(new HostError("host_unavailable", "未检测到 Excel 或 WPS 表格。"));
    render(<TaskpaneApp connect={connect} engine={fakeEngine()} />);
    expect((await screen.findByRole("alert")).textContent).toContain("无法连接表格程序:未检测到 Excel 或 WPS 表格。");
    expect(screen.queryByRole("button", { name: "计算" })).toBeNull();
  });
});
