import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  codeownersState,
  expectedCodeowners,
  writeCodeowners
} from "./chunk-OQD27GNA.js";
import "./chunk-6UJ77CIV.js";
import "./chunk-L3QWIUZL.js";
import "./chunk-T4QEYBET.js";
export {
  codeownersState,
  expectedCodeowners,
  writeCodeowners
};
