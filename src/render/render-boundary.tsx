import { Component, type ReactNode } from 'react';

interface Props {
  /** Shown instead of the children if rendering them throws. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Keeps one card's bad Markdown (or a plugin bug it triggers) from taking down the screen: the
 * card shows its source instead. Give it a `key` that changes with the Markdown to retry.
 */
export class RenderBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
