package io.devhost.fs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that walks and searches hand work to: listing directories ahead of a walk and reading
 * files for a search. Walking a tree is bound by system calls (one fstatat per entry, an open and a
 * read per file), which overlap across threads. Tasks never wait on each other, so one shared fixed
 * pool cannot deadlock; daemon threads never keep the JVM alive.
 */
final class Workers {

  static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          THREADS,
          r -> {
            Thread t = new Thread(r, "devhost-fs-worker");
            t.setDaemon(true);
            return t;
          });

  private Workers() {}
}
