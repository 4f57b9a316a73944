import { createRequire as __ifCreateRequire } from 'node:module'; const require = __ifCreateRequire(import.meta.url);
import {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
} from "./chunk-S5MSHGIY.js";
import "./chunk-VEAVCBDV.js";
import "./chunk-YRF63MWK.js";
import "./chunk-7DMIJNEK.js";
import "./chunk-VVC7TDTM.js";
import "./chunk-T4QEYBET.js";
export {
  buildPlan,
  listEnvironments,
  renderRepository,
  valuesValidator
};
