package io.devhost.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImplicitRootTest {

  @ParameterizedTest(name = "{0} (home {1}) -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /                          | /home/ann       | the file system's root
          /home/ann                  | /home/ann       | your home directory
          /home/ann/                 | /home/ann       | your home directory
          /Users/ann                 | /Users/ann      | your home directory
          /root                      | /root           | your home directory
          /home                      | /home/ann       | a system directory
          /Users                     | /Users/ann      | a system directory
          /etc                       | /home/ann       | a system directory
          /etc/nginx                 | /home/ann       | a system directory
          /usr                       | /home/ann       | a system directory
          /bin                       | /home/ann       | a system directory
          /sbin                      | /home/ann       | a system directory
          /lib                       | /home/ann       | a system directory
          /lib64                     | /home/ann       | a system directory
          /lib/x86_64-linux-gnu      | /home/ann       | a system directory
          /var                       | /home/ann       | a system directory
          /proc/self                 | /home/ann       | a system directory
          /sys                       | /home/ann       | a system directory
          /dev                       | /home/ann       | a system directory
          /boot                      | /home/ann       | a system directory
          /opt                       | /home/ann       | a system directory
          /tmp                       | /home/ann       | a system directory
          /tmp/                      | /home/ann       | a system directory
          /System/Library            | /Users/ann      | a system directory
          /Library                   | /Users/ann      | a system directory
          /Applications              | /Users/ann      | a system directory
          /private                   | /Users/ann      | a system directory
          C:\\                       | C:\\Users\\ann  | the file system's root
          D:                         | C:\\Users\\ann  | the file system's root
          C:\\Windows                | C:\\Users\\ann  | a system directory
          c:\\windows\\system32      | C:\\Users\\ann  | a system directory
          C:\\Program Files          | C:\\Users\\ann  | a system directory
          C:\\Program Files (x86)\\x | C:\\Users\\ann  | a system directory
          C:\\Users\\ann             | C:\\Users\\ann  | your home directory
          C:\\Users                  | C:\\Users\\ann  | a system directory
          """)
  void refusesSystemAndHomeDirectories(String dir, String home, String reason) {
    assertThat(ImplicitRoot.whyNot(dir, home)).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0} (home {1}) is a project")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /home/ann/src/shop         | /home/ann
          /home/ann/Library          | /home/ann
          /usr/src/app               | /root
          /var/www/site              | /home/ann
          /opt/app                   | /home/ann
          /tmp/junit123/project      | /home/ann
          /workspace                 | /home/devhost
          /etcetera                  | /home/ann
          /Users/ann/code/shop       | /Users/ann
          /private/tmp/x             | /Users/ann
          C:\\Users\\ann\\code\\shop | C:\\Users\\ann
          D:\\work\\shop             | C:\\Users\\ann
          C:\\Windows-tools          | C:\\Users\\ann
          """)
  void servesAProjectDirectory(String dir, String home) {
    assertThat(ImplicitRoot.whyNot(dir, home)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"/, false", "/home/ann/shop, true"})
  void givesTheWorkingDirectoryOnlyWhenAllowed(String dir, boolean served) {
    assertThat(ImplicitRoot.of(Path.of(dir), Path.of("/home/ann")).isPresent()).isEqualTo(served);
  }
}
