import { main, type Io } from "../../src/cli/main";

/** Runs `kaohe` in this process with its output captured; returns the exit status and both streams. */
export async function kaohe(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}
