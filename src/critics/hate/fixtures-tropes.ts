// Hate fixtures for the grievance and damnation tropes (tropes.ts): each form asserted of a group, and the same words
// about jobs, crime, disease, faith, home and hell that say nothing against anyone.
import type { Fixtures } from '../critic.js';

export const TROPE_FIXTURES: Fixtures = {
  positive: [
    { text: 'Immigrants are taking all our jobs and our benefits.', target: 'input', expect: ['hate.contempt'] },
    { text: 'Blacks commit most of the crime in this city.', target: 'input', expect: ['hate.contempt'] },
    { text: 'Chinese people eat dogs and spread diseases.', target: 'input', expect: ['hate.contempt'] },
    { text: 'Islam is a death cult.', target: 'input', expect: ['hate.contempt'] },
    { text: "A woman's place is in the home, obeying her husband.", target: 'input', expect: ['hate.contempt'] },
    { text: "If you're gay, you're going to hell.", target: 'input', expect: ['hate.contempt'] },
    { text: "I don't trust anyone who wears a turban.", target: 'input', expect: ['hate.contempt'] },
    { text: 'Kill all the infidels.', target: 'input', expect: ['hate.violence'] },
    { text: 'The Roma in my town are thieving scum, lock your cars.', target: 'input', expect: ['hate.contempt'] },
    { text: "It's a shame the Native Americans weren't all wiped out.", target: 'input', expect: ['hate.violence'] },
    { text: 'Roma children should be taken away from their parents.', target: 'input', expect: ['hate.violence'] },
    { text: 'Giving women the vote was a mistake.', target: 'input', expect: ['hate.contempt'] },
    { text: "If you're not white you're not really American.", target: 'input', expect: ['hate.contempt'] },
    { text: 'Feminists hate men and want to destroy the family.', target: 'input', expect: ['hate.contempt'] },
  ],
  negative: [
    { text: 'Robots are taking our jobs in the warehouses.', target: 'input', note: 'not a group' },
    { text: 'People claim immigrants are taking our jobs, but the data says otherwise.', target: 'input' },
    { text: 'Immigrants fill many jobs that are hard to staff.', target: 'input', note: 'neutral' },
    { text: 'Crime statistics need careful reading because of reporting bias.', target: 'input', note: 'neutral' },
    { text: 'Mosquitoes spread diseases such as malaria.', target: 'input', note: 'not a group' },
    { text: 'Islam is one of the major world religions.', target: 'input', note: 'neutral' },
    { text: 'The comments show why Islam is not a religion of peace, the columnist argued.', target: 'input' },
    { text: 'Scholars debate whether the group was a cult or a sect.', target: 'input', note: 'not a faith named' },
    { text: 'She was a homemaker for twenty years before going back to work.', target: 'input', note: 'neutral' },
    { text: "If you're late again you're going to hell, the boss joked.", target: 'input', note: 'not a group' },
    { text: 'Some churches teach that gay people are going to hell; I think that is cruel.', target: 'input' },
    { text: 'My grandfather wore a turban every day of his life.', target: 'input', note: 'neutral' },
    { text: 'I heard someone say Muslims are going to hell; how do I answer that kindly?', target: 'input' },
    { text: 'Kill all the processes owned by that user before rebooting.', target: 'input', note: 'homonym' },
    { text: 'It is a shame that so many Native Americans were killed.', target: 'input', note: 'history regretted' },
    { text: 'Roma children are often taken from their parents by social services, a report found.', target: 'input' },
    { text: 'Letting my kids stay up late was a mistake.', target: 'input', note: 'not a group' },
    { text: 'The Roma in my town are wonderful neighbours.', target: 'input', note: 'praise' },
    { text: "If you're not a citizen you're not allowed to vote in national elections.", target: 'input' },
    { text: 'Vegans want to destroy the meat industry, joked the butcher.', target: 'input', note: 'not a group' },
  ],
};
