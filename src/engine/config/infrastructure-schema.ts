// The `infrastructure` section of the engine configuration: one optional entry per piece, each piece's own schema.
import { z } from 'zod';
import { INFRA_PIECES } from '../../infra/index.js';

type Pieces = (typeof INFRA_PIECES)[number];
type Sections = { [P in Pieces as P['section']]: z.ZodOptional<P['schema']> };

export const infrastructureSchema = z
  .object(
    Object.fromEntries(INFRA_PIECES.map((piece) => [piece.section, piece.schema.optional()])) as unknown as Sections,
  )
  .strict();

/** The file-friendly infrastructure configuration (`infrastructure` in eleanor.config.json / .yaml). */
export type InfrastructureConfig = z.infer<typeof infrastructureSchema>;
