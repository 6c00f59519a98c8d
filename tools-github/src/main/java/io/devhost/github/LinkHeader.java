package io.devhost.github;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code Link} header GitHub pages with: {@code <url>; rel="next", <url>; rel="last"}. */
final class LinkHeader {

  private static final Pattern PART = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"([^\"]+)\"");
  private static final Pattern PAGE = Pattern.compile("(?:^|&)page=(\\d+)");

  private LinkHeader() {}

  static Map<String, URI> parse(String header) {
    var links = new HashMap<String, URI>();
    if (header == null) {
      return links;
    }
    var m = PART.matcher(header);
    while (m.find()) {
      links.put(m.group(2), URI.create(m.group(1)));
    }
    return links;
  }

  /** The {@code page} number in a link, or null when it has none. */
  static Integer page(URI link) {
    if (link == null || link.getRawQuery() == null) {
      return null;
    }
    var m = PAGE.matcher(link.getRawQuery());
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
