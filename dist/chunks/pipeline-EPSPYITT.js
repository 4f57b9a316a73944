import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  renderRepository,
  valuesValidator
} from "./chunk-BBNIW64M.js";
import "./chunk-OAN6ILPS.js";
import "./chunk-SVZWPUGU.js";
export {
  buildPlan,
  renderRepository,
  valuesValidator
};
