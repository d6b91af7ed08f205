import { Banner } from '../ui/banner.tsx';
import { Button } from '../ui/button.tsx';

export type StorageNoticeState = 'ask' | 'asking' | 'refused';

/** The warning that the browser may clear Recall's storage, with what the person can do about it. */
export function StorageNotice({
  state,
  settingsHref,
  onAsk,
  onDismiss,
}: {
  state: StorageNoticeState;
  settingsHref: string;
  onAsk: () => void;
  onDismiss: () => void;
}) {
  const backup = (
    <>
      <a href={settingsHref}>export a backup from Settings</a> now and then
    </>
  );
  return (
    <Banner
      actions={
        <>
          {state !== 'refused' && (
            <Button small variant="primary" onClick={onAsk} disabled={state === 'asking'}>
              Keep my data on this device
            </Button>
          )}
          <Button small onClick={onDismiss}>
            Don’t show again
          </Button>
        </>
      }
    >
      {state === 'refused' ? (
        <>
          The browser declined to keep Recall’s storage (browsers decide from how much a site is
          used; bookmarking or installing Recall can help). It may still be cleared when space runs
          low: {backup}.
        </>
      ) : (
        <>
          This browser may clear Recall’s storage when space runs low. Ask it to keep your progress,
          or {backup}.
        </>
      )}
    </Banner>
  );
}
