import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  codeownersState,
  expectedCodeowners,
  writeCodeowners
} from "./chunk-BM3PRLQD.js";
import "./chunk-ELOHFYSS.js";
import "./chunk-QS2U5M3L.js";
import "./chunk-T4QEYBET.js";
export {
  codeownersState,
  expectedCodeowners,
  writeCodeowners
};
