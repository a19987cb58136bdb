import { z } from 'zod';

/**
 * An array schema whose output is a readonly array, as the engine hands out its lists: a view
 * typed by its schema then takes the engine's values as they are. The JSON is the same.
 */
export function readonlyArray<T extends z.ZodType>(
  array: z.ZodArray<T>,
): z.ZodType<readonly z.output<T>[], z.input<T>[]> {
  return array;
}

/** A readonly array of the item: the usual list of a view. */
export const readonlyArrayOf = <T extends z.ZodType>(item: T) => readonlyArray(z.array(item));
