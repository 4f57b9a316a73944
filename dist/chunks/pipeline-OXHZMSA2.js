import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  renderRepository,
  valuesValidator
} from "./chunk-BTFTHDCL.js";
import "./chunk-YLMQFC2Q.js";
import "./chunk-SVZWPUGU.js";
export {
  buildPlan,
  renderRepository,
  valuesValidator
};
