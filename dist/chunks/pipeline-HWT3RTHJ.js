import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-CBOGXRTG.js";
import "./chunk-T33CZHQ3.js";
import "./chunk-TRNSBTO5.js";
import "./chunk-I2SHB5ML.js";
import "./chunk-T4QEYBET.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
