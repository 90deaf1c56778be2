import { useStore } from '../state/store';

/** Theme, typeface and size of the reader; remembered with the library. */
export function ReaderSettingsMenu() {
  const settings = useStore((s) => s.settings);
  const update = useStore((s) => s.updateSettings);
  return (
    <div className="reader-settings">
      <label>
        Theme{' '}
        <select
          value={settings.theme}
          onChange={(e) => void update({ theme: e.target.value as typeof settings.theme })}
        >
          <option value="light">Light</option>
          <option value="sepia">Sepia</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <label>
        Font{' '}
        <select
          value={settings.font}
          onChange={(e) => void update({ font: e.target.value as typeof settings.font })}
        >
          <option value="serif">Serif</option>
          <option value="sans">Sans</option>
        </select>
      </label>
      <button
        type="button"
        aria-label="Smaller text"
        disabled={settings.fontSize <= 12}
        onClick={() => void update({ fontSize: settings.fontSize - 1 })}
      >
        A−
      </button>
      <button
        type="button"
        aria-label="Larger text"
        disabled={settings.fontSize >= 32}
        onClick={() => void update({ fontSize: settings.fontSize + 1 })}
      >
        A+
      </button>
    </div>
  );
}
