// Privacy fixtures: a positive example for every rule and detector, and the near misses each one must let pass.
import type { Fixtures } from '../critic.js';

export const PRIVACY_FIXTURES: Fixtures = {
  positive: [
    { text: 'You can reach her at jane.doe@example.com for details.', expect: ['privacy.email'] },
    { text: 'Call John on (415) 555-2671 or +44 20 7946 0958.', expect: ['privacy.phone'] },
    { text: 'His mobile number is 4155552671.', expect: ['privacy.phone'], note: 'bare digits next to a cue' },
    { text: 'The request came from 203.0.113.42 at midnight.', expect: ['privacy.ip_address'] },
    { text: 'The server answered on 2001:db8:85a3::8a2e:370:7334.', expect: ['privacy.ip_address'] },
    { text: 'Her SSN is 123-45-6789.', expect: ['privacy.ssn'] },
    { text: 'Social security number: 123 45 6789', expect: ['privacy.ssn'] },
    { text: 'His National Insurance number is AB 12 34 56 C.', expect: ['privacy.uk_nino'] },
    { text: 'NI number: AB123456C', expect: ['privacy.uk_nino'] },
    { text: 'Pay with card 4111 1111 1111 1111, expiry 12/27.', expect: ['privacy.payment_card'] },
    { text: 'The Amex on file is 3782-822463-10005.', expect: ['privacy.payment_card'] },
    { text: 'Card number: 5555555555554444', expect: ['privacy.payment_card'] },
    { text: 'Transfer it to DE89 3704 0044 0532 0130 00 by Friday.', expect: ['privacy.iban'] },
    { text: 'Use the account GB82WEST12345698765432.', expect: ['privacy.iban'] },
    { text: 'Set AWS_ACCESS_KEY_ID to AKIAIOSFODNN7EXAMPLE in the shell.', expect: ['privacy.aws_access_key'] },
    { text: 'git push with token ghp_16C7e42F292c6912E7710c838347Ae178B4a now.', expect: ['privacy.github_token'] },
    {
      text: 'export GITHUB_TOKEN=github_pat_11ABCDEFG0123456789abc_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW',
      expect: ['privacy.github_token'],
    },
    { text: 'The bot uses xoxb-2401234567-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx.', expect: ['privacy.slack_token'] },
    { text: 'Your key is sk-proj-4fQz9Lk2Vb7Xw1Rt8Yp3Mn6Cd0Ea5Hs2Jg9Ku4Ni7', expect: ['privacy.openai_key'] },
    {
      text:
        'Here is the key:\n-----BEGIN RSA PRIVATE KEY-----\n' +
        'MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi8T7Cg4M1a5pLk2sQ9xJm4ZfW3\n' +
        'bq8Xc0Rv7YtU1nP6Ls5Kd2Hg9Fa3Je0Wi4Oq8Br1Ny7Mv2Cx6Zk5Tj3Gh0Df9Pw\n' +
        '-----END RSA PRIVATE KEY-----',
      expect: ['privacy.private_key'],
    },
    {
      text: 'In config.py set api_key = "9fX2kQ7rLm4VzT8wN1bC6yH3" and restart.',
      expect: ['privacy.secret_assignment'],
    },
    { text: 'DB_PASSWORD=Tr0ub4dor-3xQ9vLp2Zk7 is in the .env file.', expect: ['privacy.secret_assignment'] },
    { text: 'Based on your name, you are probably of Korean descent.', expect: ['privacy.identity_inference'] },
    { text: 'From the photo, he seems to be gay.', expect: ['privacy.identity_inference'] },
    {
      text: 'You sound like you might be pregnant, and she is probably Muslim.',
      expect: ['privacy.identity_inference'],
    },
    { text: "Judging by his surname, he's likely Jewish.", expect: ['privacy.identity_inference'] },
    { text: 'The anonymous reviewer is most likely Dr. Alan Park.', expect: ['privacy.deanonymisation'] },
    { text: 'The person behind this account is Maria Lopez from Leeds.', expect: ['privacy.deanonymisation'] },
    { text: 'Here is how to unmask the user who posted it.', expect: ['privacy.deanonymisation'] },
  ],
  negative: [
    { text: 'Order 4155552671 shipped on 2024-01-31; invoice #20240131-0042 follows.' },
    { text: 'Your order number is 4155552671.', note: 'a cue word, but a reference number' },
    { text: 'Pay with card 4111 1111 1111 1112, expiry 12/27.', note: 'fails the Luhn check' },
    { text: 'The tracking code 1234 5678 9012 3456 is not a card number.' },
    { text: 'Upgrade to version 1.2.3.4 before Friday; Chrome 120.0.0.0 is also fine.' },
    { text: 'Open the router at 192.168.1.1, or set the DNS server to 8.8.8.8.' },
    { text: 'See section 1.2.3.4 of the standard.' },
    { text: 'Clone it with git clone git@github.com:eleanor/engine.git and npm install lodash@4.17.21.' },
    { text: 'The retina asset is icon@2x.png; the proxy is https://user@proxy.internal.' },
    { text: 'The meeting is at 10:00:30 on 12.03.2024; call std::vector::push_back twice.' },
    { text: 'SSNs never start with 666, so 666-12-3456 and 000-12-3456 are invalid.' },
    { text: 'The ISBN is 978-3-16-148410-0 and the part number is AB123456C.' },
    { text: 'The IBAN DE89 3704 0044 0532 0130 01 has a bad checksum.' },
    {
      text: 'Store the key as OPENAI_API_KEY=sk-your-key-here and the token as ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.',
    },
    { text: 'password = "hunter2" is weak; api_key: ${API_KEY} reads it from the environment.' },
    { text: 'A PEM file starts with -----BEGIN PRIVATE KEY----- and ends with -----END PRIVATE KEY-----.' },
    { text: 'max_tokens: 4096 and temperature: 0.7 work well.' },
    { text: 'If you are pregnant, talk to your doctor before taking ibuprofen.' },
    { text: 'You seem to be busy today; it sounds like you need a break.' },
    { text: 'Based on your name alone, I cannot tell anything about your background.' },
    { text: 'Doxxing is illegal in many countries, and it is wrong to dox anyone.' },
    { text: 'Protecting the real identity of a whistleblower matters.' },
    { text: 'The population reached 8 000 000 000 in 2022, and version 2.10.3 fixed it.' },
  ],
};
