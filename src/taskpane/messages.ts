/** Errors as the pane shows them: our own errors already speak Chinese; anything else is wrapped. */
import { KaoheError } from "../core/errors";
import { HostError } from "../hosts/port";

export function errorMessage(e: unknown): string {
  if (e instanceof HostError || e instanceof KaoheError) return e.message;
  const text = e instanceof Error ? e.message : String(e);
  return `出现意外错误:${text}。请重试;如果问题仍在,请把这段文字告诉管理员。`;
}
