// Secret detectors: vendor tokens, PEM blocks and assignments, and the placeholders they let pass.
import { describe, expect, it } from 'vitest';
import type { Detector } from '../rule-critic.js';
import { tokenize } from '../text/tokens.js';
import { authHeaderDetector, isUrlPassword, slackWebhookDetector, urlCredentialsDetector } from './secrets-urls.js';
import {
  cloudflareTokenDetector,
  gitlabTokenDetector,
  googleApiKeyDetector,
  huggingfaceTokenDetector,
  jwtDetector,
  npmTokenDetector,
  sendgridKeyDetector,
  shopifyTokenDetector,
  stripeKeyDetector,
  twilioKeyDetector,
  vaultTokenDetector,
} from './secrets-vendors.js';
import {
  awsAccessKeyDetector,
  githubTokenDetector,
  isSecretName,
  isSecretValue,
  openaiKeyDetector,
  privateKeyDetector,
  secretAssignmentDetector,
  slackTokenDetector,
} from './secrets.js';
import { isProsePassword } from './secrets-prose.js';

function spans(detector: Detector, text: string): string[] {
  const input = { inputText: '', modelResponse: text, context: {}, traceId: 'detector-test' };
  return detector.detect(text, tokenize(text), input).map((v) => {
    expect(text.slice(v.span!.start, v.span!.end)).toBe(v.span!.text);
    return v.span!.text;
  });
}

const PEM_BODY =
  'MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi8T7Cg4M1a5pLk2sQ9xJm4ZfW3\n' +
  'bq8Xc0Rv7YtU1nP6Ls5Kd2Hg9Fa3Je0Wi4Oq8Br1Ny7Mv2Cx6Zk5Tj3Gh0Df9Pw\n';

