export {
  decideSalesRequest,
  SALES_REQUEST_WINDOW_SECONDS,
  SALES_REQUESTS_PER_WINDOW,
  type SalesRequestDecision,
  type SalesRequestFacts,
} from './repeat-requests';
export {
  type SalesPlan,
  type SalesPlanUnavailable,
  salesPlanAvailability,
  salesPlans,
  suggestedSeats,
} from './sales-plans';
export { type SalesRequestInput, salesRequestInputSchema } from './sales-request-schema';
