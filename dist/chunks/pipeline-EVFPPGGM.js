import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-HK6HYPFU.js";
import "./chunk-UI5ALF2D.js";
import "./chunk-CYEO3Y4K.js";
import "./chunk-VVC7TDTM.js";
import "./chunk-T4QEYBET.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
