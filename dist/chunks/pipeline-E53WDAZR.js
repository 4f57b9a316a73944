import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  renderRepository,
  valuesValidator
} from "./chunk-YFOJ4LC7.js";
import "./chunk-DIL6NXSN.js";
import "./chunk-NI723SFB.js";
export {
  buildPlan,
  renderRepository,
  valuesValidator
};
