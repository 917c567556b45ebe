/** Entry of taskpane.html (Excel and WPS). */
import { createRoot } from "react-dom/client";
import { applyWriteback, checkWorkbook, describeChanges, planWriteback } from "../kaohe";
import { describeWorkbook } from "../describe";
import { TaskpaneApp } from "./App";
import { connectHost } from "./host";

const engine = { checkWorkbook, describeWorkbook, planWriteback, describeChanges, applyWriteback };
const connect = () => connectHost(window);

createRoot(document.getElementById("root")!).render(<TaskpaneApp connect={connect} engine={engine} />);
