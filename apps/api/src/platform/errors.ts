/**
 * The errors services throw. Each maps to one `extensions.code` of
 * CONTRACT.md §2; the GraphQL formatter turns them into responses and masks
 * everything else.
 */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first: send Authorization: Bearer <token>.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role may not do this.') {
    super('FORBIDDEN', message);
  }
}

/** Invalid input; `field` names the input field (as the client spelled it). */
export class BadUserInputError extends AppError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { field });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, key: string | number) {
    super('NOT_FOUND', `${what} ${key} does not exist.`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}
