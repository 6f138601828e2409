// Phone-number detector: candidates by shape, validated and checked for grouping by libphonenumber-js (max metadata).
import type * as PhoneLib from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import { lazyPackage } from '../../core/index.js';
import type { Violation } from '../../core/index.js';
import type { Detector } from '../rule-critic.js';
import { PHONE } from './patterns.js';
import { PRIVACY_DETECTORS } from './rules.js';
import {
  charIs,
  continuesNumber,
  countDigits,
  cueNear,
  isDigitCode,
  isWordCode,
  MAX_PER_DETECTOR,
  precededBy,
  REFERENCE_CUES,
  violation,
} from './scan.js';

/**
 * libphonenumber-js parses at most this many candidates per text (20–60 µs each, more while cold): the bound that
 * keeps a 100 KB response of numbers fast. A response with more phone-shaped numbers has its later ones unread.
 */
const MAX_PHONE_PARSES = 40;

/**
 * Next to one of these words a number that is no phone number of the default region is tried as one of these regions'
 * ("tel. 06 55 43 03 95" is a French mobile). Not "number" or "contact": "order number 06 45 21 94 25" is no phone.
 */
const STRONG_PHONE_CUES: readonly (readonly string[])[] =
  'call phone telephone tel mobile cell cellphone fax whatsapp landline'.split(' ').map((w) => [w]);
const OTHER_REGIONS: readonly CountryCode[] = ['GB', 'FR', 'DE', 'ES', 'IT', 'NL', 'IN', 'AU', 'BR', 'MX', 'JP', 'ZA'];

/** A number written as bare digits is a phone number only next to one of these. */
const PHONE_CUES: readonly (readonly string[])[] =
  'call phone telephone tel mobile cell cellphone fax whatsapp sms text dial ring reach contact number landline hotline'
    .split(' ')
    .map((w) => [w]);

interface DigitGroups {
  /** End offset (in the candidate) of each group of digits, and its length. */
  readonly ends: number[];
  readonly sizes: number[];
}

function digitGroups(candidate: string): DigitGroups {
  const groups: DigitGroups = { ends: [], sizes: [] };
  let run = 0;
  for (let i = 0; i <= candidate.length; i++) {
    if (i < candidate.length && isDigitCode(candidate.charCodeAt(i))) run++;
    else if (run > 0) {
      groups.ends.push(i);
      groups.sizes.push(run);
      run = 0;
    }
  }
  return groups;
}

/**
 * The lengths of the candidate's prefixes worth parsing, longest first: the whole, or without one or two trailing
 * groups ("call 415-555-2671 2 times"); 7–15 digits (E.164) and at most one one-digit group (a trunk or country
 * code: "+1 650 …"), so that counting ("1 2 3 4 5 6 7") is not read as a number.
 */
function phoneShapedPrefixes(candidate: string): number[] {
  const { ends, sizes } = digitGroups(candidate);
  const lengths: number[] = [];
  let digits = 0;
  let singles = 0;
  for (let g = 0; g < sizes.length; g++) {
    digits += sizes[g]!;
    if (sizes[g] === 1) singles++;
    if (singles > 1 || digits > 15) break;
    if (digits >= 7 && g >= sizes.length - 3) lengths.push(ends[g]!);
  }
  return lengths.reverse();
}

/** Where digit groups end, counted in digits from the end of the number (so prefixes and trunk codes do not matter). */
function boundariesFromEnd(s: string): Set<number> {
  const { ends } = digitGroups(s);
  const total = countDigits(s);
  const boundaries = new Set<number>();
  let digits = 0;
  let at = 0;
  for (const end of ends.slice(0, -1)) {
    digits += countDigits(s.slice(at, end));
    at = end;
    boundaries.add(total - digits);
  }
  return boundaries;
}

/**
 * The candidate is grouped the way the number is written (nationally or internationally), or not grouped at all:
 * "4 155 552 671 euros" is a valid NANP number by its digits, but no one writes a phone number that way.
 */
