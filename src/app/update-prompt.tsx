import { Button } from '../ui/button.tsx';
import { applyUpdate, useUpdateState } from './register-sw.ts';

export function UpdatePrompt() {
  const waiting = useUpdateState((s) => s.waiting);
  if (!waiting) return null;
  return (
    <div className="banner" role="status">
      A new version of Recall is ready.{' '}
      <Button small variant="primary" onClick={applyUpdate}>
        Reload to update
      </Button>
    </div>
  );
}
