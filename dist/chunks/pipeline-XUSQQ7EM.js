import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-7ORF5UIP.js";
import "./chunk-HOX2SNVH.js";
import "./chunk-SOMP4Y6R.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
