import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  codeownersState,
  expectedCodeowners,
  writeCodeowners
} from "./chunk-ZZGYSGWP.js";
import "./chunk-LQMT6HBZ.js";
import "./chunk-W74KYZWL.js";
import "./chunk-T4QEYBET.js";
export {
  codeownersState,
  expectedCodeowners,
  writeCodeowners
};
