package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.config.PercussConfig;

class ConfigMixinTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void theUsersFileFollowsTheXdgRules() {
        Path home = Path.of("/home/ada");
        assertThat(ConfigMixin.usersFile(Map.of(), home)).isEqualTo(Path.of("/home/ada/.config/percuss/percuss.yaml"));
        assertThat(ConfigMixin.usersFile(Map.of("XDG_CONFIG_HOME", "/etc/xdg-ada"), home))
                .isEqualTo(Path.of("/etc/xdg-ada/percuss/percuss.yaml"));
        // a relative or empty XDG_CONFIG_HOME is ignored, as the spec says
        assertThat(ConfigMixin.usersFile(Map.of("XDG_CONFIG_HOME", "rel"), home))
                .isEqualTo(Path.of("/home/ada/.config/percuss/percuss.yaml"));
        assertThat(ConfigMixin.usersFile(Map.of("XDG_CONFIG_HOME", " "), home))
                .isEqualTo(Path.of("/home/ada/.config/percuss/percuss.yaml"));
    }

    @Test
    void withoutConfigTheUsersFileIsReadAndNamed() throws IOException {
        Path users = Files.writeString(dir.resolve("percuss.yaml"), "levels: [1000, 1500]\n");
        PercussConfig c = ConfigMixin.loadOrUsers(null, new PrintWriter(err), users);
        assertThat(c.levels().count()).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("config: " + users + System.lineSeparator());
    }

    @Test
    void anExplicitConfigWins() throws IOException {
        Path users = Files.writeString(dir.resolve("percuss.yaml"), "levels: [1000, 1500]\n");
        Path mine = Files.writeString(dir.resolve("mine.yaml"), "levels: [1000, 1500, 2000]\n");
        assertThat(ConfigMixin.loadOrUsers(mine, new PrintWriter(err), users).levels().count()).isEqualTo(3);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void noUsersFileIsTheDefaults() {
        assertThat(ConfigMixin.loadOrUsers(null, new PrintWriter(err), dir.resolve("absent.yaml")))
                .isEqualTo(PercussConfig.DEFAULT);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aBrokenUsersFileIsReportedWithItsPath() throws IOException {
        Path users = Files.writeString(dir.resolve("percuss.yaml"), "warmup: 2h\n");
        assertThat(ConfigMixin.loadOrUsers(null, new PrintWriter(err), users)).isNull();
        assertThat(err.toString()).contains(users + ":1: warmup: 2h is outside 0s..1m");
    }
}
