import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-XUIRXKPN.js";
import "./chunk-HOX2SNVH.js";
import "./chunk-SOMP4Y6R.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
