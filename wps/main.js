/*
 * 考核计分助手 · WPS 表格加载项入口(index.html 引入本文件)。
 * 功能区按钮“考核计分”打开或关闭任务窗格;任务窗格就是 Excel 加载项的同一个页面 taskpane.html。
 * 写成 ES5 的普通脚本:老版本 WPS 的内核也能执行,不需要打包。
 */
/* global wps */
(function (root) {
  "use strict";

  /** 任务窗格页面:相对本文件所在目录;打包脚本可用 --pane-url 改成服务器上的地址。 */
  var PANE_PAGE = "taskpane.html";
  /** 任务窗格的 id 存在 PluginStorage 里,同一个 WPS 进程中各窗口共用。 */
  var PANE_ID_KEY = "kaohe_taskpane_id";
  var BUTTON_ID = "btnKaoheTaskPane";

  function api() {
    return root.wps || root.Application;
  }

  /**
   * 本文件所在目录的地址。与官方模板(GetUrlPath)一样先解码:离线安装时地址是 file:// 路径,
   * 用户名含中文时(/home/张三/…)浏览器给出的是 %E5%BC%A0 这样的编码,不解码则部分版本窗格空白。
   */
  function baseUrl() {
    var here = String(root.location && root.location.href ? root.location.href : "");
    try {
      here = decodeURI(here);
    } catch (e) {
      // 地址中有不成对的 % :保持原样
    }
    here = here.split("#")[0].split("?")[0];
    return here.substring(0, here.lastIndexOf("/") + 1);
  }

  function paneUrl() {
    if (/^(https?|file):/i.test(PANE_PAGE)) return PANE_PAGE;
    return baseUrl() + PANE_PAGE;
  }

  /** 新版 WPS 写作 CreateTaskpane,旧版写作 CreateTaskPane:两种都认。 */
  function createPane(w, url) {
    var create = w.CreateTaskPane || w.CreateTaskpane;
    if (typeof create !== "function") throw new Error("当前 WPS 不支持任务窗格(没有 CreateTaskPane)");
    return create.call(w, url);
  }

  function existingPane(w) {
    var id = w.PluginStorage.getItem(PANE_ID_KEY);
    if (!id) return null;
    try {
      return w.GetTaskPane(id) || null;
    } catch (e) {
      return null; // 窗格已被关闭或 WPS 重启过:重新创建
    }
  }

  /** 有窗格就切换显示/隐藏,没有就创建并显示。返回窗格此刻是否可见。 */
  function toggleTaskPane() {
    var w = api();
    var pane = existingPane(w);
    if (pane) {
      pane.Visible = !pane.Visible;
      return pane.Visible;
    }
    pane = createPane(w, paneUrl());
    w.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
    try {
      pane.DockPosition = 2; // msoCTPDockPositionRight:与 Excel 一样停靠在右侧
    } catch (e) {
      // 个别版本不支持设置停靠位置
    }
    pane.Visible = true;
    return true;
  }

  function report(message) {
    if (typeof root.alert === "function") root.alert(message);
  }

  root.OnAddinLoad = function (ribbonUI) {
    var w = api();
    if (w && typeof w === "object") w.ribbonUI = ribbonUI;
    return true;
  };

  root.OnAction = function (control) {
    var id = control && (control.Id || control.id);
    if (id !== BUTTON_ID) return true;
    try {
      toggleTaskPane();
    } catch (e) {
      report("考核计分助手无法打开任务窗格:" + (e && e.message ? e.message : String(e)) + "\n请确认 WPS 已启用加载项(JsApiPlugin=true),然后重新启动 WPS。");
    }
    return true;
  };

  root.GetImage = function (control) {
    var id = control && (control.Id || control.id);
    return id === BUTTON_ID ? "images/kaohe.svg" : "";
  };

  root.KaoheWpsAddin = { toggleTaskPane: toggleTaskPane, paneUrl: paneUrl, baseUrl: baseUrl, PANE_ID_KEY: PANE_ID_KEY };
})(typeof window !== "undefined" ? window : this);
