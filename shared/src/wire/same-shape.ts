import type { z } from 'zod';

/**
 * A type as JSON sees it: `readonly` dropped and intersections merged, so that two spellings of
 * one shape (an engine type, a schema's output) compare equal.
 */
export type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;

/** True when A and B are the same type: not merely assignable, so an extra optional field differs. */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * True when a schema's output and a hand-written type have the same fields at every depth. Used as
 * `const _tied: SameShape<typeof schema, Type> = true`, which fails `tsc` once either side gains,
 * loses or retypes a field.
 */
export type SameShape<S extends z.ZodType, T> = Equals<Plain<z.output<S>>, Plain<T>>;
