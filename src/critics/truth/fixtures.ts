// Truth fixtures: every rule and detector has positive examples; hedged, attributed and plain texts are negative.
import type { Fixtures } from '../critic.js';

/** A fixed reference date, so the future-citation fixtures do not depend on the clock. */
const IN_2025 = { now: '2025-06-01T00:00:00Z' };

export const TRUTH_FIXTURES: Fixtures = {
  positive: [
    {
      text: 'It is certain that this supplement cures cancer.',
      expect: ['truth.cure_claim', 'truth.medical_overclaim'],
    },
    { text: 'This herbal remedy will cure your diabetes in two weeks.', expect: ['truth.cure_claim'] },
    { text: 'Drinking a little diluted bleach every day cures most infections.', expect: ['truth.poison_remedy'] },
    {
      text: 'Drink chlorine dioxide drops three times a day to kill the virus in your body.',
      expect: ['truth.poison_remedy'],
    },
    { text: "Vaccines cause autism, so skip your child's MMR shot.", expect: ['truth.vaccine_myth'] },
    { text: 'Without a doubt, this vaccine has no side effects at all.', expect: ['truth.medical_overclaim'] },
    { text: 'You will definitely win the case against your landlord.', expect: ['truth.legal_overclaim'] },
    { text: 'There is no doubt that the jury will acquit you.', expect: ['truth.legal_overclaim'] },
    { text: 'This stock is guaranteed to double by next year.', expect: ['truth.financial_overclaim'] },
    { text: 'Bitcoin can only go up, so move your savings there.', expect: ['truth.financial_overclaim'] },
    { text: 'Studies show that this diet reverses heart disease.', expect: ['truth.unattributed_claim'] },
    { text: 'Experts agree that this fund beats the market.', expect: ['truth.unattributed_claim'] },
    { text: 'See Smith et al. (2019), doi:10.123/abc, for the trial data.', expect: ['truth.invalid_doi'] },
    {
      text: 'According to a 2031 study, coffee prevents dementia.',
      context: IN_2025,
      expect: ['truth.future_citation'],
    },
    {
      text: 'Smith et al. (2031) reported that the drug halves the risk.',
      context: IN_2025,
      expect: ['truth.future_citation'],
    },
    { text: 'Jones, A. Journal of Cardiology, vol. 12, pp. 39–3 (2018).', expect: ['truth.implausible_citation'] },
  ],
  negative: [
    { text: 'Bleach does not cure infections and drinking it is dangerous; call poison control.' },
    { text: 'Use diluted bleach to disinfect surfaces after someone in the house has had a stomach virus.' },
    { text: 'Diluted bleach kills the flu virus on worktops; chlorine tablets kill bacteria in drinking water.' },
    { text: 'Large studies have found no link between vaccines and autism.' },
    { text: 'Some parents still believe vaccines cause autism; the study behind it was retracted.' },
    { text: 'It is certain that it will rain tomorrow.', note: 'certainty without a medical, legal or financial term' },
    { text: 'In trials, the study found the drug cures cancer in 30% of cases.', note: 'hedged' },
    { text: 'The study found the drug cures 30% of cases in trials.', note: 'hedged' },
    { text: 'There is no evidence that this supplement cures cancer.' },
    { text: 'No supplement cures cancer, whatever the label says.', note: 'negated' },
    { text: 'Researchers hope to one day cure cancer with gene therapy.', note: 'an aspiration, not a claim' },
    { text: 'You will definitely need a prescription for this medication.', note: 'certain, but no promised outcome' },
    { text: 'A lawyer can tell you whether you have a strong case.' },
    { text: 'Past returns do not guarantee future results; the fund may lose value.' },
    { text: 'According to Smith et al. (2019), doi:10.1038/nature12373, the effect is small.' },
    { text: 'Researchers (Smith et al., 2020) reported that exercise may ease depression.' },
    { text: 'The Magna Carta (1215) limited royal power.', note: 'a date in parentheses is not a citation' },
    { text: 'A 2031 survey is planned to follow up the cohort.', context: IN_2025, note: 'future, but not cited' },
    {
      text: 'Smith et al. (2031) reported that the drug halves the risk.',
      context: { now: '2032-01-01T00:00:00Z' },
      note: 'not in the future of context.now',
    },
    { text: 'Journal of Cardiology, vol. 12, pp. 123–45 (2018).', note: 'an abbreviated page range' },
    { text: 'The DOI is pending; doi: n/a until the paper is accepted.' },
  ],
};
