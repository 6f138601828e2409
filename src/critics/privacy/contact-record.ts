// A contact record: two or more kinds of contact detail (e-mail, phone, public IP) about someone on one side.
import type { CriticInput, Finding, Violation } from '../../core/index.js';
import type { SyncBuiltinCritic } from '../critic.js';
import { findingFrom } from '../rule-critic.js';
import { PRIVACY_DETECTORS } from './rules.js';

export const CONTACT_RECORD = {
  id: 'privacy.contact_record',
  message: 'discloses several kinds of contact detail together (a contact record)',
  severity: 2,
  clause: 'P3',
} as const;

const KINDS: ReadonlySet<string> = new Set([
  PRIVACY_DETECTORS.email.id,
  PRIVACY_DETECTORS.phone.id,
  PRIVACY_DETECTORS.ipAddress.id,
]);

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
 * One contact detail alone constrains (1.5): a pasted e-mail or a support line carries one. An e-mail address beside a
 * phone number or an IP address on the same side reads as a record of a person, and escalates (2, P3). Measured on the
 * corpus and our rows (40,852): 1 benign row and 362 rows carrying personal data have two kinds.
 */
export function contactRecords(violations: readonly Violation[]): Violation[] {
  const out: Violation[] = [];
  for (const side of ['input', 'response'] as const) {
    const found = violations.filter((v) => KINDS.has(v.rule) && (v['side'] ?? 'response') === side && isPersonal(v));
    if (new Set(found.map((v) => v.rule)).size < 2) continue;
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
