import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-5XG22SNW.js";
import "./chunk-HFHNA3NE.js";
import "./chunk-TPJ2NIKF.js";
import "./chunk-6QYW2XIL.js";
import "./chunk-T4QEYBET.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
