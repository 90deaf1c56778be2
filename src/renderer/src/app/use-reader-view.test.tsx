// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useReaderView } from './use-reader-view';

vi.mock('../reader/ReaderView', () => ({ ReaderView: () => <p>the reader</p> }));

function Main({ prefetch, reader }: { prefetch: boolean; reader: boolean }) {
  const view = useReaderView(prefetch, reader);
  return reader ? view : <p>the library</p>;
}

beforeEach(() => {
  vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 0));
  vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the reader view', () => {
  it('shows in the very render that opens it once its code was fetched in idle time', async () => {
    const { rerender } = render(<Main prefetch reader={false} />);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await vi.dynamicImportSettled();
    });
    act(() => rerender(<Main prefetch reader />));
    expect(screen.getByText('the reader')).toBeTruthy();
  });

  it('is fetched at once, and shown, when an article is opened before the idle time came', async () => {
    render(<Main prefetch={false} reader />);
    expect(screen.queryByText('the reader')).toBeNull();
    expect(await screen.findByText('the reader')).toBeTruthy();
  });
});
