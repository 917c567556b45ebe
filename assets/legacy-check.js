/*
 * Runs before anything else, in ES5: the pane needs a modern web view. Excel 2016/2019 on older
 * Windows show add-ins in Internet Explorer 11, where the pane cannot run; say so in Chinese
 * instead of showing a blank pane.
 */
(function () {
  var modern = typeof Promise !== "undefined" && typeof Symbol !== "undefined" && typeof Object.assign === "function" && typeof Array.prototype.includes === "function";
  if (modern) return;
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("root") || document.body;
    box.innerHTML =
      '<div role="alert" style="padding:16px;font:14px/1.6 \'Microsoft YaHei\',sans-serif;color:#a4262c">' +
      "本 Excel 使用旧版 Internet Explorer 内核显示加载项,考核计分助手无法在其中运行。<br>" +
      "请升级到 Windows 10 1903 及以上的 Office 2019/2021 或 Microsoft 365,或改用 WPS 表格、预览页(preview.html)或命令行 kaohe。" +
      "</div>";
  });
})();
