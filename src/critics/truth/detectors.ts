// The truth critic's citation detectors: impossible DOIs, works dated after the reference year or before journals.
import type { CriticInput, Violation } from '../../core/index.js';
import { MAX_VIOLATIONS_PER_RULE, type Detector } from '../rule-critic.js';
import type { Token } from '../text/tokens.js';
import { CITATION_REGEXES, FIRST_JOURNAL_YEAR, scanCitations, citationViolation } from './citations.js';

/** The year a text is judged against: `context.now` (Date, epoch ms or ISO string) when valid, else the clock. */
export function referenceYear(context: Readonly<Record<string, unknown>>, now: () => Date): number {
  const raw = context['now'];
  const date = raw instanceof Date ? raw : typeof raw === 'number' || typeof raw === 'string' ? new Date(raw) : null;
  const year = date?.getUTCFullYear() ?? Number.NaN;
  return Number.isFinite(year) ? year : now().getUTCFullYear();
}

/** The three citation detectors; `now` is read only when the input's context has no valid `now`. */
export function createCitationDetectors(now: () => Date): Detector[] {
  return [
    {
      id: 'truth.invalid_doi',
      target: 'response',
      regexes: CITATION_REGEXES,
      detect: (text, tokens) => [...scanCitations(text, tokens).invalidDois],
    },
    {
      id: 'truth.future_citation',
      target: 'response',
      regexes: CITATION_REGEXES,
      detect(text: string, tokens: readonly Token[], input: CriticInput): Violation[] {
        const year = referenceYear(input.context, now);
        return scanCitations(text, tokens)
          .years.filter((c) => c.year > year)
          .slice(0, MAX_VIOLATIONS_PER_RULE)
          .map((c) =>
            citationViolation('truth.future_citation', `cites a work dated ${c.year}, after ${year}`, 2, text, c),
          );
      },
    },
    {
      id: 'truth.implausible_citation',
      target: 'response',
      regexes: CITATION_REGEXES,
      detect(text: string, tokens: readonly Token[]): Violation[] {
        const { years, implausibleNumbers } = scanCitations(text, tokens);
        const early = years
          .filter((c) => c.year < FIRST_JOURNAL_YEAR)
          .slice(0, MAX_VIOLATIONS_PER_RULE)
          .map((c) =>
            citationViolation(
              'truth.implausible_citation',
              `cites a work dated ${c.year}, before any journal`,
              1.5,
              text,
              c,
            ),
          );
        return [...early, ...implausibleNumbers];
      },
    },
  ];
}
