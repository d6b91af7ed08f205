import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useState,
  type ImgHTMLAttributes,
  type ReactNode,
} from 'react';
import { remoteHost } from './urls.ts';
import './remote-images.css';

/**
 * Whether a deck may show images from other hosts. A deck is a file anyone can hand over, and an
 * image from another host tells that host who studies what and when; so each deck asks once, and
 * the answer is remembered by whoever provides this (the app keeps it on the device).
 */
export interface RemoteImagesPolicy {
  allowed(deckPath: string): boolean;
  allow(deckPath: string): void;
}

/** Without a provider nothing remote is shown, and asking does nothing. */
const NEVER: RemoteImagesPolicy = { allowed: () => false, allow: () => undefined };

export const RemoteImagesContext = createContext<RemoteImagesPolicy>(NEVER);

/** The deck file the Markdown being rendered comes from ('' when none). */
export const DeckPathContext = createContext<string>('');

export interface RemoteImagesProviderProps {
  /** Deck paths already allowed, read once. */
  load: () => readonly string[];
  /** Called with every allowed deck path after one is added. */
  save: (deckPaths: string[]) => void;
  children: ReactNode;
}

export function RemoteImagesProvider({ load, save, children }: RemoteImagesProviderProps) {
  const [allowedPaths, setAllowedPaths] = useState(() => new Set(load()));
  const allow = useCallback(
    (deckPath: string) =>
      setAllowedPaths((current) => {
        if (current.has(deckPath)) return current;
        const next = new Set(current).add(deckPath);
        save([...next]);
        return next;
      }),
    [save],
  );
  const policy = useMemo<RemoteImagesPolicy>(
    () => ({ allowed: (deckPath) => allowedPaths.has(deckPath), allow }),
    [allowedPaths, allow],
  );
  return <RemoteImagesContext value={policy}>{children}</RemoteImagesContext>;
}

/**
 * An image from a card. One from another host is a placeholder naming the host until the person
 * allows remote images for the deck; nothing is fetched before that.
 */
export function CardImage({
  src,
  alt,
  ...rest
}: ImgHTMLAttributes<HTMLImageElement> & { src: string }) {
  const policy = useContext(RemoteImagesContext);
  const deckPath = useContext(DeckPathContext);
  const host = remoteHost(src);
  if (host !== null && !policy.allowed(deckPath)) {
    return (
      <span className="remote-image">
        <span className="remote-image-host">
          Image from {host}
          {alt ? `: ${alt}` : ''}
        </span>
        <button type="button" className="remote-image-allow" onClick={() => policy.allow(deckPath)}>
          Show images from this deck
        </button>
      </span>
    );
  }
  return <img {...rest} src={src} alt={alt ?? ''} loading="lazy" decoding="async" />;
}
