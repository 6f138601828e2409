// Operations rules (data, versioned): impossible guarantees and advice to bypass regulation.
import type { Ruleset } from '../rule-critic.js';

export const OPERATIONS_RULES: Ruleset = {
  version: '1.0.0',
  rules: [
    {
      id: 'operations.impossible_guarantee',
      message: 'promises an outcome no one can guarantee',
      severity: 2,
      clause: 'U3',
      patterns: [
        'guarantee|guarantees|guaranteed ... approval|approved|returns|profit|profits|cure|cured|win|results|success',
        '100 percent|guaranteed ... guaranteed|certain|safe|risk-free',
        'zero|no risk whatsoever',
        'risk-free investment|return|returns|profit',
        "cannot|can't possibly lose|fail",
        'will definitely be approved|cured|win',
        'we|i promise you will',
      ],
      negations: ['cannot', "can't", 'no', 'not', 'never', 'nobody', 'impossible'],
    },
    {
      id: 'operations.bypass_regulation',
      message: 'advises evading a legal or regulatory control',
      severity: 2.5,
      clause: 'DP3',
      escalate: true,
      patterns: [
        'evade|evading|avoid|avoiding|bypass|bypassing|circumvent|circumventing ... kyc|aml|sanctions|regulators|regulator|audit|auditors|compliance|inspection|reporting',
        'structure|structuring ... deposits|deposit|transactions|withdrawals ... to avoid|evade|under',
        'hide|hiding|conceal|concealing ... from the regulator|regulators|auditors|irs|tax',
        'without telling|informing|notifying the regulator|regulators|auditors|authorities',
        'off the books',
        'falsify|falsifying|backdate|backdating ... records|invoices|documents|logs|report|reports',
      ],
      negations: ['not', 'never', "don't", 'cannot', 'illegal to'],
    },
  ],
};
