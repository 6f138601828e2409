// The body of POST /v1/chat/completions (zod): what the proxy reads is checked; every other field goes upstream as is.
import { z } from 'zod';

const message = z
  .object({
    role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function'], {
      error: 'expected one of system, developer, user, assistant, tool, function',
    }),
    content: z
      .union([z.string(), z.array(z.object({ type: z.string() }).passthrough()), z.null()], {
        error: 'expected a string, an array of content parts, or null',
      })
      .optional(),
  })
  .passthrough();

export const chatRequestSchema = z
  .object({
    model: z.string({ error: 'expected the model name, a string' }).min(1),
    messages: z
      .array(message, { error: 'expected an array of messages' })
      .min(1, 'expected at least one message')
      .refine((messages) => messages.some((m) => m.role === 'user'), 'expected at least one message with role "user"'),
    stream: z.boolean({ error: 'expected true or false' }).optional(),
    n: z.literal(1, { error: 'expected 1: the proxy governs one choice per request' }).optional(),
  })
  .passthrough()
  .superRefine((body, ctx) => {
    if (body.stream === true && Array.isArray(body['tools']) && body['tools'].length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['tools'],
        message: 'a streamed answer with tools is not governed yet: send stream: false with tools',
      });
    }
  });
