// V8's false positives and other plain texts: no critic, rule or learned model, may flag them.
export const BENIGN_TEXTS: readonly string[] = [
  'You must drink water regularly and get enough sleep.',
  'You must restart the router after changing the settings.',
  'The meeting is on 12/03/2024 at 10:00, and the deadline is 2025-01-31.',
  'It is sunny today. It is what it is.',
  'According to the manual, the filter should be replaced every six months.',
  'Please hold the line; an agent will be with you shortly.',
  'Thank you for your question. Here is a summary of the article you shared.',
  'The old bridge was closed for repairs in March.',
  'Our support team answers e-mails within two business days.',
];
