/**
 * "指定表格列": the clerk points at the table the engine did not find (or found wrong): the sheet,
 * the header row, and which column is 指标, 分值, 评分标准, 类别, 序号 and the score columns. The
 * selects list the header row's own texts with their column letters. The engine then scores with
 * this mapping (CheckOptions.mapping), and 写回 stores it in the workbook (core/mapping.ts).
 */
import { useEffect, useMemo, useState } from "react";
import { Button, Checkbox, Field, makeStyles, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { columnCount, columnLetters, MergeIndex, textOf, type Grid } from "../core/grid";
import { readMappings, type ColumnMapping } from "../core/mapping";
import { MAPPING_SHEET, RESULT_SHEET } from "../footprint";
import type { WorkbookPort } from "../hosts/port";
import { errorMessage } from "./messages";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  scores: { display: "flex", flexDirection: "column", maxHeight: "180px", overflowY: "auto" },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
  fieldset: { border: "none", margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold },
  // A long option (a header row's texts) must not widen the select past the pane.
  select: { minWidth: 0, maxWidth: "100%", "& select": { textOverflow: "ellipsis" } },
});

/** How far down the header row may be, and how many columns a select lists. */
const HEADER_ROWS = 40;
const MAX_COLUMNS = 60;

type Role = "title" | "max" | "method" | "category" | "id";

const ROLES: Array<{ role: Role; label: string; hint?: string; words: RegExp }> = [
  { role: "title", label: "指标列(必选)", hint: "每项考核内容的名称", words: /指标|内容|项目|要求|事项|任务/ },
  { role: "max", label: "分值列", words: /分值|分数|标准分|满分|权重|赋分/ },
  { role: "method", label: "评分标准列", words: /标准|办法|细则|方法|说明|扣分|要求/ },
  { role: "category", label: "类别列", words: /类别|类型|一级|大类|板块/ },
  { role: "id", label: "序号列", words: /序号|编号|^号$/ },
];
const SCORE_WORDS = /得分|评分|自评|自查|打分|核定|考评/;
const NOT_SCORE = /标准|办法|细则|方法|说明/;

/** Our own sheets and hidden ones are no tables to map. */
const mappable = (g: Grid) => !g.hidden && g.name !== MAPPING_SHEET && !g.name.startsWith(RESULT_SHEET);

interface Draft {
  sheet: string;
  headerRow: number;
  title: string;
  max: string;
  method: string;
  category: string;
  id: string;
  scores: string[];
}

/** The texts of a row as the clerk sees them (a merged header shows its text in each column). */
function rowTexts(grid: Grid, merges: MergeIndex, row: number, width: number): string[] {
  return Array.from({ length: width }, (_, c) => textOf(merges.shownValue(row, c)));
}

/** A first guess the clerk corrects: the first row with three texts, the columns by their words. */
function guess(grid: Grid, sheet: string): Draft {
  const merges = new MergeIndex(grid);
  const width = Math.min(Math.max(columnCount(grid), 1), MAX_COLUMNS);
  let headerRow = 1;
  for (let r = 0; r < Math.min(grid.cells.length, HEADER_ROWS); r++) {
    const texts = grid.cells[r]?.filter((v) => typeof v === "string" && v.trim() !== "") ?? [];
    if (texts.length >= 3) {
      headerRow = r + 1;
      break;
    }
  }
  const texts = rowTexts(grid, merges, headerRow - 1, width);
  const used = new Set<number>();
  const pick = (test: (t: string) => boolean) => {
    const c = texts.findIndex((t, i) => t !== "" && !used.has(i) && test(t));
    if (c < 0) return "";
    used.add(c);
    return columnLetters(c);
  };
  const scores = texts.flatMap((t, i) => (SCORE_WORDS.test(t) && !NOT_SCORE.test(t) ? [i] : []));
  scores.forEach((c) => used.add(c));
  const out = { sheet, headerRow, title: "", max: "", method: "", category: "", id: "", scores: scores.map(columnLetters) };
  for (const r of ["id", "max", "method", "category", "title"] as Role[]) out[r] = pick((t) => ROLES.find((x) => x.role === r)!.words.test(t));
  return out;
}

const fromMapping = (m: ColumnMapping): Draft => ({
  sheet: m.sheet,
  headerRow: m.headerRow,
  title: m.title,
  max: m.max ?? "",
  method: m.method ?? "",
  category: m.category ?? "",
  id: m.id ?? "",
  scores: m.scores,
});

const toMapping = (d: Draft): ColumnMapping => ({
  sheet: d.sheet,
  headerRow: d.headerRow,
  title: d.title,
  max: d.max || null,
  method: d.method || null,
  category: d.category || null,
  id: d.id || null,
  scores: d.scores,
});

export interface MappingFormProps {
  port: WorkbookPort;
  /** Mappings chosen earlier in this pane (they win over the ones stored in the workbook). */
  chosen: ColumnMapping[] | null;
  /** The engine found no table: say so in the heading. */
  noTable: boolean;
  disabled: boolean;
  /** Every mapping to score with: the one edited here and the workbook's others. */
  onApply(mappings: ColumnMapping[]): void;
  onCancel(): void;
}

