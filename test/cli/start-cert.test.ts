/**
 * `npm start` when the HTTPS dev certificate can't be installed: the warning names the real
 * cause office-addin-dev-certs met (never the "Node.js v20…" line a crashed child prints last)
 * and says what still works.
 */
import { describe, expect, it } from "vitest";
import { certificateFailure, certificateWarning } from "../../scripts/cert-reason.mjs";

/** What this machine's office-addin-dev-certs printed on stderr when its child process crashed. */
const CRASH_WITHOUT_SUDO = `/work/main/node_modules/office-addin-dev-certs/lib/install.js:109
        throw new Error(\`Unable to install the CA certificate. \${error.stderr?.toString() ?? error.message}\`);
              ^

Error: Unable to install the CA certificate. /bin/sh: 1: sudo: not found

    at installCaCertificate (/work/main/node_modules/office-addin-dev-certs/lib/install.js:109:15)
    at async Module.getHttpsServerOptions (/work/main/node_modules/office-addin-dev-certs/lib/httpsServerOptions.js:46:5)

Node.js v20.20.2
`;

describe("why the dev certificate could not be installed", () => {
  it.each<[string, { message?: string; code?: string; timedOut?: boolean }, RegExp, RegExp]>([
    ["sudo missing (the library's message)", { message: "Unable to install the CA certificate. /bin/sh: 1: sudo: not found\n" }, /^本机没有 sudo 命令/, /ca\.crt 加入系统信任的证书/],
    ["sudo missing (a crashed child's stderr)", { message: CRASH_WITHOUT_SUDO }, /^本机没有 sudo 命令/, /重新运行 npm start$/],
    ["sudo missing (bash)", { message: "Unable to install the CA certificate. bash: sudo: command not found" }, /^本机没有 sudo 命令/, /npm start/],
    ["no terminal for the sudo password", { message: "Unable to install the CA certificate. sudo: a terminal is required to read the password; either use the -S option" }, /需要输入管理员\(sudo\)密码,但当前无法输入/, /npx office-addin-dev-certs install/],
    ["not a sudoer", { message: "Unable to install the CA certificate. kezhang is not in the sudoers file.  This incident will be reported." }, /没有管理员\(sudo\)权限/, /请管理员运行/],
    ["a wrong password", { message: "Unable to install the CA certificate. Sorry, try again.\nsudo: 3 incorrect password attempts" }, /密码输入错误/, /正确的密码/],
    ["no permission", { message: "EACCES: permission denied, mkdir '/home/u/.office-addin-dev-certs'", code: "EACCES" }, /没有权限写入证书文件夹/, /请管理员/],
    ["Windows: the clerk said no", { message: "Unable to install the CA certificate. The operation was canceled by the user." }, /取消了安装证书/, /选择“是”/],
    ["the package is missing", { message: "Cannot find package 'office-addin-dev-certs' imported from /work/x/[eval1]", code: "ERR_MODULE_NOT_FOUND" }, /没有安装 office-addin-dev-certs/, /npm ci/],
    ["a hang", { timedOut: true }, /超过 2 分钟没有完成/, /npx office-addin-dev-certs install/],
    ["anything else: its own words, not the Node.js trailer", { message: "Error: Unable to install the CA certificate. certutil: 找不到证书库\n    at x (y.js:1:1)\n\nNode.js v20.20.2\n" }, /^证书工具报告:certutil: 找不到证书库$/, /npx office-addin-dev-certs install/],
  ])("%s", (_, failure, reason, fix) => {
    const r = certificateFailure(failure);
    expect(r.reason).toMatch(reason);
    expect(r.fix).toMatch(fix);
    expect(`${r.reason}${r.fix}`).not.toMatch(/Node\.js|\n/);
  });

  it("says what still works: the http preview on localhost", () => {
    const text = certificateWarning({ message: CRASH_WITHOUT_SUDO }, 3000);
    expect(text).toContain("没有安装本机 HTTPS 开发证书:本机没有 sudo 命令");
    expect(text).toContain("预览页 http://localhost:3000/preview.html 照常可用");
    expect(text).toContain("只有在 Excel 中旁加载时才需要 https");
    expect(text).not.toMatch(/Node\.js/);
  });
});
