// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WindowedList } from './WindowedList';

const COUNT = 10_000;
const key = vi.fn((i: number) => `row-${i}`);
/** What the list's ResizeObservers were told to call. */
let observers: ResizeObserverCallback[] = [];

function List({ scrollTo = -1 }: { scrollTo?: number }) {
  return (
    <div style={{ overflowY: 'auto', height: 400 }}>
      <WindowedList
        className="list"
        aria-label="Rows"
        count={COUNT}
        rowKey={key}
        estimate={40}
        scrollTo={scrollTo}
        rowClassName={() => 'row'}
        renderRow={(i) => <button type="button">Row {i}</button>}
      />
    </div>
  );
}

beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: ResizeObserverCallback) {
        observers.push(callback);
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  cleanup();
  observers = [];
  vi.unstubAllGlobals();
});

describe('WindowedList', () => {
  it('renders a screen of rows out of 10,000, each telling its place in the whole list', () => {
    render(<List />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(50);
    expect(rows[0]).toHaveProperty('ariaSetSize', String(COUNT));
    expect(screen.getByRole('list', { name: 'Rows' }).style.height).toBe(`${COUNT * 40}px`);
  });

  it('scrolls to the row asked for and renders it at its offset, without the rows before it', () => {
    const scrollTo = vi.fn();
    HTMLElement.prototype.scrollTo = scrollTo;
    render(<List scrollTo={7000} />);
    // The row lies within the scroller's view (its height is the window's until it is measured).
    const { top } = scrollTo.mock.calls[0]![0] as { top: number };
    expect(top).toBeLessThanOrEqual(7000 * 40);
    expect(top + window.innerHeight).toBeGreaterThanOrEqual(7001 * 40);
    const target = screen.getByRole('button', { name: 'Row 7000' }).closest('li')!;
    expect(target.style.top).toBe(`${7000 * 40}px`);
    expect(target.getAttribute('aria-posinset')).toBe('7001');
    expect(screen.queryByRole('button', { name: 'Row 3000' })).toBeNull();
  });

  it('places the rows below a measured row by its height, without looking at the other 10,000 rows', () => {
    render(<List />);
    const row = (i: number) => screen.getByRole('button', { name: `Row ${i}` }).closest('li')!;
    const measure = (i: number, height: number) => {
      const entry = { target: row(i), borderBoxSize: [{ blockSize: height, inlineSize: 300 }] };
      act(() =>
        observers.forEach((observe) =>
          observe([entry as unknown as ResizeObserverEntry], {} as ResizeObserver),
        ),
      );
    };
    // The first row measured sets the height of the rows not yet measured.
    measure(0, 30);
    expect(row(2).style.top).toBe('60px');
    expect(screen.getByRole('list', { name: 'Rows' }).style.height).toBe(`${COUNT * 30}px`);
    key.mockClear();
    measure(1, 100);
    expect(row(2).style.top).toBe('130px');
    expect(screen.getByRole('list', { name: 'Rows' }).style.height).toBe(`${COUNT * 30 + 70}px`);
    // Only the rows rendered are asked for their keys, not every row of the list.
    expect(key.mock.calls.length).toBeLessThan(200);
  });

  it('moves focus between rows with the arrow keys, Home and End, rendering rows out of view', () => {
    render(<List />);
    screen.getByRole('button', { name: 'Row 0' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Row 1' }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Row ${COUNT - 1}` }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Row ${COUNT - 2}` }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Row 0' }));
  });
});
