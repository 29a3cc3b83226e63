/**
 * Console scrolling for a scrollable element: while the reader is at the bottom, whatever is
 * added keeps them there (the newest line in view); once they scroll up to read something,
 * nothing moves under them until they scroll back down.
 */

/** How close to the bottom still counts as "at the bottom" (a line or so of slack). */
export const AT_BOTTOM_SLACK_PX = 24;

export class FollowBottom {
  private following = true;

  constructor(private readonly element: HTMLElement) {
    element.addEventListener("scroll", () => {
      // A hidden pane (a phone's other tab) has no size: that says nothing about the reader.
      if (element.clientHeight > 0) this.following = this.atBottom();
    });
    new MutationObserver(() => this.follow()).observe(element, { childList: true, subtree: true, characterData: true });
    // Shown again, or resized by the splitter: back to the newest if that is where they were.
    if (typeof ResizeObserver !== "undefined") new ResizeObserver(() => this.follow()).observe(element);
  }

  /** Whether the reader is following the newest output. */
  get isFollowing(): boolean {
    return this.following;
  }

  /** Back to the newest output (after Clear, or a run of one's own). */
  resume(): void {
    this.following = true;
    this.follow();
  }

  private atBottom(): boolean {
    const { scrollHeight, scrollTop, clientHeight } = this.element;
    return scrollHeight - scrollTop - clientHeight <= AT_BOTTOM_SLACK_PX;
  }

  private follow(): void {
    if (this.following) this.element.scrollTop = this.element.scrollHeight;
  }
}
