import { describe, expect, it, vi } from "vitest";
import { connectHost } from "../../src/taskpane/host";

/** A window with Office.js as Excel (or a browser outside Office) shows it. */
function officeWindow(host: string | null, sets = ["1.1"]) {
  const onReady = vi.fn(async () => ({ host, platform: null }));
  const Office = {
    onReady,
    HostType: { Excel: "Excel" },
    context: { requirements: { isSetSupported: (_: string, v: string) => sets.includes(v) } },
  };
  return { win: { Office, Excel: { run: vi.fn() } } as unknown as Window, onReady };
}

const wpsApp = { ActiveWorkbook: {}, Worksheets: {} };

describe("connectHost", () => {
  it("uses WPS when its ET application is on the page, without waiting for office.js", async () => {
    const { win, onReady } = officeWindow("Excel");
    (win as unknown as { wps: unknown }).wps = { EtApplication: () => wpsApp };
    const port = await connectHost(win);
    expect(port.host).toBe("wps");
    expect(onReady).not.toHaveBeenCalled();
  });

  it("uses WPS even when office.js did not load", async () => {
    const port = await connectHost({ wps: { EtApplication: () => wpsApp } } as unknown as Window);
    expect(port.host).toBe("wps");
  });

  it("uses Excel once Office is ready", async () => {
    const { win, onReady } = officeWindow("Excel");
    vi.stubGlobal("Excel", (win as unknown as { Excel: unknown }).Excel);
    vi.stubGlobal("Office", (win as unknown as { Office: unknown }).Office);
    try {
      expect((await connectHost(win)).host).toBe("excel");
      expect(onReady).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.each([
    ["a plain browser with office.js", officeWindow(null).win, /未检测到 Excel 或 WPS 表格/],
    ["a page without office.js", {} as Window, /office\.js 未能加载/],
    ["Excel 2013", officeWindow("Excel", []).win, /Excel 2016 或更新版本/],
  ])("explains %s in Chinese", async (_, win, message) => {
    await expect(connectHost(win)).rejects.toThrow(message);
  });

  it("gives up when Office never answers", async () => {
    const win = { Office: { onReady: () => new Promise(() => {}), HostType: { Excel: "Excel" } } } as unknown as Window;
    await expect(connectHost(win, 20)).rejects.toThrow(/没有收到 Excel 的响应/);
  });
});
