// Which deck folders are collapsed on Home, remembered on this device (localStorage): a view
// preference, so it stays out of the synced collection.
import { useCallback, useState } from 'react';

export const COLLAPSED_FOLDERS_KEY = 'recall:collapsed-folders';

function read(): Set<string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(COLLAPSED_FOLDERS_KEY) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
  } catch {
    return new Set(); // storage refused or a damaged value: every folder open
  }
}

function write(folders: ReadonlySet<string>): void {
  try {
    localStorage.setItem(COLLAPSED_FOLDERS_KEY, JSON.stringify([...folders].sort()));
  } catch {
    // Not remembered (storage full or refused); the folder still collapses for now.
  }
}

/** The collapsed folders' paths, and a toggle that opens or closes one and remembers it. */
export function useCollapsedFolders(): [ReadonlySet<string>, (folder: string) => void] {
  const [collapsed, setCollapsed] = useState(read);
  const toggle = useCallback((folder: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(folder)) next.add(folder);
      write(next);
      return next;
    });
  }, []);
  return [collapsed, toggle];
}
