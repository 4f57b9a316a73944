import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  renderRepository,
  valuesValidator
} from "./chunk-WF62HSKE.js";
import "./chunk-DNHKOWEK.js";
import "./chunk-SVZWPUGU.js";
export {
  buildPlan,
  renderRepository,
  valuesValidator
};
