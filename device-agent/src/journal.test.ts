import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, JournalError } from './journal.js';

const journalFile = () => join(mkdtempSync(join(tmpdir(), 'portico-journal-')), 'state.json.journal');

describe('Journal', () => {
  it('starts empty when there is no file yet', () => {
    const journal = Journal.open(journalFile());
    expect(journal.get('a')).toBeUndefined();
    expect(journal.hasNonce('n')).toBe(false);
  });

  it('writes one JSON line per entry, readable by its owner only', () => {
    const file = journalFile();
    const journal = Journal.open(file);
    journal.accepted('a', 'n1');
    journal.finished('a', 'SUCCEEDED', 'done');
    expect(readFileSync(file, 'utf8')).toBe('{"id":"a","nonce":"n1","phase":"accepted"}\n{"id":"a","phase":"finished","status":"SUCCEEDED","output":"done"}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('survives reopening', () => {
    const file = journalFile();
    const first = Journal.open(file);
    first.accepted('a', 'n1');
    first.finished('a', 'FAILED', 'exit code 1');
    first.accepted('b', 'n2');
    first.finished('c', 'FAILED', 'refused: expired');

    const reopened = Journal.open(file);
    expect(reopened.get('a')).toEqual({ nonce: 'n1', finished: { status: 'FAILED', output: 'exit code 1' } });
    expect(reopened.get('b')).toEqual({ nonce: 'n2' });
    expect(reopened.get('c')).toEqual({ finished: { status: 'FAILED', output: 'refused: expired' } });
    expect(reopened.hasNonce('n2')).toBe(true);
    expect(reopened.hasNonce('n3')).toBe(false);
  });

  it('drops a last line cut short by a crash, so the next entry starts on its own line', () => {
    const file = journalFile();
    Journal.open(file).accepted('a', 'n1');
    appendFileSync(file, '{"id":"b","nonce":"n2","pha');
    const journal = Journal.open(file);
    expect(journal.get('b')).toBeUndefined();
    journal.accepted('c', 'n3');
    expect(Journal.open(file).get('c')).toEqual({ nonce: 'n3' });
  });

  it('refuses to start from a damaged journal rather than guess', () => {
    const file = journalFile();
    writeFileSync(file, '{"id":"a","nonce":"n1","phase":"accepted"}\nnot json\n');
    expect(() => Journal.open(file)).toThrow(JournalError);
    writeFileSync(file, '{"id":"a","phase":"finished","status":"MAYBE","output":""}\n');
    expect(() => Journal.open(file)).toThrow('line 1 is not a valid entry');
  });
});
