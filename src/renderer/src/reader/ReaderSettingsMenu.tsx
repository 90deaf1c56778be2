import { useEffect, useRef, useState } from 'react';
import { useStore } from '../state/store';

/** Theme, typeface and size of the reader, behind a "Display" button; remembered with the library. */
export function ReaderSettingsMenu() {
  const settings = useStore((s) => s.settings);
  const update = useStore((s) => s.updateSettings);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  return (
    <div
      className="reader-settings"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls="display-settings"
        onClick={() => setOpen(!open)}
      >
        Display
      </button>
      {open && (
        <div id="display-settings" className="popover" role="group" aria-label="Display settings">
          <label>
            Theme
            <select
              aria-label="Theme"
              value={settings.theme}
              onChange={(e) => void update({ theme: e.target.value as typeof settings.theme })}
            >
              <option value="light">Light</option>
              <option value="sepia">Sepia</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label>
            Font
            <select
              aria-label="Font"
              value={settings.font}
              onChange={(e) => void update({ font: e.target.value as typeof settings.font })}
            >
              <option value="serif">Serif</option>
              <option value="sans">Sans</option>
            </select>
          </label>
          <div className="row">
            <button
              type="button"
              aria-label="Smaller text"
              disabled={settings.fontSize <= 12}
              onClick={() => void update({ fontSize: settings.fontSize - 1 })}
            >
              A−
            </button>
            <span aria-live="polite">{settings.fontSize} px</span>
            <button
              type="button"
              aria-label="Larger text"
              disabled={settings.fontSize >= 32}
              onClick={() => void update({ fontSize: settings.fontSize + 1 })}
            >
              A+
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
