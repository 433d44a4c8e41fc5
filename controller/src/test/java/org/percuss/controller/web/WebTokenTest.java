package org.percuss.controller.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.files.FileProblem;

class WebTokenTest {

    @TempDir
    Path dir;

    @Test
    void theFirstUseMakesAPrivateTokenAndLaterUsesReadIt() throws Exception {
        Path file = dir.resolve("state/percuss/web-token");
        WebToken made = WebToken.loadOrCreate(file);
        assertThat(made.created()).isTrue();
        assertThat(made.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        WebToken again = WebToken.loadOrCreate(file);
        assertThat(again.created()).isFalse();
        assertThat(again.value()).isEqualTo(made.value());
        assertThat(again.matches(made.value())).isTrue();
        assertThat(again.matches(made.value() + "x")).isFalse();
        assertThat(again.matches(null)).isFalse();
    }

    @Test
    void deletingTheFileRevokesTheToken() throws Exception {
        Path file = dir.resolve("web-token");
        WebToken old = WebToken.loadOrCreate(file);
        Files.delete(file);
        WebToken fresh = WebToken.loadOrCreate(file);
        assertThat(fresh.created()).isTrue();
        assertThat(fresh.matches(old.value())).isFalse();
    }

    @Test
    void aTokenFileOthersCanReadIsRefusedSinceTheTokenMayBeKnown() throws Exception {
        Path file = dir.resolve("web-token");
        WebToken.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> WebToken.loadOrCreate(file)).isInstanceOf(FileProblem.class)
                .hasMessage("--web: the token file " + file + " can be read or written by others (rw-r--r--), so the"
                        + " token may be known; delete it to make a new one");
    }

    @Test
    void aFileThatHoldsNoTokenOrIsNoFileIsRefused() throws Exception {
        Path garbage = dir.resolve("garbage");
        Files.writeString(garbage, "not a token\n");
        Files.setPosixFilePermissions(garbage, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> WebToken.loadOrCreate(garbage))
                .hasMessageEndingWith("does not hold a percuss token; delete it to make a new one");
        Path directory = Files.createDirectory(dir.resolve("adir"));
        assertThatThrownBy(() -> WebToken.loadOrCreate(directory)).isInstanceOf(FileProblem.class)
                .hasMessageContaining("is a directory");
    }
}
