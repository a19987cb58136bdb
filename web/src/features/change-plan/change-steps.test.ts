import type { QuoteError, QuoteResult } from '@planshift/shared/quote';
import { describe, expect, it } from 'vitest';
import { CHANGE_STEPS, problemsOf, stepOf, stepStates, stepsFor } from './change-steps';

const problem = (field: string | null): QuoteError =>
  field === null
    ? { reason: 'renewal_due', periodEnd: 0, field: null }
    : { reason: 'below_min_quantity', min: 10, requested: 9, field };
const failing = (...fields: (string | null)[]): QuoteResult => ({ ok: false, errors: fields.map(problem) });
const fine = { ok: true } as unknown as QuoteResult;

describe('the steps of the change flow', () => {
  it('skip the seats for a flat-price plan', () => {
    expect(stepsFor({ pricing: 'flat' })).toEqual(['plan', 'add-ons', 'review']);
    expect(stepsFor({ pricing: 'per_seat' })).toEqual(CHANGE_STEPS);
  });

  it('give each problem to the step that fixes it', () => {
    expect(stepOf(problem('planId'))).toBe('plan');
    expect(stepOf(problem('interval'))).toBe('plan');
    expect(stepOf(problem('quantity'))).toBe('seats');
    expect(stepOf(problem('addOns.1.quantity'))).toBe('add-ons');
    expect(stepOf(problem(null))).toBeNull();
    expect(problemsOf(failing('quantity', 'addOns.0.addOnId'), 'seats')).toHaveLength(1);
  });

  it('never show a step with a problem as done, and lock the steps past it (9 seats where 10 are needed)', () => {
    const states = stepStates(CHANGE_STEPS, 'add-ons', failing('quantity'));
    expect([...states]).toEqual([
      ['plan', 'done'],
      ['seats', 'problem'],
      ['add-ons', 'current'],
      ['review', 'locked'],
    ]);
  });

  it('mark the steps behind as done and those ahead as reachable when all is well', () => {
    expect([...stepStates(CHANGE_STEPS, 'seats', fine)]).toEqual([
      ['plan', 'done'],
      ['seats', 'current'],
      ['add-ons', 'ahead'],
      ['review', 'ahead'],
    ]);
  });
});
