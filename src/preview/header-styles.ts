/**
 * The look both preview pages share: the brand header with its file picker (a visually hidden
 * native input behind a Chinese label, reachable by keyboard and screen readers).
 */
import { tokens } from "@fluentui/react-components";

export const headerStyles = {
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  file: {
    cursor: "pointer",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralForegroundOnBrand}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    ":focus-within": { outline: `2px solid ${tokens.colorNeutralForegroundOnBrand}`, outlineOffset: "2px" },
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover },
  },
  // The native file input says "Choose File" in the browser's language: keep it for keyboard and
  // screen readers, show the Chinese label instead.
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
} as const;
