/** Entry of preview.html: the pane beside a workbook opened in the browser, no Excel needed. */
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { applyWriteback, checkWorkbook, describeChanges, planWriteback } from "../kaohe";
import { kaoheTheme } from "../taskpane/theme";
import { Preview } from "./Preview";
import { PreviewModes } from "./Batch";

const engine = { checkWorkbook, planWriteback, describeChanges, applyWriteback };

/**
 * The workbook opened first: `?sample=` (a file next to the page, "none" for none), else the
 * bundled sample the build names in <meta name="kaohe-sample">.
 */
function sampleUrl(): string | null {
  const asked = new URLSearchParams(location.search).get("sample");
  if (asked === "none") return null;
  const url = asked ?? document.querySelector<HTMLMetaElement>('meta[name="kaohe-sample"]')?.content ?? "";
  if (!url) return null;
  // Only files served beside the page: a sample from elsewhere would send a request off the machine.
  return new URL(url, location.href).origin === location.origin ? url : null;
}

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={kaoheTheme}>
    <PreviewModes single={<Preview engine={engine} sample={sampleUrl()} />} />
  </FluentProvider>,
);
