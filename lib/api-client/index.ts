/** The browser's data layer: one fetch wrapper, one error class, one provider, key factories. */
export { ApiError, isOffline, isUnavailable } from './api-error';
export { send, settle, type ApiRequest } from './fetch';
export { rosterKeys, statsKeys } from './keys';
export { afterArrival } from './invalidate';
export { clockOffset, onApiSuccess } from './clock';