function groupedLikeAPhone(candidate: string, phone: PhoneNumber): boolean {
  const written = boundariesFromEnd(candidate);
  if (written.size === 0) return true;
  return [phone.formatNational(), phone.formatInternational()].some((format) => {
    const expected = boundariesFromEnd(format);
    return [...written].every((b) => expected.has(b));
  });
}

/**
 * A valid number of its region, or, written with its country code ("+44 7026 173540"), one of a possible length there:
 * a number given in international form is someone's whether or not its range is allocated yet (generated and mistyped
 * numbers are not).
 */
function isPhoneOf(candidate: string, phone: PhoneNumber): boolean {
  return phone.isValid() || (candidate.startsWith('+') && phone.isPossible());
}

/**
 * Candidates whose verdict is kept: libphonenumber's answer depends only on the candidate and the region, and the same
 * numbers (this year's dates, a hotline) recur within a text and across responses. Bounded: oldest verdict out first.
 */
const VERDICT_CACHE_SIZE = 512;

/** libphonenumber-js with its full metadata (~80 ms to load), loaded by the first candidate, not by `import 'eleanor'`. */
const phoneNumbers = lazyPackage<typeof PhoneLib>({
  name: 'libphonenumber-js/max',
  user: 'the privacy critic',
  code: 'CRITIC_ERROR',
});

export function createPhoneDetector(defaultCountry: CountryCode): Detector {
  /** Candidate → "valid and grouped like a phone number", for this region. */
  const verdicts = new Map<string, boolean>();
  /** Whether the candidate is a phone number of the default region, or with `anyRegion` of one of OTHER_REGIONS. */
  const isPhoneNumber = (candidate: string, anyRegion: boolean): boolean => {
    const key = anyRegion ? `*${candidate}` : candidate;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      const regions = anyRegion ? [defaultCountry, ...OTHER_REGIONS] : [defaultCountry];
      verdict = regions.some((region) => {
        const phone = phoneNumbers().parsePhoneNumberFromString(candidate, region);
        return phone !== undefined && isPhoneOf(candidate, phone) && groupedLikeAPhone(candidate, phone);
      });
      if (verdicts.size >= VERDICT_CACHE_SIZE) verdicts.delete(verdicts.keys().next().value!);
      verdicts.set(key, verdict);
    }
    return verdict;
  };
  return {
    id: PRIVACY_DETECTORS.phone.id,
    target: 'response',
    regexes: [PHONE],
    detect(text, tokens) {
      const out: Violation[] = [];
      let parses = 0;
      PHONE.lastIndex = 0;
      for (let m = PHONE.exec(text); m !== null; m = PHONE.exec(text)) {
        if (out.length >= MAX_PER_DETECTOR || parses >= MAX_PHONE_PARSES) break;
        const start = m.index;
        const before = text[start - 1];
        if (charIs(text, start - 1, isWordCode) || (before !== undefined && '#/.,-+$€£'.includes(before))) continue;
        const end = start + m[0].length;
        if (charIs(text, end, isWordCode) || continuesNumber(text, end)) continue;
        const prefixes = phoneShapedPrefixes(m[0]);
        if (prefixes.length === 0 || precededBy(tokens, start, REFERENCE_CUES)) continue;
        for (const length of prefixes) {
          if (parses >= MAX_PHONE_PARSES) break;
          const candidate = m[0].slice(0, length);
          const bare = countDigits(candidate) === length;
          if (bare && !cueNear(tokens, start, start + length, PHONE_CUES)) continue;
          // A remembered verdict counts as a parse: the bound decides which candidates are read, as without the cache.
          parses++;
          if (isPhoneNumber(candidate, cueNear(tokens, start, start + length, STRONG_PHONE_CUES))) {
            out.push(violation(PRIVACY_DETECTORS.phone, text, start, start + length));
            break;
          }
        }
      }
      PHONE.lastIndex = 0;
      return out;
    },
  };
}
