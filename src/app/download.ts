// Saves text as a file through the browser: the Settings backup panel and the screen error's
// "Export a backup" both use it.

export function download(name: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Today's date as the backup file names carry it (2026-11-27). */
export const fileDate = (now: number = Date.now()) => new Date(now).toISOString().slice(0, 10);
