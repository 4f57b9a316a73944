import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  codeownersState,
  expectedCodeowners,
  writeCodeowners
} from "./chunk-2JEQF4TG.js";
import "./chunk-T33CZHQ3.js";
import "./chunk-I2SHB5ML.js";
import "./chunk-T4QEYBET.js";
export {
  codeownersState,
  expectedCodeowners,
  writeCodeowners
};
