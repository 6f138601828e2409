// The model adapter interface: produces the model's response when the caller did not give one.

/** What an adapter is asked to answer. */
export interface ModelRequest {
  /** What the user asked. */
  readonly inputText: string;
  readonly context: Readonly<Record<string, unknown>>;
  readonly traceId: string;
}

export interface GenerateOptions {
  /** The evaluation's signal: aborting it must end the generation (and any HTTP request) with a rejection. */
  readonly signal: AbortSignal;
}

/**
 * Every adapter passes the conformance suite in `model-adapter.conformance.ts`: it returns a string, rejects at once
 * for an already-aborted signal (with the signal's reason) and promptly when the signal is aborted mid-generation,
 * leaves no listener on the signal, and never mutates the request.
 */
export interface ModelAdapter {
  /** e.g. 'static', 'function', 'openai:gpt-4o-mini' (recorded with the evaluation). */
  readonly name: string;
  generate(request: ModelRequest, opts: GenerateOptions): Promise<string>;
}
