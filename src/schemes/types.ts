/** The scheme types live in the engine (core/scheme.ts): templates are data the engine walks. */
export type * from "../core/scheme";
