/**
 * Header vocabulary: every listed word names its role, and the shapes take words nobody listed.
 * The words met in the published corpus (test/corpus/published.ts) are rows here.
 */
import { describe, expect, it } from "vitest";
import { roleOf } from "../../../src/core/layout/columns";
import { HEADER_WORDS } from "../../../src/core/words/headers";

/** A table of header word → the role it names. */
const roles = (rows: Array<[string, string]>) =>
  it.each(rows)("%s → %s", (word, role) => {
    expect(roleOf(word)).toBe(role);
  });

describe("the header vocabulary, walked", () => {
  roles(HEADER_WORDS.flatMap(([role, words]) => words.map((w): [string, string] => [w, role])));
});

describe("header words met in published tables", () => {
  roles([
    // 市建设局 党风廉政建设责任制考核评分标准表
    ["责任内容", "title"],
    // 河北 社会信用体系建设 试点建设标准: 项目名称 | 工作要求 | 分值 | 得分标准
    ["项目名称", "title"],
    ["事项名称", "title"],
    ["得分标准", "method"],
    // 工会安全生产考核表: 应得分数 | 扣减分数 | 实得分数
    ["应得分数", "max"],
    ["应得分值", "max"],
    ["扣减分数", "deduction"],
    ["实得分数", "score"],
    // 霍邱县 整改台账: 公开事项 over 一级目录 | 二级目录 | 三级目录, 内容要求 | 扣分要素
    ["一级目录", "category"],
    ["二级目录", "category"],
    ["三级目录", "title"],
    ["内容要求", "title"],
    ["扣分要素", "method"],
  ]);
});

describe("shapes of words nobody listed", () => {
  roles([
    ["公开内容", "title"],
    ["监督内容", "title"],
    ["应有分值", "max"],
    ["应得分", "max"],
    ["得分办法", "method"],
    ["得分细则", "method"],
    // 霍邱县 测评表: 测评指标与考察点
    ["测评指标与考察点", "title"],
    ["检查要点", "title"],
    ["考核要点", "method"],
    // unchanged: who scores, then the word for the score
    ["考核得分", "score"],
    ["项目得分", "score"],
    ["自评得分数", "score"],
  ]);

  it("does not take criterion text for a header", () => {
    expect(roleOf("主要负责人对保密工作部署和落实提出明确要求,听取保密工作情况汇报并研究解决相关问题")).toBeNull();
    expect(roleOf("扣分原因")).toBe("other");
  });
});
