/** The task pane page: connects to the host, then shows the pane (or why it cannot). */
import { useEffect, useState } from "react";
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookPort } from "../hosts/port";
import type { PaneEngine } from "./engine";
import { errorMessage } from "./messages";
import { Pane } from "./Pane";
import { kaoheTheme } from "./theme";

const useStyles = makeStyles({ waiting: { padding: tokens.spacingHorizontalL } });

export interface TaskpaneAppProps {
  connect(): Promise<WorkbookPort>;
  engine: PaneEngine;
}

export function TaskpaneApp({ connect, engine }: TaskpaneAppProps) {
  const styles = useStyles();
  const [state, setState] = useState<{ port: WorkbookPort } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    connect().then(
      (port) => live && setState({ port }),
      (e: unknown) => live && setState({ error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [connect]);
  return (
    <FluentProvider theme={kaoheTheme}>
      {state === null && <Spinner className={styles.waiting} label="正在连接表格程序…" />}
      {state && "error" in state && (
        <MessageBar intent="error" role="alert" className={styles.waiting}>
          <MessageBarBody>
            <MessageBarTitle>无法启动</MessageBarTitle>
            {state.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {state && "port" in state && <Pane port={state.port} engine={engine} />}
    </FluentProvider>
  );
}
