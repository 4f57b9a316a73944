import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  renderRepository,
  valuesValidator
} from "./chunk-PUOEMK7S.js";
import "./chunk-TKI75Z73.js";
import "./chunk-SVZWPUGU.js";
export {
  buildPlan,
  renderRepository,
  valuesValidator
};
