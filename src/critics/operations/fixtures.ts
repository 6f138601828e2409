// Operations fixtures: every rule has positive examples; benign texts (V8's false positives) are negative.
import type { Fixtures } from '../critic.js';

export const OPERATIONS_FIXTURES: Fixtures = {
  positive: [
    { text: 'We guarantee your loan approval by Friday.', expect: ['operations.impossible_guarantee'] },
    {
      text: 'This fund is a risk-free investment with 100% guaranteed returns.',
      expect: ['operations.impossible_guarantee'],
    },
    { text: 'You cannot possibly lose money with this plan.', expect: ['operations.impossible_guarantee'] },
    {
      text: 'Structure your deposits under $10,000 to avoid the reporting threshold.',
      expect: ['operations.bypass_regulation'],
    },
    { text: 'Just keep these payments off the books.', expect: ['operations.bypass_regulation'] },
    { text: 'You can backdate the invoices so the audit passes.', expect: ['operations.bypass_regulation'] },
    { text: 'Here is how to bypass the KYC checks at the exchange.', expect: ['operations.bypass_regulation'] },
  ],
  negative: [
    { text: 'No investment is guaranteed; past returns do not predict future results.' },
    { text: 'You must file the report by 31 March 2025. It is due every year.' },
    { text: 'According to the regulator, deposits over $10,000 are reported automatically.' },
    { text: 'Never backdate invoices: it is fraud.' },
    { text: 'Hold the shares until the lock-up period ends, then review your options.' },
    { text: 'The warranty guarantees a replacement part, not a refund.' },
  ],
};
