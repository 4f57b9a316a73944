import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-LHGFHRWZ.js";
import "./chunk-YLMQFC2Q.js";
import "./chunk-SVZWPUGU.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
