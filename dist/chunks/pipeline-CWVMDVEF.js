import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-WUKBA73Z.js";
import "./chunk-6AM3FN3L.js";
import "./chunk-SOMP4Y6R.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
