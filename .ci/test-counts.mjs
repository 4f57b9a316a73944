// Reads vitest's JSON report and prints one plain line, `N passed, N failed, N skipped`, then
// names every test that did not pass. Exits 1 on any failure, any skip, or no test at all.
// A test file that failed to load (e.g. a tool missing under CI) counts as one failure.
//   node .ci/test-counts.mjs <vitest-json-report>
import { readFileSync } from 'node:fs';
import path from 'node:path';

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log('0 passed, 1 failed, 0 skipped');
  console.error(`test-counts: no test report at ${file} (${error.message}): the test run did not finish`);
  process.exit(1);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const notPassed = [];
for (const suite of report.testResults ?? []) {
  const tests = suite.assertionResults ?? [];
  const name = path.relative(process.cwd(), suite.name);
  if (suite.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
    counts.failed++;
    notPassed.push(`failed  ${name}: ${(suite.message ?? '').split('\n')[0]}`);
  }
  for (const t of tests) {
    const status = t.status === 'passed' ? 'passed' : t.status === 'failed' ? 'failed' : 'skipped';
    counts[status]++;
    if (status !== 'passed') notPassed.push(`${status.padEnd(7)} ${name} > ${t.fullName ?? t.title}`);
  }
}

for (const line of notPassed) console.error(line);
if (counts.skipped) console.error('test-counts: skipped tests are checks that did not run; CI fails on them');
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed || counts.skipped || counts.passed === 0 ? 1 : 0);
