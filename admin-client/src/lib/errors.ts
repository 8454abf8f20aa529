export { errorCode, errorField, errorMessage, formError, type FormError } from '@portico/client-common';
