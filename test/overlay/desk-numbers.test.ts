import { describe, expect, it } from 'vitest';
import { echoCount, echoPercent, readCount, readPercent, signed } from '../../overlay/desk/numbers.js';

describe('reading a typed count', () => {
  it.each([
    { typed: '2449371', value: 2_449_371 },
    { typed: '2,449,371', value: 2_449_371 },
    { typed: '2 449 371', value: 2_449_371 },
    { typed: '2\u00a0449\u00a0371', value: 2_449_371, as: 'no-break spaces' },
    { typed: '2\u202f449\u202f371', value: 2_449_371, as: 'narrow no-break spaces (a French phone)' },
    { typed: '  61,000 ', value: 61_000, as: 'spaces around it' },
    { typed: '0', value: 0 },
    { typed: '917', value: 917 },
    { typed: '1,000', value: 1_000 },
    { typed: '007', value: 7, as: 'leading zeros' },
    { typed: '9,007,199,254,740,991', value: Number.MAX_SAFE_INTEGER, as: 'the largest safe integer' },
  ])('reads "$typed" as $value', ({ typed, value }) => {
    expect(readCount(typed)).toEqual({ kind: 'ok', value });
  });

  it.each(['', '   '])('calls "%s" empty', (typed) => {
    expect(readCount(typed)).toEqual({ kind: 'empty' });
  });

  it.each([
    { typed: '12a', says: '“12a” is not a whole number' },
    { typed: '2.5', says: '“2.5” is not a whole number' },
    { typed: '2,449,371.0', says: 'is not a whole number' },
    { typed: '1e6', says: 'is not a whole number' },
    { typed: '+5', says: 'is not a whole number' },
    { typed: 'O', says: 'is not a whole number' },
    { typed: '-3', says: 'cannot be negative' },
    { typed: '−3', says: 'cannot be negative' },
    { typed: '24,49,371', says: 'thousands go in groups of three' },
    { typed: '2449,371', says: 'thousands go in groups of three' },
    { typed: '2,449 371', says: 'thousands go in groups of three' },
    { typed: '2,,449', says: 'thousands go in groups of three' },
    { typed: '2,449,', says: 'thousands go in groups of three' },
    { typed: ',449', says: 'thousands go in groups of three' },
    { typed: '2.449.371', says: 'thousands go in groups of three' },
    { typed: '2.449', says: 'thousands go in groups of three' },
    { typed: '9007199254740993', says: 'is too large' },
  ])('refuses "$typed" ($says), never guessing', ({ typed, says }) => {
    const read = readCount(typed);
    expect(read.kind).toBe('refused');
    expect(read.kind === 'refused' && read.message).toContain(says);
  });
});

describe('reading a typed share of the expected vote', () => {
  it.each([
    { typed: '98.9', value: 98.9 },
    { typed: '98.9%', value: 98.9 },
    { typed: '98.9 %', value: 98.9 },
    { typed: '100', value: 100 },
    { typed: '0', value: 0 },
    { typed: '99.25', value: 99.25 },
  ])('reads "$typed" as $value', ({ typed, value }) => {
    expect(readPercent(typed)).toEqual({ kind: 'ok', value });
  });

  it.each([
    { typed: '98,9', says: 'use a point for decimals' },
    { typed: '100.1', says: 'at most 100%' },
    { typed: '-1', says: 'is not a percentage' },
    { typed: 'most', says: 'is not a percentage' },
    { typed: '.5', says: 'is not a percentage' },
  ])('refuses "$typed" ($says)', ({ typed, says }) => {
    const read = readPercent(typed);
    expect(read.kind === 'refused' && read.message).toContain(says);
  });

  it('calls an empty field empty (the share is optional)', () => {
    expect(readPercent(' ')).toEqual({ kind: 'empty' });
  });
});

describe('showing a number back before it is sent', () => {
  it.each([
    { n: 2_449_371, shown: '2,449,371' },
    { n: 0, shown: '0' },
    { n: 999, shown: '999' },
    { n: Number.MAX_SAFE_INTEGER, shown: '9,007,199,254,740,991' },
  ])('shows the count $n as $shown', ({ n, shown }) => {
    expect(echoCount(n)).toBe(shown);
  });

  it.each([
    { n: 98.9, shown: '98.9%' },
    { n: 99.25, shown: '99.25%' },
    { n: 100, shown: '100%' },
  ])('shows the share $n exactly as read: $shown', ({ n, shown }) => {
    expect(echoPercent(n)).toBe(shown);
  });

  it.each([
    { n: 1_380, shown: '+1,380' },
    { n: -371, shown: '−371' },
    { n: 0, shown: '±0' },
  ])('signs a difference: $n → $shown', ({ n, shown }) => {
    expect(signed(n)).toBe(shown);
  });
});
