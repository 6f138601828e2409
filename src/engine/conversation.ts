// A chat conversation as one evaluation's input: the latest user or tool turn, after the recent ones before it.
import { EleanorError } from '../core/index.js';

/** One message in OpenAI's Chat Completions shape (text parts only are read). */
export interface ChatMessage {
  readonly role: string;
  readonly content?: string | ReadonlyArray<{ readonly type?: string; readonly text?: string }> | null;
  readonly name?: string;
}

/** What `engine.guard` governs: a conversation, answered by the evaluation's `generate`. */
export interface GuardRequest {
  readonly messages: readonly ChatMessage[];
  readonly traceId?: string;
  readonly context?: Record<string, unknown>;
}

/** The input critics read at most this much of the turns before the latest one. */
export const EARLIER_TURNS_CHARS = 2_000;
/** … and at most this many of them. */
export const EARLIER_TURNS_MAX = 3;
/** The system prompt is kept in the context up to this length. */
const SYSTEM_CHARS = 2_000;

const READ_ROLES = new Set(['user', 'tool', 'function']);
const CONTEXT_ROLES = new Set(['system', 'developer']);
const KNOWN_ROLES = new Set([...READ_ROLES, ...CONTEXT_ROLES, 'assistant']);

function invalid(path: string, expected: string, got: unknown): never {
  const shown = got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got;
  throw new EleanorError('INVALID_INPUT', `${path}: expected ${expected}, got ${shown}`, { path });
}

function textOf(message: ChatMessage, path: string): string {
  const content: unknown = message.content;
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return invalid(`${path}.content`, 'a string or an array of content parts', content);
  const parts = content as ReadonlyArray<{ readonly type?: string; readonly text?: string } | null>;
  return parts
    .map((part, i) => {
      if (typeof part !== 'object' || part === null) invalid(`${path}.content[${i}]`, 'a content part object', part);
      return part.type === 'text' || (part.type === undefined && typeof part.text === 'string')
        ? (part.text ?? '')
        : '';
    })
    .join('\n');
}

/**
 * The evaluation input for a conversation: `inputText` is the latest user (or tool) turn, preceded by up to three
 * earlier user or tool turns (at most 2,000 characters of them, newest kept), so an attack split over turns is read whole; the
 * system prompt is context, not input. Assistant turns are not read.
 */
export function conversationInput(request: GuardRequest): { inputText: string; context: Record<string, unknown> } {
  const given: unknown = request.messages;
  if (!Array.isArray(given) || given.length === 0) invalid('messages', 'a non-empty array of messages', given);
  const messages = given as readonly (ChatMessage | null)[];
  const read: string[] = [];
  const system: string[] = [];
  messages.forEach((message, i) => {
    const path = `messages[${i}]`;
    if (typeof message !== 'object' || message === null) return invalid(path, 'a message object', message);
    if (typeof message.role !== 'string' || !KNOWN_ROLES.has(message.role)) {
      throw new EleanorError(
        'INVALID_INPUT',
        `${path}.role: expected one of ${[...KNOWN_ROLES].join(', ')}, got ${JSON.stringify(message.role)}`,
        { path: `${path}.role` },
      );
    }
    const text = textOf(message, path);
    if (READ_ROLES.has(message.role) && text !== '') read.push(text);
    else if (CONTEXT_ROLES.has(message.role) && text !== '') system.push(text);
  });
  const latestUser = [...messages].reverse().find((m) => m?.role === 'user');
  if (latestUser === undefined) invalid('messages', 'at least one message with role "user"', messages);
  const latest = read.pop() ?? '';
  const earlier: string[] = [];
  let budget = EARLIER_TURNS_CHARS;
  for (let i = read.length - 1; i >= 0 && earlier.length < EARLIER_TURNS_MAX && budget > 0; i--) {
    const turn = read[i]!.length > budget ? read[i]!.slice(-budget) : read[i]!;
    earlier.unshift(turn);
    budget -= turn.length;
  }
  const systemText = system.join('\n\n');
  return {
    inputText: [...earlier, latest].join('\n\n'),
    context: {
      ...request.context,
      conversation: {
        messages: messages.length,
        earlierTurnsRead: earlier.length,
        ...(systemText !== '' && { system: systemText.slice(0, SYSTEM_CHARS) }),
      },
    },
  };
}
