import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  renderRepository,
  valuesValidator
} from "./chunk-ARLQOD2M.js";
import "./chunk-VZZ6X3JC.js";
import "./chunk-SVZWPUGU.js";
export {
  buildPlan,
  renderRepository,
  valuesValidator
};
