import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The share of the article scrolled past, 0–1: 1 at the bottom, and for a text that fits the view. */
export function scrolledShare(el: Pick<HTMLElement, 'scrollTop' | 'scrollHeight' | 'clientHeight'>): number {
  const range = el.scrollHeight - el.clientHeight;
  return range <= 1 ? 1 : Math.min(1, Math.max(0, el.scrollTop / range));
}

/** A thin bar showing how far the reader has scrolled through the article, with its percentage for assistive technology. */
export function ReadingProgress({ scroller }: { scroller: HTMLElement | null }) {
  const { t } = useTranslation();
  const [share, setShare] = useState(0);
  useEffect(() => {
    if (!scroller) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setShare(scrolledShare(scroller)));
    };
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(scroller);
    scroller.addEventListener('scroll', measure, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      scroller.removeEventListener('scroll', measure);
    };
  }, [scroller]);
  const percent = Math.round(share * 100);
  return (
    <div
      className="reading-progress"
      role="progressbar"
      aria-label={t('reader.progress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={t('reader.progressText', { percent })}
      title={t('reader.progressText', { percent })}
    >
      <div className="reading-progress-bar" style={{ width: `${percent}%` }} />
    </div>
  );
}
