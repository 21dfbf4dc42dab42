/**
 * isTimeZone (cron-timezone-invalid) answers canonical zone names from ICU's list without a
 * DateTimeFormat, which maps ~8 MB of ICU data: the answers must be the DateTimeFormat's, as before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTimeZone } from '../../../server/src/kubernetes/rules/cronJob';

/** The check as it was: a DateTimeFormat for every name. */
function byDateTimeFormat(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name === 'UTC' || name.includes('/') || name === 'GMT';
  } catch {
    return false;
  }
}

test('time zone names: the same answers as a DateTimeFormat, canonical names, aliases and others', () => {
  const names = [
    ...Intl.supportedValuesOf('timeZone'),
    'UTC', 'GMT', 'Etc/UTC', 'Etc/GMT+5', 'US/Eastern', 'Asia/Kolkata', 'Asia/Calcutta', 'europe/paris', 'EST', 'CET', 'PST8PDT',
    'Mars/Olympus', '', ' ', 'Europe/Paris ', 'America/New York', 'Local', '../etc/passwd',
  ];
  for (const name of names) assert.equal(isTimeZone(name), byDateTimeFormat(name), JSON.stringify(name));
  assert.ok(isTimeZone('Europe/Paris') && isTimeZone('US/Eastern') && !isTimeZone('EST') && !isTimeZone('Mars/Olympus'));
});
