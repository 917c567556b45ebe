// Why `npm start` could not install the HTTPS dev certificate, in Chinese, from what
// office-addin-dev-certs (or the shell it ran) reported: the real cause (`sudo: not found`,
// no permission, a password nobody could type, the package missing …), never the Node.js
// version line a crashed child prints last. Kept apart from start.mjs so tests can call it.

const REINSTALL = "解决后重新运行 npm start";

/** [pattern, reason, what to do], tried in order on the reported message. */
const CAUSES = [
  [
    /ERR_MODULE_NOT_FOUND|Cannot find (?:package|module) ['"]?office-addin-dev-certs/i,
    "没有安装 office-addin-dev-certs(开发依赖)",
    "在项目目录运行 npm ci 安装全部依赖后重新运行 npm start",
  ],
  [
    /sudo: (?:command )?not found|sudo:\s*未找到命令|'sudo' is not recognized/i,
    "本机没有 sudo 命令,无法把开发证书加入系统信任的证书(容器和精简系统中常见)",
    "由管理员把 ~/.office-addin-dev-certs/ca.crt 加入系统信任的证书,或在装有 sudo 的电脑上运行;" + REINSTALL,
  ],
  [
    /not in the sudoers|not allowed to (?:run sudo|execute)|不在 sudoers/i,
    "当前用户没有管理员(sudo)权限,无法把开发证书加入系统信任的证书",
    "请管理员运行 npx office-addin-dev-certs install 安装证书;" + REINSTALL,
  ],
  [
    /incorrect password|Sorry, try again|密码错误|抱歉,请重试/i,
    "管理员(sudo)密码输入错误",
    "在终端中运行 npx office-addin-dev-certs install 并输入正确的密码;" + REINSTALL,
  ],
  [
    /a terminal is required|no tty present|a password is required|askpass/i,
    "安装证书需要输入管理员(sudo)密码,但当前无法输入",
    "在终端中直接运行 npx office-addin-dev-certs install,按提示输入密码;" + REINSTALL,
  ],
  [
    /cancel+ed by the user|operation was cancel+ed|user cancel+ed|用户取消|已取消/i,
    "您在系统的安全提示中取消了安装证书",
    "重新运行 npm start,在弹出的安全提示中选择“是”",
  ],
  [
    /powershell[\s\S]*(?:not recognized|not found|ENOENT)|'powershell' is not recognized/i,
    "找不到 PowerShell(Windows 上安装证书要用它)",
    "确认 PowerShell 可用(或请管理员安装证书:npx office-addin-dev-certs install);" + REINSTALL,
  ],
  [
    /Permission denied|EACCES|EPERM|Access is denied|拒绝访问|权限不够/i,
    "没有权限写入证书文件夹或系统的证书库",
    "请管理员运行 npx office-addin-dev-certs install 安装证书;" + REINSTALL,
  ],
  [
    /Platform not supported/i,
    "这个操作系统不支持自动安装开发证书",
    "在 Windows 或 Mac 上运行 npm start 以在 Excel 中旁加载",
  ],
  [
    /Unable to generate|openssl/i,
    "无法生成开发证书",
    "删除 ~/.office-addin-dev-certs 文件夹后重新运行 npm start",
  ],
];

/** The lines of a report that say something: no stack frames, no "Node.js v20…" trailer. */
function meaningfulLines(text) {
  return String(text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l) && !/^Node\.js v\d/.test(l) && !/^\^+$/.test(l) && !/^throw\b/.test(l) && !/^[\w/\\.:-]+:\d+$/.test(l));
}

/**
 * What went wrong and what to do, from the failure of the certificate step: `message` (the
 * error office-addin-dev-certs threw, or the child's stderr), `code`, and `timedOut`.
 * Returns { reason, fix }: both Chinese, one line each.
 */
export function certificateFailure({ message = "", code = "", timedOut = false } = {}) {
  if (timedOut) {
    return {
      reason: "安装证书超过 2 分钟没有完成(可能在等待输入管理员密码)",
      fix: "在终端中直接运行 npx office-addin-dev-certs install,按提示操作;" + REINSTALL,
    };
  }
  const text = `${code} ${message}`;
  for (const [pattern, reason, fix] of CAUSES) if (pattern.test(text)) return { reason, fix };
  const said = meaningfulLines(message)
    .map((l) => l.replace(/^(?:Error:\s*)?(?:Unable to install the CA certificate\.\s*)?/, ""))
    .filter(Boolean)
    .slice(0, 2)
    .join(" ");
  return {
    reason: said ? `证书工具报告:${said}` : "证书工具没有说明原因",
    fix: "可运行 npx office-addin-dev-certs install 查看详细信息;" + REINSTALL,
  };
}

/** The whole warning `npm start` prints, saying what still works. */
export function certificateWarning(failure, port = 3000) {
  const { reason, fix } = certificateFailure(failure);
  return (
    `\n⚠ 没有安装本机 HTTPS 开发证书:${reason}。\n` +
    `  改用 http 提供服务:预览页 http://localhost:${port}/preview.html 照常可用(不需要证书,也不需要 Excel)。\n` +
    `  只有在 Excel 中旁加载时才需要 https:${fix}。\n` +
    `  (也可以把 npm run build 生成的 dist/ 部署到 https 服务器;只用预览页时可运行 npm start -- --http 跳过这一步。)\n`
  );
}
