import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-MOWLFU3H.js";
import "./chunk-JISTMJ7C.js";
import "./chunk-SOMP4Y6R.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
