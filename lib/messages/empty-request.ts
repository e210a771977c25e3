import { z } from 'zod';

/** The request of a message that carries nothing: anything sent along is refused. */
export const emptyRequest = z.object({}).strict();
