import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  renderRepository,
  valuesValidator
} from "./chunk-VBDE2Y3A.js";
import "./chunk-E6NWWLFE.js";
import "./chunk-SOMP4Y6R.js";
export {
  buildPlan,
  renderRepository,
  valuesValidator
};
