/**
 * Which spreadsheet program the pane runs in: WPS 表格 when its ET application is on the page
 * (then office.js is neither awaited nor needed), else Excel once office.js is ready.
 */
import { createOfficePort } from "../hosts/office";
import { HostError, type WorkbookPort } from "../hosts/port";
import { createWpsPort, detectWpsApplication } from "../hosts/wps";

/** How long to wait for Office.onReady before saying that Excel did not answer. */
const OFFICE_READY_TIMEOUT_MS = 20_000;

const NO_HOST =
  "未检测到 Excel 或 WPS 表格。请在 Excel 或 WPS 表格中通过“考核计分助手”按钮打开本窗格;只想试用时,请打开同一目录下的 preview.html 预览页。";

/** The port of the workbook the pane is opened in; throws a HostError saying what is missing. */
export async function connectHost(win: Window = window, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<WorkbookPort> {
  const wps = detectWpsApplication(win);
  if (wps) return createWpsPort(wps);

  const office = (win as { Office?: typeof Office }).Office;
  if (!office?.onReady) {
    throw new HostError(
      "host_unavailable",
      `${NO_HOST}(若在 Excel 中看到本消息,说明 office.js 未能加载:内网无法访问微软 CDN 时,请让管理员部署自带 office.js 的版本。)`,
    );
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new HostError(
            "host_unavailable",
            "没有收到 Excel 的响应。在 Excel 中:请关闭窗格后重新打开;在浏览器中直接打开了本页:请改在 Excel 或 WPS 表格中打开,或打开 preview.html 预览页。",
          ),
        ),
      timeoutMs,
    );
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (info.host !== office.HostType.Excel) throw new HostError("host_unavailable", NO_HOST);
    if (!office.context.requirements.isSetSupported("ExcelApi", "1.1"))
      throw new HostError("host_unavailable", "本加载项需要 Excel 2016 或更新版本。");
    return createOfficePort();
  } finally {
    clearTimeout(timer);
  }
}
