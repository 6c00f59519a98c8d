package io.devhost.git;

import java.io.IOException;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;

/** The sides a diff can compare: a commit's tree, the index, or the working tree. */
final class TreeSides {

  private TreeSides() {}

  static AbstractTreeIterator commit(Repository repo, ObjectId commitId) throws IOException {
    try (var walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(commitId);
      return tree(repo, c.getTree());
    }
  }

  static AbstractTreeIterator parentOf(Repository repo, RevCommit c) throws IOException {
    if (c.getParentCount() == 0) {
      return new EmptyTreeIterator();
    }
    return commit(repo, c.getParent(0));
  }

  static AbstractTreeIterator tree(Repository repo, ObjectId treeId) throws IOException {
    var parser = new CanonicalTreeParser();
    try (var reader = repo.newObjectReader()) {
      parser.reset(reader, treeId);
    }
    return parser;
  }

  static AbstractTreeIterator index(Repository repo) throws IOException {
    return new DirCacheIterator(repo.readDirCache());
  }

  static AbstractTreeIterator workingTree(Repository repo) {
    return new FileTreeIterator(repo);
  }
}
