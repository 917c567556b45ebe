/** Text similarity lives in the engine (core/text.ts); templates use it to be recognised. */
export * from "../core/text";
