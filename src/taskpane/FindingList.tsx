/**
 * The findings, grouped by severity: the pane's one renderer of a RenderedFinding. A finding with
 * a cell is a button that selects that cell in the workbook.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { SEVERITY_LABEL, sortFindings, type RenderedFinding, type Severity } from "../core/findings";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const FOLD_INFOS_OVER = 5;

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  summary: { cursor: "pointer", marginBottom: tokens.spacingVerticalXS },
  heading: { display: "inline", margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: "none", margin: 0, padding: 0, display: "grid", rowGap: tokens.spacingVerticalXS },
  finding: {
    display: "block",
    width: "100%",
    textAlign: "left",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  where: { display: "block", color: tokens.colorNeutralForeground3, marginTop: "2px" },
  none: { color: tokens.colorPaletteGreenForeground1, marginTop: tokens.spacingVerticalM },
});

export interface FindingListProps {
  findings: RenderedFinding[];
  onSelect(finding: RenderedFinding): void;
}

export function FindingList({ findings, onSelect }: FindingListProps) {
  const styles = useStyles();
  if (findings.length === 0) return <p className={styles.none}>没有发现问题。</p>;
  const sorted = sortFindings(findings);
  return (
    <>
      {SEVERITIES.map((severity) => {
        const group = sorted.filter((f) => f.severity === severity);
        if (!group.length) return null;
        const id = `findings-${severity}`;
        return (
          // Many 提示 (every "5分" read as 5) would bury the errors: beyond a few they start folded.
          <details key={severity} className={styles.group} aria-labelledby={id} open={severity !== "info" || group.length <= FOLD_INFOS_OVER}>
            <summary className={styles.summary}>
              <h3 id={id} className={styles.heading}>
                {SEVERITY_LABEL[severity]}({group.length})
              </h3>
            </summary>
            <ul className={styles.list}>
              {group.map((f, i) => (
                <li key={i}>
                  <FindingItem finding={f} onSelect={onSelect} />
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </>
  );
}

function FindingItem({ finding: f, onSelect }: { finding: RenderedFinding; onSelect(f: RenderedFinding): void }) {
  const styles = useStyles();
  const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
  const attrs = {
    "data-testid": "finding",
    "data-code": f.code,
    "data-cell": f.cell ?? "",
    "data-sheet": f.sheet,
    "data-severity": f.severity,
  };
  const body = (
    <>
      {f.message}
      <span className={styles.where}>{f.cell ? `位置:${where}(点击定位)` : `工作表:${where}`}</span>
    </>
  );
  const className = mergeClasses(styles.finding, styles[f.severity], f.cell ? styles.clickable : undefined);
  return f.cell ? (
    <button type="button" className={className} onClick={() => onSelect(f)} title={`选中 ${where}`} {...attrs}>
      {body}
    </button>
  ) : (
    <div className={className} {...attrs}>
      {body}
    </div>
  );
}
