/** The Fluent theme with fonts every Chinese system has (no web fonts: the pane loads nothing remote). */
import { webLightTheme, type Theme } from "@fluentui/react-components";

const CJK_FONTS = `"Segoe UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif`;

export const kaoheTheme: Theme = { ...webLightTheme, fontFamilyBase: CJK_FONTS };
