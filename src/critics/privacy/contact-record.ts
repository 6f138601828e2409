// A personal record: two or more kinds of personal detail (e-mail, phone, IP, birth date, address…) on one side.
import type { CriticInput, Finding, Violation } from '../../core/index.js';
import type { SyncBuiltinCritic } from '../critic.js';
import { findingFrom } from '../rule-critic.js';
import { PERSONAL_RECORD_DETECTORS } from './personal-records.js';
import { PRIVACY_DETECTORS } from './rules.js';

export const CONTACT_RECORD = {
  id: 'privacy.contact_record',
  message: 'discloses several kinds of personal detail together (a contact record)',
  severity: 2,
  clause: 'P3',
} as const;

const KINDS: ReadonlySet<string> = new Set([
  PRIVACY_DETECTORS.email.id,
  PRIVACY_DETECTORS.phone.id,
  PRIVACY_DETECTORS.ipAddress.id,
  PERSONAL_RECORD_DETECTORS.dateOfBirth.id,
  PERSONAL_RECORD_DETECTORS.identityDocument.id,
  PERSONAL_RECORD_DETECTORS.streetAddress.id,
]);
/** A street address with a phone number and nothing else is how a shop or an office is listed, not a person. */
const LISTING: ReadonlySet<string> = new Set([PRIVACY_DETECTORS.phone.id, PERSONAL_RECORD_DETECTORS.streetAddress.id]);

function isRecord(kinds: ReadonlySet<string>): boolean {
  return kinds.size >= 2 && !(kinds.size === 2 && [...kinds].every((kind) => LISTING.has(kind)));
}

/**
 * Mailboxes of a role rather than a person ("support@", "info@"): a business's published contact details are not
 * someone's personal data, even beside its phone number.
 */
const ROLE_MAILBOX =
  /^(?:support|help|helpdesk|info|information|contact|contacts|sales|service|services|hello|team|office|admin|billing|accounts|press|media|marketing|careers|jobs|hr|privacy|security|abuse|legal|noreply|no-reply|donotreply|enquiries|inquiries|feedback|orders|webmaster|postmaster|customerservice|customercare)@/i;

function isPersonal(v: Violation): boolean {
  return v.rule !== PRIVACY_DETECTORS.email.id || !ROLE_MAILBOX.test(v.span?.text ?? '');
}

/**
 * One contact detail alone constrains (1.5): a pasted e-mail or a support line carries one. Two kinds on the same side
 * (an e-mail address beside a phone number, a birth date beside an address, …) read as a record of a person, and
 * escalate (2, P3); a street address with a phone number alone is a business listing. Measured on the corpus and our
 * rows (40,852), with e-mail, phone and IP only: 1 benign row and 362 rows carrying personal data have two kinds.
 */
export function contactRecords(violations: readonly Violation[]): Violation[] {
  const out: Violation[] = [];
  for (const side of ['input', 'response'] as const) {
    const found = violations.filter((v) => KINDS.has(v.rule) && (v['side'] ?? 'response') === side && isPersonal(v));
    if (!isRecord(new Set(found.map((v) => v.rule)))) continue;
    const first = found.reduce((a, b) => ((a.span?.start ?? 0) <= (b.span?.start ?? 0) ? a : b));
    out.push({
      rule: CONTACT_RECORD.id,
      message: CONTACT_RECORD.message,
      severity: CONTACT_RECORD.severity,
      clause: CONTACT_RECORD.clause,
      side,
      source: side,
      ...(first.span !== undefined && { span: first.span }),
    });
  }
  return out;
}

/** The privacy rule critic with contact records added to its finding. */
export function withContactRecords(critic: SyncBuiltinCritic): SyncBuiltinCritic {
  return {
    ...critic,
    ruleCount: critic.ruleCount + 1,
    ruleIds: [...critic.ruleIds, CONTACT_RECORD.id],
    evaluate(input: CriticInput): Finding {
      const finding = critic.evaluate(input);
      const records = contactRecords(finding.violations);
      if (records.length === 0) return finding;
      const violations = [...finding.violations, ...records];
      const combined = findingFrom(critic.principle, violations, (v) => `${v.rule}: ${v.message}`);
      return finding.escalation !== undefined && combined.escalation === undefined
        ? { ...finding, ...combined, escalation: finding.escalation }
        : { ...finding, ...combined };
    },
  };
}
