package io.devhost.server.mcp;

import io.modelcontextprotocol.util.McpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URI templates with RFC 6570 reserved expansion: {@code {+path}} matches across '/' (a file path),
 * {@code {name}} one segment. The SDK's default matcher knows only the latter, so a template such
 * as {@code file://{+path}} would never match a nested file.
 */
public final class ReservedExpansionUriTemplates implements McpUriTemplateManagerFactory {

  private static final Pattern VARIABLE = Pattern.compile("\\{(\\+?)([^/}]+)}");

  @Override
  public McpUriTemplateManager create(String template) {
    var names = new ArrayList<String>();
    var regex = new StringBuilder("^");
    Matcher m = VARIABLE.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append(m.group(1).isEmpty() ? "([^/]+)" : "(.+)");
      names.add(m.group(2));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append('$');
    Pattern compiled = Pattern.compile(regex.toString());
    return new McpUriTemplateManager() {
      @Override
      public List<String> getVariableNames() {
        return List.copyOf(names);
      }

      @Override
      public Map<String, String> extractVariableValues(String uri) {
        var values = new LinkedHashMap<String, String>();
        Matcher u = compiled.matcher(uri);
        if (u.matches()) {
          for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), u.group(i + 1));
          }
        }
        return values;
      }

      @Override
      public boolean matches(String uri) {
        return compiled.matcher(uri).matches();
      }

      @Override
      public boolean isUriTemplate(String uri) {
        return VARIABLE.matcher(uri).find();
      }
    };
  }
}
