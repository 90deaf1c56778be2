// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/model/sync';
import { SyncStatusLine, syncSummary } from './SyncStatusLine';

afterEach(cleanup);

const self = { id: 'aaaaaaaaaaaaaaaa', self: true, lastWrite: '2026-11-28T17:00:00.000Z' };
const status = (...others: SyncStatus['devices']): SyncStatus => ({
  deviceId: self.id,
  devices: [self, ...others],
});

describe('the status bar on a library kept on several computers', () => {
  it('says nothing when this computer is the only one', () => {
    expect(syncSummary(status())).toBeNull();
  });

  it('counts the computers and tells when another last wrote, the latest of them', () => {
    const earlier = { id: 'bbbbbbbbbbbbbbbb', self: false, lastWrite: '2026-11-28T09:00:00.000Z' };
    const later = { id: 'cccccccccccccccc', self: false, lastWrite: '2026-11-28T16:30:00.000Z' };
    const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
    expect(syncSummary(status(earlier, later))).toBe(
      `3 computers · last change from another ${when.format(Date.parse(later.lastWrite))}`,
    );
    expect(syncSummary(status({ id: 'bbbbbbbbbbbbbbbb', self: false, lastWrite: null }))).toBe('2 computers');
  });

  it('shows what getSyncStatus answers inside the status bar', async () => {
    const answer = status({ id: 'bbbbbbbbbbbbbbbb', self: false, lastWrite: null });
    render(
      <footer aria-label="Status">
        <SyncStatusLine load={() => Promise.resolve({ ok: true, value: answer })} />
      </footer>,
    );
    expect(await screen.findByText(/2 computers/)).toBeTruthy();
    expect(screen.getByRole('contentinfo', { name: 'Status' }).textContent).toContain('2 computers');
  });
});
