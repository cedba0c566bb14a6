package dev.readbackplan.internal.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.util.VersionUtil;
import dev.readbackplan.ReadbackPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A consumer pinning an older Jackson (Spring Boot projects pin 2.17 or 2.19) gets an exception that
 * names the version needed and the version found when it creates a planner, not weaker checks or a
 * bare NoSuchMethodError.
 */
class JacksonVersionTest {
    private static Version version(String text) {
        return VersionUtil.parseVersion(text, "com.fasterxml.jackson.core", "jackson-core");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.12.7", "2.15.4", "2.16.0", "2.17.2", "2.19.0", "2.20.1", "2.22.3", "1.9.13", "3.0.0"})
    void refusesVersionsBeforeTheFloorAndOtherMajors(String found) {
        // Jackson 3 moved its classes to other packages: a 3.x version here is a mix-up.
        assertFalse(JacksonVersion.isSupported(version(found)), found);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JacksonVersion.require("jackson-core", version(found)));
        assertTrue(e.getMessage().contains("jackson-core 2.23.0 or a later 2.x"), e.getMessage());
        assertTrue(e.getMessage().contains("found " + found + " "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.23.0", "2.23.0-SNAPSHOT", "2.23.1", "2.24.0", "2.30.2"})
    void acceptsTheFloorAndLater2x(String found) {
        assertTrue(JacksonVersion.isSupported(version(found)), found);
        assertDoesNotThrow(() -> JacksonVersion.require("jackson-databind", version(found)));
    }

    @Test
    void anUnknownVersionIsRefusedAndSaidSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JacksonVersion.require("jackson-databind", Version.unknownVersion()));
        assertTrue(e.getMessage().contains("found an unknown version"), e.getMessage());
        assertTrue(e.getMessage().contains("jackson-databind 2.23.0"), e.getMessage());
    }

    @Test
    void theJacksonThisBuildRunsWithPassesAndPlannersAreCreated() {
        assertDoesNotThrow(() -> JacksonVersion.require());
        assertEquals(2, com.fasterxml.jackson.core.json.PackageVersion.VERSION.getMajorVersion());
        assertDoesNotThrow(() -> ReadbackPlanner.create());
    }
}
