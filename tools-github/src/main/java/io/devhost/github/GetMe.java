package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;

/** Who the token belongs to. */
final class GetMe {

  private GetMe() {}

  @Schema(description = "No arguments.")
  record Input() {}

  record Output(String login, String name, String type, String url, String allowedRepos) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("get_me", Input.class, Output.class)
        .title("GitHub: current user")
        .description("The GitHub user the token belongs to, and which repositories DevHost allows.")
        .idempotent()
        .openWorld()
        .handler(
            (ctx, in) -> {
              var n = gh.client().get(ctx, "/user", java.util.Map.of()).json();
              return new Output(
                  UntrustedBodies.login(n),
                  UntrustedBodies.text(n, "name"),
                  n.path("type").asString(null),
                  n.path("html_url").asString(null),
                  gh.allowlist().describe());
            })
        .build();
  }
}
