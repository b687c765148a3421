// The CLI's V8 tuning: the measured list on the V8 it was measured on, nothing on another V8
// (which might not know the flags and would complain on stderr), and the environment's list when given.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyBatchFlags, BATCH_V8_FLAGS } from '../../cli/v8flags.ts';

test('batch V8 flags: the measured list on V8 11, none on an unknown V8, the environment\'s list when set', () => {
  assert.deepEqual(applyBatchFlags({}, '11.3.244.8-node.38'), BATCH_V8_FLAGS);
  assert.deepEqual(applyBatchFlags({}, '14.1.0'), []);
  assert.deepEqual(applyBatchFlags({ GOVREPORT_V8_FLAGS: '' }, '11.3.244.8-node.38'), []);
  assert.deepEqual(applyBatchFlags({ GOVREPORT_V8_FLAGS: ' --interrupt-budget=600000  --always-sparkplug ' }, '14.1.0'), ['--interrupt-budget=600000', '--always-sparkplug']);
});