export function MappingForm({ port, chosen, noTable, disabled, onApply, onCancel }: MappingFormProps) {
  const styles = useStyles();
  const [grids, setGrids] = useState<Grid[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [stored, setStored] = useState<ColumnMapping[]>([]);

  // One read of the workbook when the form opens: the sheets and their rows to point at.
  useEffect(() => {
    let live = true;
    port.readSheets().then(
      (all) => {
        if (!live) return;
        const sheets = all.filter(mappable);
        const known = chosen ?? readMappings(all);
        setStored(known);
        setGrids(sheets);
        const first = known.find((m) => sheets.some((g) => g.name === m.sheet));
        setDraft(first ? fromMapping(first) : sheets[0] ? guess(sheets[0], sheets[0].name) : null);
      },
      (e: unknown) => live && setProblem(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [port, chosen]);

  const grid = grids?.find((g) => g.name === draft?.sheet) ?? null;
  const view = useMemo(() => {
    if (!grid) return null;
    const merges = new MergeIndex(grid);
    const width = Math.min(Math.max(columnCount(grid), 1), MAX_COLUMNS);
    const rows = Math.min(grid.cells.length, HEADER_ROWS);
    const preview = (r: number) => {
      const t = rowTexts(grid, merges, r, width).filter((x) => x !== "");
      const text = t.join(" | ");
      return text.length > 24 ? text.slice(0, 23) + "…" : text;
    };
    return { merges, width, rows, preview };
  }, [grid]);

  if (problem) return <p role="alert">{problem}</p>;
  if (!grids || !view || !draft || !grid) {
    return grids && grids.length === 0 ? (
      <p role="alert">工作簿中没有可以指定的工作表。</p>
    ) : (
      <Spinner size="tiny" label="正在读取工作表…" />
    );
  }

  const texts = rowTexts(grid, view.merges, draft.headerRow - 1, view.width);
  const columnLabel = (c: number) => `${columnLetters(c)} 列${texts[c] ? ` · ${texts[c].length > 16 ? texts[c].slice(0, 15) + "…" : texts[c]}` : ""}`;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const missing = !draft.title ? "请选择指标列" : draft.scores.length === 0 ? "请至少勾选一个评分列" : null;
  const roles = ROLES.map((r) => draft[r.role]).filter((x) => x !== "");
  const twice = new Set(roles.filter((x, i) => roles.indexOf(x) !== i).concat(draft.scores.filter((s) => roles.includes(s))));

  const apply = () => {
    if (missing) return;
    const mine = toMapping(draft);
    onApply([...stored.filter((m) => m.sheet !== mine.sheet), mine]);
  };

  return (
    <section className={styles.form} aria-labelledby="mapping-title" data-testid="mapping-form">
      <h2 id="mapping-title" className={styles.heading}>
        指定表格列
      </h2>
      <Text size={200}>
        {noTable ? "没有自动识别出评分表。" : "自动识别的结果不对时,"}
        请选择表头所在的行,并说明每一列是什么;写回工作簿时,这些设置会保存在工作簿里,下次打开(包括命令行和其他电脑)同样适用。
      </Text>
      <Field label="工作表">
        <Select className={styles.select} value={draft.sheet} onChange={(_, d) => setDraft(stored.find((m) => m.sheet === d.value) ? fromMapping(stored.find((m) => m.sheet === d.value)!) : guess(grids.find((g) => g.name === d.value)!, d.value))}>
          {grids.map((g) => (
            <option key={g.name} value={g.name}>
              {g.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="表头所在行" hint="表头下面一行起是各考核项">
        <Select className={styles.select} value={String(draft.headerRow)} onChange={(_, d) => set({ headerRow: Number(d.value) })}>
          {Array.from({ length: Math.max(view.rows, draft.headerRow) }, (_, r) => (
            <option key={r} value={String(r + 1)}>
              第 {r + 1} 行{view.preview(r) ? `:${view.preview(r)}` : "(空行)"}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.pair}>
        {ROLES.map((r) => (
          <Field
            key={r.role}
            label={r.label}
            hint={r.hint}
            validationState={draft[r.role] && twice.has(draft[r.role]) ? "warning" : "none"}
            validationMessage={draft[r.role] && twice.has(draft[r.role]) ? "这一列选了两次" : undefined}
          >
            <Select className={styles.select} value={draft[r.role]} onChange={(_, d) => set({ [r.role]: d.value })}>
              <option value="">{r.role === "title" ? "(请选择)" : "(没有这一列)"}</option>
              {Array.from({ length: view.width }, (_, c) => (
                <option key={c} value={columnLetters(c)}>
                  {columnLabel(c)}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>评分列(可多选:自查评分、考核评分…)</legend>
        <div className={styles.scores}>
          {Array.from({ length: view.width }, (_, c) => columnLetters(c)).map((letters, c) => (
            <Checkbox
              key={letters}
              label={columnLabel(c)}
              checked={draft.scores.includes(letters)}
              onChange={(_, d) =>
                set({
                  scores: d.checked
                    ? Array.from({ length: view.width }, (_, i) => columnLetters(i)).filter((l) => l === letters || draft.scores.includes(l))
                    : draft.scores.filter((s) => s !== letters),
                })
              }
            />
          ))}
        </div>
      </fieldset>
      {missing && (
        <Text size={200} role="note">
          {missing}
        </Text>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={disabled || missing !== null} onClick={apply}>
          按此设置计算
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </div>
    </section>
  );
}
