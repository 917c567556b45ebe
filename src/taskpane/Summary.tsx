/** The result of one 计算: per score sheet its total, parts and category subtotals; the statistics checked. */
import { Badge, Card, CardHeader, makeStyles, Text, tokens } from "@fluentui/react-components";
import { fmt, fmtPercent, fmtSigned, type RenderedFinding } from "../core/findings";
import { categoryAdjustments, type CategoryReport, type Report, type ScoreSheetReport, type StatisticsSheetReport } from "../core/report";

const useStyles = makeStyles({
  card: { marginTop: tokens.spacingVerticalM },
  total: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, fontVariantNumeric: "tabular-nums" },
  },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "left" },
    "& td:last-child, & th:last-child": { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
    "& caption": { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  },
  counts: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  totalLine: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalM },
  doubt: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  declared: {
    display: "block",
    marginTop: "2px",
    padding: 0,
    border: "none",
    background: "none",
    font: "inherit",
    textAlign: "left",
    color: tokens.colorPaletteDarkOrangeForeground1,
    cursor: "pointer",
    textDecoration: "underline",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * 满分 as a clerk reads the scheme: "35,加分上限 5(共 40)" when bonus items may add points
 * beyond the base maximum, so a final over the maximum is no riddle (not "得分率 107.7%").
 */
export function maxText(s: Pick<ScoreSheetReport, "total" | "bonusMax" | "bonusOpen" | "items">): string {
  const max = fmt(s.total.max);
  const hasBonus = s.items.some((i) => i.kind === "adjust");
  const open = s.bonusOpen ? ",另有加减分不设上限" : "";
  if (s.bonusMax === null && hasBonus) return `${max},另有加分项(上限未定)`;
  if (!s.bonusMax) return max + open;
  return `${max},加分上限 ${fmt(s.bonusMax)}(共 ${fmt(s.total.max + s.bonusMax)})${open}`;
}

/** Whether a rate over the base maximum says anything: not when bonus points may take the final past it. */
const rateMeaningful = (s: ScoreSheetReport) => !s.items.some((i) => i.kind === "adjust") || s.total.final <= s.total.max;


/**
 * A category's line in 分类小计: 得分 / 满分; a section of adjustments its net sum; a section of
 * 一票否决 items (no points, only a trigger) whether one of them was triggered.
 */
function categoryText(s: ScoreSheetReport, findings: RenderedFinding[], c: CategoryReport): string {
  const items = s.items.filter((i) => i.category === c.name);
  if (c.max > 0 && items.length === 0) return `${fmt(c.score)} / ${fmt(c.max)}`;
  if (c.max > 0) {
    // The subtotal includes the category's 加/扣分 items: say so, or "59 / 56" reads as over the maximum.
    const adjust = categoryAdjustments(s, c);
    return `${fmt(c.score)} / ${fmt(c.max)}` + (adjust !== 0 ? `(含加减分 ${fmtSigned(adjust)})` : "");
  }
  if (items.length === 0 || items.some((i) => i.kind !== "veto")) return `${fmtSigned(c.score)}(加减分)`;
  const cells = new Set(items.map((i) => i.cell));
  const triggered = findings.some((f) => f.code === "veto_applied" && f.sheet === s.sheet && f.cell !== null && cells.has(f.cell));
  return triggered ? "一票否决:已触发" : "一票否决:未触发";
}

type Select = (f: Pick<RenderedFinding, "sheet" | "cell">) => void;

function ScoreCard({ sheet: s, findings, onSelect }: { sheet: ScoreSheetReport; findings: RenderedFinding[]; onSelect?: Select }) {
  const styles = useStyles();
  const t = s.total;
  const errors = findings.filter((f) => f.severity === "error" && f.sheet === s.sheet).length;
  // The declared total against the items' sum: where the number stands, and what it is.
  const declared = findings.filter((f) => f.code === "max_sum_mismatch" && f.sheet === s.sheet && f.expected !== undefined && f.actual === t.max);
  return (
    <Card className={styles.card} aria-label={`${s.sheet} 核算结果`} data-testid="summary">
      <CardHeader
        header={<Text weight="semibold">{s.schemeName ?? "未识别的模板(按表内规则核算)"}</Text>}
        description={
          <Text size={200}>
            工作表“{s.sheet}” · 评分列“{s.column}”{s.unitClass ? ` · ${s.unitClass}` : ""}
          </Text>
        }
      />
      <div>
        <Text size={200}>最终得分</Text>
        <div className={styles.totalLine}>
          <div className={styles.total} data-testid="total-final">
            {fmt(t.final)} 分
          </div>
          {errors > 0 && (
            <span className={styles.doubt} data-testid="total-doubt">
              · 有 {errors} 个错误,结果可能不准
            </span>
          )}
        </div>
      </div>
      <dl className={styles.facts}>
        <dt>满分</dt>
        <dd>
          <span data-testid="total-max">{maxText(s)}</span>
          {declared.map((f, i) =>
            f.cell && onSelect ? (
              <button key={i} type="button" className={styles.declared} onClick={() => onSelect(f)} data-testid="declared-max" data-cell={f.cell}>
                {f.message}(位置:{f.sheet}!{f.cell},点击定位)
              </button>
            ) : (
              <span key={i} className={styles.declared} data-testid="declared-max">
                {f.message}
              </span>
            ),
          )}
        </dd>
        <dt>基本得分</dt>
        <dd data-testid="total-base">{fmt(t.base)}</dd>
        <dt>加减分</dt>
        <dd data-testid="total-adjustments">{fmtSigned(t.adjustments)}</dd>
        {rateMeaningful(s) && (
          <>
            <dt>得分率</dt>
            <dd data-testid="total-rate">{fmtPercent(t.rate)}%</dd>
          </>
        )}
        <dt>一票否决</dt>
        <dd data-testid="total-veto">
          {t.vetoed ? (
            <Badge color="danger" appearance="filled">
              已触发,总分为 0
            </Badge>
          ) : (
            "未触发"
          )}
        </dd>
      </dl>
      {s.categories.length > 0 && (
        <table className={styles.table}>
          <caption>分类小计</caption>
          <thead>
            <tr>
              <th scope="col">类别</th>
              <th scope="col">得分 / 满分</th>
            </tr>
          </thead>
          <tbody>
            {s.categories.map((c, i) => (
              <tr key={i} data-testid="category">
                <td>{c.name}</td>
                <td>{categoryText(s, findings, c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

const FORMAT_LABEL: Record<StatisticsSheetReport["format"], string> = {
  "2017": "2017 版政府信息公开情况统计表",
  "2021": "2021 版政府信息公开工作年度报告统计表",
};

export function Summary({ report, onSelect }: { report: Report; onSelect?: Select }) {
  const styles = useStyles();
  const scores = report.sheets.filter((s): s is ScoreSheetReport => s.kind === "score");
  const stats = report.sheets.filter((s): s is StatisticsSheetReport => s.kind === "statistics");
  const { errors, warnings, infos } = report.summary;
  return (
    <>
      {scores.map((s) => (
        <ScoreCard key={s.sheet} sheet={s} findings={report.findings} onSelect={onSelect} />
      ))}
      {stats.map((s) => (
        <Card key={s.sheet} className={styles.card} size="small" data-testid="statistics">
          <Text size={200}>
            已核对统计表“{s.sheet}”({FORMAT_LABEL[s.format]},{s.rows.length} 项)
          </Text>
        </Card>
      ))}
      <p className={styles.counts} data-testid="counts">
        错误 {errors} 个 · 警告 {warnings} 个 · 提示 {infos} 个
      </p>
    </>
  );
}
