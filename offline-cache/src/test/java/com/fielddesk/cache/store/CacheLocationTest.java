package com.fielddesk.cache.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheLocationTest {

    private final Path home = Path.of("/home/kim");

    @Test
    void eachOperatingSystemUsesItsPerUserDataFolder() {
        assertThat(CacheLocation.dataFolder("Windows 11", Map.of("LOCALAPPDATA", "C:/Users/kim/AppData/Local"), home))
                .isEqualTo(Path.of("C:/Users/kim/AppData/Local/FieldDesk"));
        assertThat(CacheLocation.dataFolder("Mac OS X", Map.of(), home))
                .isEqualTo(home.resolve("Library/Application Support/FieldDesk"));
        assertThat(CacheLocation.dataFolder("Linux", Map.of(), home)).isEqualTo(home.resolve(".local/share/fielddesk"));
        assertThat(CacheLocation.dataFolder("Linux", Map.of("XDG_DATA_HOME", "/data"), home)).isEqualTo(Path.of("/data/fielddesk"));
    }

    @Test
    void oneFilePerWorkspaceAndUser() {
        Path a = CacheLocation.forUser(home, "local-demo", "3f2c");
        Path b = CacheLocation.forUser(home, "local-demo", "9e11");
        Path c = CacheLocation.forUser(home, "acme-supabase", "3f2c");
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
        assertThat(a).isEqualTo(home.resolve("cache/local-demo/3f2c.db"));
    }

    @Test
    void idsThatCouldEscapeTheFolderAreRefused() {
        assertThatThrownBy(() -> CacheLocation.forUser(home, "../etc", "u")).hasMessageContaining("workspace");
        assertThatThrownBy(() -> CacheLocation.forUser(home, "w", "a/b")).hasMessageContaining("user");
    }
}
