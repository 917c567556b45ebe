/** A bug of ours reaches the clerk as one Chinese line; the details only with KAOHE_DEBUG=1. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { main, type Io } from "../../src/cli/main";
import { genheGrid } from "../helpers/grid";
import { writeXlsx } from "../helpers/xlsx";

vi.mock("../../src/kaohe", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/kaohe")>()),
  checkGrids: () => {
    throw new TypeError("Cannot read properties of null (reading 'theme')");
  },
}));

async function kaohe(...argv: string[]) {
  let out = "";
  let err = "";
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false };
  return { code: await main(argv, io), out, err };
}

describe("an unexpected error", () => {
  const debug = process.env.KAOHE_DEBUG;
  afterEach(() => {
    if (debug === undefined) delete process.env.KAOHE_DEBUG;
    else process.env.KAOHE_DEBUG = debug;
  });

  it("is one Chinese line saying the original is untouched and whom to tell, exit 2", async () => {
    delete process.env.KAOHE_DEBUG;
    const r = await kaohe("check", await writeXlsx([genheGrid([["组织保障", 1, "明确分管领导", 6, "根据查看文件评分", 6, 6]])]));
    expect(r).toEqual({
      code: 2,
      out: "",
      err: "kaohe:发生了意外的程序错误,检查没有完成(原文件未改动);请把工作簿和这行信息发给维护人员(设置环境变量 KAOHE_DEBUG=1 再运行可显示详细信息)\n",
    });
  });

  it("shows its stack with KAOHE_DEBUG=1", async () => {
    process.env.KAOHE_DEBUG = "1";
    const r = await kaohe("check", await writeXlsx([genheGrid([["组织保障", 1, "明确分管领导", 6, "根据查看文件评分", 6, 6]])]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^kaohe:发生了意外的程序错误,检查没有完成\(原文件未改动\);请把工作簿和这行信息发给维护人员\nTypeError: Cannot read properties of null \(reading 'theme'\)\n\s+at /);
  });
});
