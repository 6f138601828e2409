// Contact records: two kinds of personal detail on one side escalate; one kind, a listing or a role mailbox does not.
import { describe, expect, it } from 'vitest';
import { createPrivacyCritic } from './index.js';

const critic = createPrivacyCritic();
const evaluate = async (inputText: string, modelResponse = '') =>
  await critic.evaluate({ inputText, modelResponse, context: {}, traceId: 't' });
const rules = async (inputText: string, modelResponse = '') =>
  (await evaluate(inputText, modelResponse)).violations.map((v) => v.rule);

describe('privacy contact records', () => {
  it('escalates an e-mail address beside a phone number on the same side, at severity 2 under P3', async () => {
    const finding = await evaluate('Call Dana on (415) 555-2671 or e-mail dana.k@gmail.com about the flat.');
    const record = finding.violations.find((v) => v.rule === 'privacy.contact_record');
    expect(record).toMatchObject({ severity: 2, clause: 'P3', side: 'input' });
    expect(finding.severity).toBe(2);
  });

  it('also counts an e-mail address with a public IP address, in a response', async () => {
    expect(await rules('', 'Her login: jane.roe@outlook.com from 203.0.114.77 yesterday.')).toContain(
      'privacy.contact_record',
    );
  });

  it('counts a birth date, an identity number or a street address as a kind of personal detail', async () => {
    expect(await rules('Patient Maria Johnson (born 1993-02-24), contact number (415) 555-2671.')).toContain(
      'privacy.contact_record',
    );
    expect(await rules('', 'Passport MM8535192, home address 4 Elm Road, Leeds LS6 2AB.')).toContain(
      'privacy.contact_record',
    );
  });

  it('does not count a street address with a phone number alone: that is how a shop is listed', async () => {
    const found = await rules('', 'Visit our shop at 12 High Street, London SW1A 1AA, or call 020 7946 0123.');
    expect(found).toEqual(expect.arrayContaining(['privacy.street_address', 'privacy.phone']));
    expect(found).not.toContain('privacy.contact_record');
  });

  it('leaves one kind of contact detail at 1.5', async () => {
    const finding = await evaluate('Write to dana.k@gmail.com or to her sister at ana.k@gmail.com.');
    expect(finding.violations.map((v) => v.rule)).not.toContain('privacy.contact_record');
    // The rules' severity; the learned `privacy.model` judges the input's wording on its own and is tested elsewhere.
    const byRules = finding.violations.filter((v) => v.rule !== 'privacy.model');
    expect(byRules.map((v) => v.rule)).toEqual(['privacy.email', 'privacy.email']);
    expect(Math.max(...byRules.map((v) => v.severity))).toBe(1.5);
  });

  it("does not count a role mailbox as someone's personal data", async () => {
    expect(await rules('Contact support@acme.com or call (415) 555-2671.')).not.toContain('privacy.contact_record');
  });

  it('does not pair details found on different sides', async () => {
    expect(await rules('My number is (415) 555-2671.', 'Noted; write to dana.k@gmail.com.')).not.toContain(
      'privacy.contact_record',
    );
  });
});
