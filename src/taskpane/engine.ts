/**
 * What the pane needs from the engine: the facade's functions, handed in as a prop so component
 * tests can pass a fake and the pane never imports a host.
 */
import type { CheckOptions, CheckResult } from "../kaohe";
import type { WorkbookChanges, WorkbookPort } from "../hosts/port";

export type { CheckOptions, CheckResult };

export interface PaneEngine {
  checkWorkbook(port: WorkbookPort, options?: CheckOptions): Promise<CheckResult>;
  /** Reads the fills of the cells to mark through the port (see kaohe.ts). */
  planWriteback(result: CheckResult, port: WorkbookPort): Promise<WorkbookChanges>;
  describeChanges(changes: WorkbookChanges): string[];
  applyWriteback(port: WorkbookPort, changes: WorkbookChanges): Promise<void>;
}
