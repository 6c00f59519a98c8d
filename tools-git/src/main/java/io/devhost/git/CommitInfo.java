package io.devhost.git;

import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;

/** A commit as the git tools report it. Names and messages are untrusted text. */
record CommitInfo(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sha,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String author,
    String email,
    @Schema(description = "Author date, ISO-8601.", requiredMode = Schema.RequiredMode.REQUIRED)
        String date,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String subject,
    @Schema(description = "Message after the subject line, when any.") String body,
    List<String> parents,
    @Schema(description = "Changed files, when asked for.") List<FileChange> files) {

  static CommitInfo of(RevCommit c, List<FileChange> files) {
    var who = c.getAuthorIdent();
    String message = UntrustedText.strip(c.getFullMessage());
    int nl = message.indexOf('\n');
    String subject = nl < 0 ? message : message.substring(0, nl);
    String body = nl < 0 ? null : message.substring(nl + 1).strip();
    return new CommitInfo(
        c.getName(),
        UntrustedText.strip(who.getName()),
        UntrustedText.strip(who.getEmailAddress()),
        Instant.ofEpochSecond(who.getWhenAsInstant().getEpochSecond()).toString(),
        subject,
        body == null || body.isEmpty() ? null : body,
        Arrays.stream(c.getParents()).map(RevCommit::getName).toList(),
        files);
  }

  String oneLine() {
    return sha.substring(0, 10) + " " + date.substring(0, 10) + " " + author + "  " + subject;
  }
}