describe('vendor token detectors', () => {
  it('report AWS, GitHub, Slack and sk- keys by their prefix', () => {
    expect(spans(awsAccessKeyDetector, 'id=AKIA4QWJ7ZP2MX6RN3TD;')).toEqual(['AKIA4QWJ7ZP2MX6RN3TD']);
    expect(spans(githubTokenDetector, 'token ghp_16C7e42F292c6912E7710c838347Ae178B4a.')).toEqual([
      'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
    ]);
    expect(spans(slackTokenDetector, 'xoxp-2401234567-1234567890-AbCdEf123456')).toEqual([
      'xoxp-2401234567-1234567890-AbCdEf123456',
    ]);
    expect(spans(openaiKeyDetector, '"sk-4fQz9Lk2Vb7Xw1Rt8Yp3Mn6Cd0Ea5Hs2"')).toEqual([
      'sk-4fQz9Lk2Vb7Xw1Rt8Yp3Mn6Cd0Ea5Hs2',
    ]);
  });

  it('let placeholders and look-alikes pass', () => {
    expect(spans(awsAccessKeyDetector, 'AKIAAAAAAAAAAAAAAAAA, XAKIA4QWJ7ZP2MX6RN3TD, AKIA4QWJ7ZP2MX6RN3T')).toEqual([]);
    // AWS's documented sample key ids end in EXAMPLE.
    expect(spans(awsAccessKeyDetector, 'AKIAIOSFODNN7EXAMPLE and AKIAI44QH8DHBEXAMPLE')).toEqual([]);
    expect(spans(githubTokenDetector, 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx and ghp_short123')).toEqual([]);
    expect(spans(slackTokenDetector, 'xoxb-your-token-here')).toEqual([]);
    expect(
      spans(openaiKeyDetector, 'sk-your-api-key-goes-here, sk-abc123abc123abc123abc123, task-12345678901234567890abc'),
    ).toEqual([]);
  });
});

describe('privateKeyDetector', () => {
  it('reports a PEM block from BEGIN to END', () => {
    const block = `-----BEGIN OPENSSH PRIVATE KEY-----\n${PEM_BODY}-----END OPENSSH PRIVATE KEY-----`;
    expect(spans(privateKeyDetector, `Key:\n${block}\nDone.`)).toEqual([block]);
  });

  it('reports a header followed by key material even without its END line', () => {
    const text = `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}(truncated)`;
    expect(spans(privateKeyDetector, text)).toEqual(['-----BEGIN PRIVATE KEY-----']);
  });

  it('lets format illustrations and public keys pass', () => {
    const text =
      'It starts with -----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY----- and ' +
      `-----BEGIN PUBLIC KEY-----\n${PEM_BODY}-----END PUBLIC KEY-----`;
    expect(spans(privateKeyDetector, text)).toEqual([]);
  });
});

describe('secretAssignmentDetector', () => {
  it('reports the high-entropy value assigned to a secret-sounding name', () => {
    const text =
      'DB_PASSWORD=Tr0ub4dor-3xQ9vLp2Zk7\n"clientSecret": "f3Kq9ZpL2vX8mN4tR7wB", url?api_key=9fX2kQ7rLm4VzT8wN1bC&x=1';
    expect(spans(secretAssignmentDetector, text)).toEqual([
      'Tr0ub4dor-3xQ9vLp2Zk7',
      'f3Kq9ZpL2vX8mN4tR7wB',
      '9fX2kQ7rLm4VzT8wN1bC',
    ]);
  });

  it('lets weak values, references, placeholders and other names pass', () => {
    const text =
      'password=hunter2 token: ${GITHUB_TOKEN} secret = process.env.SECRET_KEY api_key: "your-api-key-1234" ' +
      'apiKey = getKey(cfg1) max_tokens: 40960000000 checksum=9fX2kQ7rLm4VzT8wN1bC pwd=aaaaaaaaaaaa1';
    expect(spans(secretAssignmentDetector, text)).toEqual([]);
  });

  it('leaves vendor keys to their own detectors', () => {
    expect(spans(secretAssignmentDetector, 'OPENAI_API_KEY=sk-4fQz9Lk2Vb7Xw1Rt8Yp3Mn6Cd0Ea5Hs2')).toEqual([]);
  });

  it('recognises secret names and values', () => {
    expect(['DB_PASSWORD', 'apiKey', 'client-secret', 'aws.secret_access_key'].every(isSecretName)).toBe(true);
    expect(['max_tokens', 'passwordless', 'keyword', 'primary_key'].some(isSecretName)).toBe(false);
    expect(isSecretValue('9fX2kQ7rLm4VzT8wN1bC')).toBe(true);
    expect(isSecretValue('Password1234')).toBe(false);
  });
});

describe('keys split into groups', () => {
  it('reads a key written in space-separated groups, up to the words after it', () => {
    expect(spans(awsAccessKeyDetector, 'Use AKIA 4QWJ 7ZP2 MX6R N3TD in the shell.')).toEqual([
      'AKIA 4QWJ 7ZP2 MX6R N3TD',
    ]);
    expect(spans(openaiKeyDetector, 'Key sk-proj-4fQz 9Lk2 Vb7X w1Rt 8Yp3 Mn6C d0Ea 5Hs2 and then more words')).toEqual(
      ['sk-proj-4fQz 9Lk2 Vb7X w1Rt 8Yp3 Mn6C d0Ea 5Hs2'],
    );
    expect(spans(githubTokenDetector, 'ghp_16C7 e42F 292c 6912 E771 0c83 8347 Ae17 8B4a ok')).toEqual([
      'ghp_16C7 e42F 292c 6912 E771 0c83 8347 Ae17 8B4a',
    ]);
  });

  it('reports a whole key once, and lets prefixes followed by ordinary words pass', () => {
    expect(spans(awsAccessKeyDetector, 'AKIA4QWJ7ZP2MX6RN3TD ABCD EFGH')).toEqual(['AKIA4QWJ7ZP2MX6RN3TD']);
    expect(spans(awsAccessKeyDetector, 'AKIA KEYS ARE LONG, AKIA THAT MARKS KEYS')).toEqual([]);
    expect(spans(openaiKeyDetector, 'sk-learn is a library that works well with numpy')).toEqual([]);
    expect(spans(awsAccessKeyDetector, 'AKIA XXXX XXXX XXXX XXXX')).toEqual([]);
  });
});

describe('more vendor token detectors', () => {
  it('report Stripe live, Google, SendGrid, Shopify, Hugging Face, Vault, npm, GitLab and Cloudflare tokens', () => {
    const cases: Array<[Detector, string, string]> = [
      [stripeKeyDetector, 'key: sk_live_u8jzPde0IgxLd6GncfBAepfJ.', 'sk_live_u8jzPde0IgxLd6GncfBAepfJ'],
      [stripeKeyDetector, '"rk_live_u8jzPde0IgxLd6GncfBAepfJ"', 'rk_live_u8jzPde0IgxLd6GncfBAepfJ'],
      [
        googleApiKeyDetector,
        'key=AIzaBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgL-&x',
        'AIzaBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgL-',
      ],
      [
        sendgridKeyDetector,
        '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',
        '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',
      ],
      [shopifyTokenDetector, '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', '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'],
      [huggingfaceTokenDetector, "'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'", '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'],
      [vaultTokenDetector, 'hvb.8NPRVdD53X83RZJzzzzgEOzdmenCkhvMdg ok', 'hvb.8NPRVdD53X83RZJzzzzgEOzdmenCkhvMdg'],
      [
        npmTokenDetector,
        '_authToken=npm_P3fS2qHx6kwXoIIXGvOoNZYW2mZp0zVZomHF',
        'npm_P3fS2qHx6kwXoIIXGvOoNZYW2mZp0zVZomHF',
      ],
      [gitlabTokenDetector, 'glpat-wUbbYrEqmSM9wCZ7Uw9x is it', 'glpat-wUbbYrEqmSM9wCZ7Uw9x'],
      [
        cloudflareTokenDetector,
        'cfk_jENUhJduRHHJEYXg4JdpmrcXgGCJbW56eCuNGMGm8ef786e4',
        'cfk_jENUhJduRHHJEYXg4JdpmrcXgGCJbW56eCuNGMGm8ef786e4',
      ],
    ];
    for (const [detector, text, span] of cases) expect(spans(detector, text), text).toEqual([span]);
  });

  it('let test keys, placeholders, wrong lengths and glued prefixes pass', () => {
    expect(spans(stripeKeyDetector, 'sk_test_4eC39HqLyjWDarjtT1zdp7dc pk_live_u8jzPde0IgxLd6GncfBAepfJ')).toEqual([]);
    expect(spans(stripeKeyDetector, 'sk_live_AAAAAAAAAAAAAAAAAAAAAAAA xsk_live_u8jzPde0IgxLd6GncfBAepfJ')).toEqual([]);
    expect(spans(googleApiKeyDetector, 'AIzaBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKx (one too many)')).toEqual([]);
    expect(
      spans(huggingfaceTokenDetector, 'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx hf_FakeFakeFakeFakeFakeFakeFakeFakeFa'),
    ).toEqual([]);
    expect(
      spans(huggingfaceTokenDetector, 'hf_FakeFakeFake1FakeFakeFakeFakeFakeFa xhf_iBJrTAwRyojfljoQoaFLlqsajAIxNKuiSG'),
    ).toEqual([]);
    expect(spans(vaultTokenDetector, 'hvs.abc hvb.tooshortxxx hvr.placeholder')).toEqual([]);
    expect(
      spans(cloudflareTokenDetector, 'cfat_aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStT03fa099bZ cfat_tooshort'),
    ).toEqual([]);
  });

  it('reports a Twilio API key, and an account SID only next to a Twilio cue', () => {
    expect(spans(twilioKeyDetector, 'key SK2737f6a6f0fb23c6f5da2cec255404e4')).toEqual([
      'SK2737f6a6f0fb23c6f5da2cec255404e4',
    ]);
    expect(spans(twilioKeyDetector, 'TWILIO_ACCOUNT_SID=ACfb440034d6608697a8d41bed440e5045')).toEqual([
      'ACfb440034d6608697a8d41bed440e5045',
    ]);
    expect(spans(twilioKeyDetector, 'Build ACfb440034d6608697a8d41bed440e5045 passed.')).toEqual([]);
  });
});

describe('jwtDetector', () => {
  const jwt =
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.IYHMX9N-tGNiFDILAvwMw1eBhSCdOpP2RI8sUzTn.OA2cyoet8e9PmsWcb32ZLlJlizgFJv-oTRNYp1f7vPd';

  it('reports a three-part token whose header starts eyJ', () => {
    expect(spans(jwtDetector, `Authorization: Bearer ${jwt}\n`)).toEqual([jwt]);
    expect(spans(jwtDetector, `ghs_12345_${jwt}`)).toEqual([jwt]);
  });

  it("lets jwt.io's sample token, truncated tokens and glued look-alikes pass", () => {
    const sample =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    expect(
      spans(jwtDetector, `${sample} eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIx abceyJ${jwt.slice(3)}`),
    ).toEqual([]);
  });
});

describe('urlCredentialsDetector', () => {
  it('reports the user and password of a URL or connection string', () => {
    const text =
      'https://user:secret123@api.example.com/x ftp://user:pass@files.example.com ' +
      '"mongodb+srv://appuser:myR3alP@ssw0rd@cluster0.mongodb.net/db" jdbc:mysql://admin:str0ngP4ss@db:3306/app ' +
      'redis://:Zx8qLm2pVt@cache:6379 amqp://guest:Tq9vB3nWk@mq.internal';
    expect(spans(urlCredentialsDetector, text)).toEqual([
      'user:secret123',
      'user:pass',
      'appuser:myR3alP@ssw0rd',
      'admin:str0ngP4ss',
      ':Zx8qLm2pVt',
      'guest:Tq9vB3nWk',
    ]);
  });

  it('lets templates, placeholders, URLs without a password and other schemes pass', () => {
    const text =
      'https://${username}:${password}@api.example.com https://{{user}}:{{pass}}@c.example.com ' +
      'postgres://$(PGUSER):$(PGPASSWORD)@$(PGHOST)/db mysql://user:${PASSWORD}@example.com:3306/db ' +
      'https://username:password@example.com https://YOUR_USERNAME:YOUR_PASSWORD@api.service.com ' +
      'https://user:abc@api.com https://user:1111@service.com https://testuser:xxxx@demo.com ' +
      'postgresql://<user>:<password>@<host>:5432/<db> mongodb://localhost:27017/db https://user@proxy.internal ' +
      'git@github.com:eleanor/engine.git myscheme://a:Zx8qLm2pVt@host';
    expect(spans(urlCredentialsDetector, text)).toEqual([]);
  });

  it('judges URL passwords', () => {
    expect(['pass', 'secret123', 'm42ploz2wd'].every(isUrlPassword)).toBe(true);
    expect(['password', 'mypassword', 'xxxx', '1111', 'abc', '${PASS}', '<password>'].some(isUrlPassword)).toBe(false);
  });
});

describe('slackWebhookDetector and authHeaderDetector', () => {
  it('report a Slack webhook URL and Basic or Bearer credentials', () => {
    const hook = 'https://hooks.slack.com/services/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';
    expect(spans(slackWebhookDetector, `curl -X POST ${hook} -d @msg.json`)).toEqual([hook]);
    expect(
      spans(
        authHeaderDetector,
        'Authorization: Basic ZGVwbG95OlZxOHIyTHhUN21Qeg==\nAuthorization: Bearer bvJDCTbyvHNsG9eh6Yo4gfqrc5XlrWi0B26R08qz',
      ),
    ).toEqual(['ZGVwbG95OlZxOHIyTHhUN21Qeg==', 'bvJDCTbyvHNsG9eh6Yo4gfqrc5XlrWi0B26R08qz']);
  });

  it('let placeholders, variables, JWTs (reported by jwtDetector) and ordinary words pass', () => {
    expect(spans(slackWebhookDetector, 'https://hooks.slack.com/services/TXXXXX/BXXXXX/XXXXXXXXXX')).toEqual([]);
    const text =
      'Authorization: Bearer <TOKEN>, Bearer $API_TOKEN, Bearer YOUR_ACCESS_TOKEN_HERE, Bearer eyJhbGciOiJIUzI1NiJ9.abc.def ' +
      'Basic dXNlcm5hbWU6cGFzc3dvcmQ= (username:password), Basic information about the bearer of the letter.';
    expect(spans(authHeaderDetector, text)).toEqual([]);
  });
});

describe('secrets in prose and Go assignments', () => {
  it('reports a password given in a sentence and a value assigned with :=', () => {
    expect(
      spans(
        secretAssignmentDetector,
        'The account password was reset to kZhFesW1rdJx. Your new password is Gr$24j3Y6!16',
      ),
    ).toEqual(['kZhFesW1rdJx', 'Gr$24j3Y6!16']);
    expect(
      spans(secretAssignmentDetector, 'var azureClientSecret := "ahDzWAqqBHgpAeUBUULuU0gA4p09rt0WDAsUOmFg"'),
    ).toEqual(['ahDzWAqqBHgpAeUBUULuU0gA4p09rt0WDAsUOmFg']);
  });

  it('lets sentences about passwords, placeholders and URLs (judged elsewhere) pass', () => {
    const text =
      'The password is required. Your password was reset to default. The password is changeme123. ' +
      'The password is incorrect! DATABASE_URL=postgres://admin:Qe20uOIGbxQRvg@db:5432/prod';
    expect(spans(secretAssignmentDetector, text)).toEqual([]);
    expect(isProsePassword('kZhFesW1rdJx')).toBe(true);
    expect(['required', 'Password', 'hunter2', 'aaaaaaaa1'].some(isProsePassword)).toBe(false);
  });

  it('reports a login given with its password, and lets code references and placeholders pass', () => {
    expect(
      spans(
        secretAssignmentDetector,
        'Login for the admin panel: user jsmith, password Tr0ub4dor&3! Or username: ops and pwd: kZhFesW1rdJx',
      ),
    ).toEqual(['Tr0ub4dor&3!', 'kZhFesW1rdJx']);
    const text =
      'connect({ user: config.db.user, password: process.env.DB_PASSWORD }). ' +
      'Enter your username and password to sign in. user admin, password <your-password>. ' +
      'The login form asks for user name, password and a one-time code. Username: myUser, Password: myPassword1';
    expect(spans(secretAssignmentDetector, text)).toEqual([]);
  });
});
