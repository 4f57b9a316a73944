import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-QCTYGLY3.js";
import "./chunk-LQMT6HBZ.js";
import "./chunk-OM6F6VEY.js";
import "./chunk-W74KYZWL.js";
import "./chunk-T4QEYBET.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
