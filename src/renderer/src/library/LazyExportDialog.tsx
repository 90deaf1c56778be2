import { lazy, Suspense, type ComponentProps } from 'react';

const Loaded = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

/** The export dialog (see ExportDialog), its code and zip writer loaded when it is first shown. */
export function LazyExportDialog(props: ComponentProps<typeof Loaded>) {
  return (
    <Suspense fallback={null}>
      <Loaded {...props} />
    </Suspense>
  );
}
