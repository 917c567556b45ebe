/** What Fluent needs from a browser that jsdom lacks; import first in every jsdom test of the pane. */
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
