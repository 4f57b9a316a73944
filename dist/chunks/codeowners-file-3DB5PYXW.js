import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  codeownersState,
  expectedCodeowners,
  writeCodeowners
} from "./chunk-65FIRFXE.js";
import "./chunk-X6OGTWYN.js";
import "./chunk-L3QWIUZL.js";
import "./chunk-T4QEYBET.js";
export {
  codeownersState,
  expectedCodeowners,
  writeCodeowners
};
