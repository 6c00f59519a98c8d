package io.devhost.fs;

import io.devhost.core.Cursor;
import io.devhost.core.ToolException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Reads and matches the files of a search on worker threads while the walk goes on, and takes the
 * results back in walk order, so pages stay exact and resumable. A search is bound by system calls
 * (a profile of the 20,000-file benchmark: read, fstatat, openat and close made up nearly all
 * samples), and the walk's fstatat calls overlap with the workers' reads; see docs/benchmarks-fs.md
 * for what it gave on the 2-core benchmark machine.
 *
 * <p>Files are opened by the walking thread, relative to the verified directory handle it holds
 * (the handle is closed once the walk leaves that directory); a worker only reads the open channel.
 * At most {@link #MAX_IN_FLIGHT} files are pending, which bounds memory and open descriptors even
 * when every line matches.
 */
final class ParallelScan implements AutoCloseable {

  private static final int MAX_IN_FLIGHT = 4 * Workers.THREADS;
  private static final ThreadLocal<FileBuffer> BUFFERS = ThreadLocal.withInitial(FileBuffer::new);

  /** The matching lines of one file, and whether more lines matched beyond {@code limit}. */
  private record Hits(List<SearchContent.Match> matches, boolean more) {}

  /** A file handed to a worker; {@code previous} is the walk entry before it, for the cursor. */
  private record Pending(Future<Hits> hits, FileChannel channel, String previous, int skip) {}

  private final LineMatcher matcher;
  private final int max;
  private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
  private final List<SearchContent.Match> matches = new ArrayList<>();
  private String cursor;

  ParallelScan(LineMatcher matcher, int max) {
    this.matcher = matcher;
    this.max = max;
  }

  /**
   * Opens a file of the walk and queues it.
   *
   * @return true when the page is full and the walk should stop
   */
  boolean submit(FileWalker.Entry e, String path, String previous, int skip) {
    FileChannel ch;
    try {
      ch = e.dir().openRegular(e.name(), e.attrs(), path);
    } catch (IOException | ToolException ex) {
      return false; // vanished, swapped or hard-linked: skipped, as grep skips unreadable files
    }
    long size = e.attrs().size();
    int limit = skip + max;
    Future<Hits> hits = Workers.POOL.submit(() -> scan(ch, size, path, limit));
    inFlight.add(new Pending(hits, ch, previous, skip));
    return drain(false);
  }

  /** Waits for the files still pending. */
  void finish() {
    drain(true);
  }

  List<SearchContent.Match> matches() {
    return matches;
  }

  /** The cursor of the next page, or null when the search is complete. */
  String cursor() {
    return cursor;
  }

  private Hits scan(FileChannel ch, long size, String path, int limit) {
    try (ch) {
      FileBuffer buffer = BUFFERS.get();
      if (!buffer.load(ch, size)) {
        return new Hits(List.of(), false);
      }
      var found = new ArrayList<SearchContent.Match>();
      boolean more = matcher.scan(buffer, path, 0, limit, found);
      return new Hits(found, more);
    } catch (IOException | RuntimeException e) {
      return new Hits(List.of(), false);
    }
  }

  /** Takes finished results in walk order; returns true once the page is full. */
  private boolean drain(boolean all) {
    while (cursor == null && !inFlight.isEmpty()) {
      Pending head = inFlight.peek();
      if (!all && inFlight.size() < MAX_IN_FLIGHT && !head.hits().isDone()) {
        return false;
      }
      inFlight.poll();
      take(head, await(head.hits()));
    }
    return cursor != null;
  }

  private void take(Pending p, Hits hits) {
    int from = Math.min(p.skip(), hits.matches().size());
    int available = hits.matches().size() - from;
    int taken = Math.min(available, max - matches.size());
    matches.addAll(hits.matches().subList(from, from + taken));
    if (taken < available || hits.more()) {
      cursor = Cursor.encode(Map.of("after", p.previous(), "skip", p.skip() + taken));
    }
  }

  private static Hits await(Future<Hits> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException(ToolException.Kind.CANCELLED, "The search was interrupted.");
    } catch (ExecutionException e) {
      return new Hits(List.of(), false);
    }
  }

  /** Cancels what is still queued; a channel whose task never ran is closed here. */
  @Override
  public void close() {
    for (Pending p : inFlight) {
      if (p.hits().cancel(false)) {
        try {
          p.channel().close();
        } catch (IOException ignored) {
          // nothing was read from it
        }
      }
    }
    inFlight.clear();
  }
}
