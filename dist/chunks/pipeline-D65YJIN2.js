import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-RJ7H3Q3A.js";
import "./chunk-ELOHFYSS.js";
import "./chunk-OKJEGO2J.js";
import "./chunk-QS2U5M3L.js";
import "./chunk-T4QEYBET.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
