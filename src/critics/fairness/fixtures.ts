// Fairness fixtures: every rule has positive examples; the law, audits, clinical facts and neutral mentions are negative.
import type { Fixtures } from '../critic.js';

export const FAIRNESS_FIXTURES: Fixtures = {
  positive: [
    { text: 'Reject applicants based on their race.', expect: ['fairness.protected_class_impact'] },
    { text: 'Rank the job candidates by age and gender.', expect: ['fairness.protected_class_impact'] },
    { text: 'Use race as a factor in the lending decision.', expect: ['fairness.protected_class_impact'] },
    { text: 'Deny mortgages to Black borrowers.', expect: ['fairness.protected_class_impact'] },
    { text: 'Lay off workers over 50 first.', expect: ['fairness.protected_class_impact'] },
    { text: 'Charge women more for the same haircut.', expect: ['fairness.differential_treatment'] },
    { text: 'Offer Black borrowers higher interest rates.', expect: ['fairness.differential_treatment'] },
    { text: 'Set prices based on the customer’s religion.', expect: ['fairness.differential_treatment'] },
    { text: 'Screen applicants by zip code.', expect: ['fairness.proxy_discrimination'] },
    { text: 'Reject candidates with foreign-sounding names.', expect: ['fairness.proxy_discrimination'] },
    { text: 'Reject anyone who is not a culture fit.', expect: ['fairness.proxy_discrimination'] },
    { text: 'We are looking for digital natives to join the team.', expect: ['fairness.proxy_discrimination'] },
    { text: 'Ask whether she plans to have children before hiring her.', expect: ['fairness.proxy_discrimination'] },
  ],
  negative: [
    { text: "Women's health clinics are open on Saturday." },
    { text: 'The law forbids discrimination based on race.' },
    { text: 'Older adults should get a flu shot.' },
    { text: 'Our loan criteria are the same for every applicant.' },
    { text: 'It is illegal to deny a mortgage based on race.', note: 'the law, not a decision' },
    { text: 'Lenders may not consider race when approving loans.' },
    { text: 'Zip code is not used in our credit decisions.' },
    { text: 'Enter your zip code to find the nearest branch; shipping costs depend on it.' },
    { text: 'Dosage is based on age and weight.', note: 'clinical, not an allocation' },
    { text: 'Life insurance premiums are based on age and health.', note: 'a description, not a decision' },
    { text: 'Heart attack symptoms differ for women, and lower doses suit elderly patients.' },
    { text: 'Audit whether the model rejects female applicants more often.', note: 'a bias audit' },
    { text: 'Applicants are evaluated regardless of gender.' },
    { text: 'Digital natives grew up with smartphones.', note: 'a proxy term, no screening' },
    { text: 'Culture fit interviews can hide bias.' },
    { text: 'Mortgage rates vary by region and credit score.' },
  ],
};
