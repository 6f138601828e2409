// Secret detectors: vendor tokens, PEM blocks and assignments, and the placeholders they let pass.
import { describe, expect, it } from 'vitest';
import type { Detector } from '../rule-critic.js';
import { tokenize } from '../text/tokens.js';
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
    expect(spans(awsAccessKeyDetector, 'id=AKIAIOSFODNN7EXAMPLE;')).toEqual(['AKIAIOSFODNN7EXAMPLE']);
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
    expect(spans(awsAccessKeyDetector, 'AKIAAAAAAAAAAAAAAAAA, XAKIAIOSFODNN7EXAMPLE, AKIAIOSFODNN7EXAMPL')).toEqual([]);
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
    expect(spans(awsAccessKeyDetector, 'Use AKIA IOSF ODNN 7EXA MPLE in the shell.')).toEqual([
      'AKIA IOSF ODNN 7EXA MPLE',
    ]);
    expect(spans(openaiKeyDetector, 'Key sk-proj-4fQz 9Lk2 Vb7X w1Rt 8Yp3 Mn6C d0Ea 5Hs2 and then more words')).toEqual(
      ['sk-proj-4fQz 9Lk2 Vb7X w1Rt 8Yp3 Mn6C d0Ea 5Hs2'],
    );
    expect(spans(githubTokenDetector, 'ghp_16C7 e42F 292c 6912 E771 0c83 8347 Ae17 8B4a ok')).toEqual([
      'ghp_16C7 e42F 292c 6912 E771 0c83 8347 Ae17 8B4a',
    ]);
  });

  it('reports a whole key once, and lets prefixes followed by ordinary words pass', () => {
    expect(spans(awsAccessKeyDetector, 'AKIAIOSFODNN7EXAMPLE ABCD EFGH')).toEqual(['AKIAIOSFODNN7EXAMPLE']);
    expect(spans(awsAccessKeyDetector, 'AKIA KEYS ARE LONG, AKIA THAT MARKS KEYS')).toEqual([]);
    expect(spans(openaiKeyDetector, 'sk-learn is a library that works well with numpy')).toEqual([]);
    expect(spans(awsAccessKeyDetector, 'AKIA XXXX XXXX XXXX XXXX')).toEqual([]);
  });
});
