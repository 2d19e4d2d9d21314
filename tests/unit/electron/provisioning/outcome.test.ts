import { describe, expect, it } from 'vitest';
import { entraOutcome } from '../../../../electron/provisioning/outcome.js';

describe('entraOutcome (entra-behavior.md §4)', () => {
  it('maps successful writes to their Action', () => {
    expect(entraOutcome('create', 201)).toEqual({ action: 'Create', status: 'Success', errorCode: null });
    expect(entraOutcome('disable', 200)).toEqual({ action: 'Disable', status: 'Success', errorCode: null });
    expect(entraOutcome('delete', 204)).toEqual({ action: 'Delete', status: 'Success', errorCode: null });
  });

  it('calls a write that changed nothing Other', () => {
    expect(entraOutcome('update', 200, undefined, false)).toEqual({ action: 'Other', status: 'Success', errorCode: null });
  });

  it('gives each failure the code Entra logs', () => {
    expect(entraOutcome('create', 409).errorCode).toBe('EntryConflict');
    expect(entraOutcome('match', 401).errorCode).toBe('Unauthorized');
    expect(entraOutcome('read', 404).errorCode).toBe('InvalidAnchor');
    expect(entraOutcome('match', 404).errorCode).toBe('SystemForCrossDomainIdentityManagementServiceIncompatible');
    expect(entraOutcome('update', 400).errorCode).toBe('SystemForCrossDomainIdentityManagementBadRequest');
    expect(entraOutcome('create', 429).errorCode).toBe('TooManyRequests');
    expect(entraOutcome('create', 503).errorCode).toBe('InternalServerError');
    expect(entraOutcome('update', 499).errorCode).toBe('Timeout');
    expect(entraOutcome('create', 500).status).toBe('Failure');
  });

  it('fails a match that finds several objects even with HTTP 200 (DuplicateTargetEntries)', () => {
    expect(entraOutcome('match', 200, 2)).toEqual({ action: 'Other', status: 'Failure', errorCode: 'DuplicateTargetEntries' });
    expect(entraOutcome('match', 200, 1).status).toBe('Success');
  });
});
