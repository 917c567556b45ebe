/**
 * Misuse of the engine's own API and inputs it cannot work on at all: named errors whose
 * constructor builds the Chinese message. Problems inside a usable workbook are findings instead.
 */
export class KaoheError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The workbook holds neither a score table nor a statistics table. */
export class NoTableError extends KaoheError {
  constructor(file: string | null) {
    super(`${file ? `“${file}”中` : "工作簿中"}没有找到考核评分表或政府信息公开情况统计表(需要含“序号/分值/评分”等表头的表格)`);
  }
}

/** An option the caller passed is not usable (an unknown unit class …). */
export class OptionError extends KaoheError {}
