/**
 * Test support: each test gets a database of its own (fake-indexeddb under vitest), deleted
 * after it, so tests never see each other's notes.
 */
import { afterEach, beforeEach } from 'vitest';
import { type CounterpointDatabase, openStore } from './db';

/** The database of the test that is running. */
export interface TestStore {
  readonly db: CounterpointDatabase;
}

/**
 * Opens a fresh database before each test of the calling file and deletes it after. Call it
 * at the top of a test file; read `.db` inside tests.
 */
export function freshDatabasePerTest(prefix: string): TestStore {
  let current: CounterpointDatabase | null = null;
  let name = '';
  beforeEach(async () => {
    name = `${prefix}-${Math.random()}`;
    current = await openStore({ name });
  });
  afterEach(async () => {
    current?.close();
    current = null;
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = resolve;
      request.onerror = resolve;
    });
  });
  return {
    get db(): CounterpointDatabase {
      if (!current) throw new Error('the test database exists only while a test runs');
      return current;
    },
  };
}
