import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-FE3BAUMG.js";
import "./chunk-7R7IP2HT.js";
import "./chunk-MWP4ELI3.js";
import "./chunk-QF3H2HUG.js";
import "./chunk-T4QEYBET.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
