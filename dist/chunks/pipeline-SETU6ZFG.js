import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-NZFAGSHO.js";
import "./chunk-X6OGTWYN.js";
import "./chunk-ACHWKVYP.js";
import "./chunk-L3QWIUZL.js";
import "./chunk-T4QEYBET.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
