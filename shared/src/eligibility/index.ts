export {
  addOnAvailability,
  intervalAvailability,
  planAvailability,
  planQuantityRange,
  quantityAvailability,
} from './availability';
export { changeBlockers } from './change-blockers';
export {
  type AddOnOption,
  type ChangeOptions,
  changeOptions,
  type IntervalOption,
  type OptionSelection,
  type PlanOption,
} from './change-options';
export { changeBlockerSchema, changeOptionsSchema } from './eligibility-schema';
export type {
  AddOnUnavailable,
  Availability,
  ChangeBlocker,
  PlanUnavailable,
  QuantityUnavailable,
} from './reasons';
export { type ChangeRequest, type RequestProblem, validateRequest } from './validate-request';
