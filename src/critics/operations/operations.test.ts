import { describeBuiltinCritic } from '../../../test/support/critic-conformance.js';
import { OPERATIONS_FIXTURES } from './fixtures.js';
import { createOperationsCritic } from './index.js';

describeBuiltinCritic(createOperationsCritic(), OPERATIONS_FIXTURES);
