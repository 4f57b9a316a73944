import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  renderRepository,
  valuesValidator
} from "./chunk-MPGZ36IL.js";
import "./chunk-JMSFCSYP.js";
import "./chunk-NI723SFB.js";
export {
  buildPlan,
  renderRepository,
  valuesValidator
};
