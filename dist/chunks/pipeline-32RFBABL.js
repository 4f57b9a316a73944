import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-PVVHZBN5.js";
import "./chunk-WQJPREUY.js";
import "./chunk-SVZWPUGU.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
