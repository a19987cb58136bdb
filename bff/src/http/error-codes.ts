// One list of error codes for the BFF and the SPA: shared/src/api/error-codes.ts.
export { API_ERROR_CODES, type ApiErrorCode } from '@planshift/shared/api';
