/*
 * Runs before anything else, in ES5 (taskpane.html loads it first, in Excel and in WPS).
 *
 * The pane supports web views from Chromium 69 (the oldest engine WPS 表格 add-ins are known to
 * embed on 信创 Linux) and EdgeHTML 18 (Excel 2016/2019 on Windows 10). The bundle's syntax is
 * lowered to ES2017 (webpack.config.js); the built-ins it calls that those engines lack are
 * polyfilled here (POLYFILLED), and those it cannot do without are checked (REQUIRED): where one
 * is missing (Internet Explorer 11 in old Excels) the pane says so in Chinese instead of staying
 * blank. test/hosts/legacy-check.test.ts builds the bundle and fails when it uses a built-in that
 * is in neither list.
 */
(function () {
  var root = typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : typeof window !== "undefined" ? window : this;

  function define(target, name, value) {
    if (!target || typeof target[name] !== "undefined") return;
    try {
      Object.defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
    } catch (e) {
      target[name] = value;
    }
  }

  function toInteger(n) {
    n = Number(n);
    return n !== n ? 0 : n < 0 ? Math.ceil(n) : Math.floor(n);
  }

  // POLYFILLED (names read by the test): globalThis, Array.prototype.at, String.prototype.at,
  // String.prototype.replaceAll, String.prototype.matchAll, Object.fromEntries, Object.hasOwn,
  // Array.prototype.flat, Array.prototype.flatMap, Array.prototype.findLast,
  // Array.prototype.findLastIndex, Promise.allSettled, queueMicrotask, WeakRef
  var modern = typeof Promise !== "undefined" && typeof Symbol !== "undefined" && typeof Object.defineProperty === "function";
  if (modern) {
    define(root, "globalThis", root);
    var at = function (i) {
      var len = this.length >>> 0;
      var k = toInteger(i);
      if (k < 0) k += len;
      return k < 0 || k >= len ? undefined : this[k];
    };
    define(Array.prototype, "at", at);
    define(String.prototype, "at", function (i) {
      return at.call(String(this), i);
    });
    define(String.prototype, "replaceAll", function (pattern, replacement) {
      if (pattern instanceof RegExp) {
        if (pattern.flags.indexOf("g") < 0) throw new TypeError("replaceAll must be called with a global RegExp");
        return String(this).replace(pattern, replacement);
      }
      return String(this).split(String(pattern)).join(typeof replacement === "function" ? replacement(String(pattern)) : replacement);
    });
    define(String.prototype, "matchAll", function (re) {
      var rx = new RegExp(re, re && re.flags !== undefined ? (re.flags.indexOf("g") < 0 ? re.flags + "g" : re.flags) : "g");
      var s = String(this);
      var out = [];
      var m;
      while ((m = rx.exec(s)) !== null) {
        out.push(m);
        if (m[0] === "") rx.lastIndex++;
      }
      return out[Symbol.iterator]();
    });
    define(Object, "fromEntries", function (entries) {
      var o = {};
      var it = entries[Symbol.iterator]();
      for (var step = it.next(); !step.done; step = it.next()) o[step.value[0]] = step.value[1];
      return o;
    });
    define(Object, "hasOwn", function (o, k) {
      return Object.prototype.hasOwnProperty.call(o, k);
    });
    define(Array.prototype, "flat", function flat(depth) {
      var d = depth === undefined ? 1 : toInteger(depth);
      var out = [];
      for (var i = 0; i < this.length; i++) {
        if (!(i in this)) continue;
        var v = this[i];
        if (Array.isArray(v) && d > 0) out.push.apply(out, flat.call(v, d - 1));
        else out.push(v);
      }
      return out;
    });
    define(Array.prototype, "flatMap", function (fn, thisArg) {
      return Array.prototype.map.call(this, fn, thisArg).flat(1);
    });
    define(Array.prototype, "findLast", function (fn, thisArg) {
      for (var i = this.length - 1; i >= 0; i--) if (fn.call(thisArg, this[i], i, this)) return this[i];
      return undefined;
    });
    define(Array.prototype, "findLastIndex", function (fn, thisArg) {
      for (var i = this.length - 1; i >= 0; i--) if (fn.call(thisArg, this[i], i, this)) return i;
      return -1;
    });
    define(Promise, "allSettled", function (items) {
      return Promise.all(
        Array.from(items, function (p) {
          return Promise.resolve(p).then(
            function (value) {
              return { status: "fulfilled", value: value };
            },
            function (reason) {
              return { status: "rejected", reason: reason };
            },
          );
        }),
      );
    });
    define(root, "queueMicrotask", function (fn) {
      Promise.resolve().then(fn);
    });
    // Fluent UI's focus management keeps elements in WeakRefs (Chromium 84+). A strong reference
    // keeps a removed element alive a little longer; the pane is small and short-lived.
    if (typeof root.WeakRef === "undefined") {
      var StrongRef = function WeakRef(target) {
        this._target = target;
      };
      StrongRef.prototype.deref = function () {
        return this._target;
      };
      define(root, "WeakRef", StrongRef);
    }
  }

  // REQUIRED (names read by the test): Promise, Symbol, Map, Set, WeakMap, Proxy, Object.assign,
  // Object.entries, Object.values, Array.from, Array.prototype.includes, String.prototype.includes,
  // String.prototype.padStart, Promise.prototype.finally, AbortController
  var required = [
    typeof Promise !== "undefined",
    typeof Symbol !== "undefined",
    typeof Map !== "undefined",
    typeof Set !== "undefined",
    typeof WeakMap !== "undefined",
    typeof Proxy !== "undefined",
    typeof Object.assign === "function",
    typeof Object.entries === "function",
    typeof Object.values === "function",
    typeof Array.from === "function",
    typeof Array.prototype.includes === "function",
    typeof String.prototype.includes === "function",
    typeof String.prototype.padStart === "function",
    typeof Promise !== "undefined" && typeof Promise.prototype.finally === "function",
    typeof root.AbortController !== "undefined",
  ];
  for (var i = 0; i < required.length; i++) if (!required[i]) return unsupported();

  function unsupported() {
    root.__kaoheUnsupported = true;
    var show = function () {
      var box = document.getElementById("root") || document.body;
      box.innerHTML =
        '<div role="alert" style="padding:16px;font:14px/1.6 \'Microsoft YaHei\',sans-serif;color:#a4262c">' +
        "本程序使用的网页内核版本过旧(如旧版 Internet Explorer 内核),考核计分助手无法在其中运行。<br>" +
        "Excel:请升级到 Windows 10 1903 及以上的 Office 2019/2021 或 Microsoft 365;WPS:请升级到 WPS 2019 或更新版本。" +
        "也可以改用预览页(preview.html)或命令行 kaohe。" +
        "</div>";
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
    else show();
  }
})();
