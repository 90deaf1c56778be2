// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { createI18n, translator } from '../../../shared/i18n';
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
    expect(syncSummary(status(), translator('en'), 'en')).toBeNull();
  });

  it('counts the computers and tells when another last wrote, the latest of them', () => {
    const earlier = { id: 'bbbbbbbbbbbbbbbb', self: false, lastWrite: '2026-11-28T09:00:00.000Z' };
    const later = { id: 'cccccccccccccccc', self: false, lastWrite: '2026-11-28T16:30:00.000Z' };
    const when = (language: string) =>
      new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(
        Date.parse(later.lastWrite),
      );
    expect(syncSummary(status(earlier, later), translator('en'), 'en')).toBe(
      `3 computers · last change from another ${when('en')}`,
    );
    expect(syncSummary(status(earlier, later), translator('vi'), 'vi')).toBe(
      `3 máy tính · máy khác thay đổi lần cuối lúc ${when('vi')}`,
    );
    const alone = status({ id: 'bbbbbbbbbbbbbbbb', self: false, lastWrite: null });
    expect(syncSummary(alone, translator('en'), 'en')).toBe('2 computers');
  });

  it('shows what getSyncStatus answers inside the status bar, and asks again when another computer’s changes arrive', async () => {
    const answers = [
      status({ id: 'bbbbbbbbbbbbbbbb', self: false, lastWrite: null }),
      status(
        { id: 'bbbbbbbbbbbbbbbb', self: false, lastWrite: null },
        { id: 'cccccccccccccccc', self: false, lastWrite: null },
      ),
    ];
    let asked = 0;
    const load = () => Promise.resolve({ ok: true as const, value: answers[Math.min(asked++, 1)]! });
    const line = (revision: number) => (
      <I18nextProvider i18n={createI18n('en')}>
        <footer aria-label="Status">
          <SyncStatusLine load={load} revision={revision} />
        </footer>
      </I18nextProvider>
    );
    const { rerender } = render(line(0));
    expect(await screen.findByText(/2 computers/)).toBeTruthy();
    expect(screen.getByRole('contentinfo', { name: 'Status' }).textContent).toContain('2 computers');
    rerender(line(1));
    expect(await screen.findByText(/3 computers/)).toBeTruthy();
    expect(asked).toBe(2);
  });
});
