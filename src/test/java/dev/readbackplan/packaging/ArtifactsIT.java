package dev.readbackplan.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code mvn verify} produces for a security team to audit: every jar carries this project's
 * LICENSE and NOTICE; the CLI jar also the licence files of everything it bundles, and its SBOM
 * lists exactly what it bundles; the library's SBOM and the javadoc jar exist. The SBOM checks are
 * skipped in an offline build (Maven does not run CycloneDX offline), the others are not.
 */
class ArtifactsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Licence and notice files directly under META-INF/, as dependencies ship them. */
    private static final Pattern LICENCE_FILE = Pattern.compile("META-INF/[^/]*(?i:licen[cs]e|notice)[^/]*");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".jar", "-sources.jar", "-javadoc.jar", "-cli.jar"})
    void everyJarCarriesThisProjectsLicenceAndNotice(String suffix) throws IOException {
        try (ZipFile jar = new ZipFile(Artifacts.file(suffix).toFile())) {
            assertArrayEquals(Files.readAllBytes(Path.of("LICENSE")), read(jar, "META-INF/LICENSE"), "META-INF/LICENSE");
            assertArrayEquals(Files.readAllBytes(Path.of("NOTICE")), read(jar, "META-INF/NOTICE"), "META-INF/NOTICE");
        }
    }

    /** RE2/J, the one library the library jar bundles, relocated: it names no module. */
    private static final String RE2J = "com/google/re2j/";
    private static final String RELOCATED_RE2J = "dev/readbackplan/internal/re2j/";

    @Test
    void theLibraryJarBundlesOnlyRe2jRelocatedWithItsLicence() throws IOException {
        File re2j = jarOnClassPath("re2j");
        Set<String> re2jClasses = new TreeSet<>();
        try (ZipFile zip = new ZipFile(re2j)) {
            zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                    .forEach(n -> re2jClasses.add(RELOCATED_RE2J + n.substring(RE2J.length())));
        }
        try (ZipFile jar = new ZipFile(Artifacts.file(".jar").toFile())) {
            List<String> foreign = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("dev/readbackplan/") && !name.equals("module-info.class"))
                    .toList();
            assertEquals(List.of(), foreign);
            Set<String> relocated = new TreeSet<>();
            jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith(RELOCATED_RE2J) && n.endsWith(".class")).forEach(relocated::add);
            assertEquals(re2jClasses, relocated, "RE2/J's classes under " + RELOCATED_RE2J);
            List<String> licences = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("META-INF/licenses/") && !n.endsWith("/")).toList();
            assertEquals(List.of("META-INF/licenses/re2j/LICENSE"), licences);
            assertTrue(new String(read(jar, "META-INF/licenses/re2j/LICENSE"), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("Copyright (c) 2009 The Go Authors"));
            assertNotNull(jar.getEntry("module-info.class"), "the library jar is a named module");
        }
    }

    @Test
    void theCliJarCarriesRe2jOnlyRelocatedAndItsLicence() throws IOException {
        try (ZipFile cli = new ZipFile(Artifacts.file("-cli.jar").toFile())) {
            assertTrue(cli.stream().noneMatch(e -> e.getName().startsWith(RE2J)), "RE2/J twice in the CLI jar");
            assertNotNull(cli.getEntry(RELOCATED_RE2J + "Pattern.class"));
            assertNotNull(cli.getEntry("META-INF/licenses/re2j/LICENSE"));
        }
    }

    private static File jarOnClassPath(String artifactId) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            if (file.isFile() && file.getName().equals(artifactId + "-" + file.getParentFile().getName() + ".jar")) {
                return file;
            }
        }
        throw new AssertionError("not on the test class path: " + artifactId);
    }

    @Test
    void theCliJarKeepsTheLicenceFilesOfWhatItBundles() throws IOException {
        Map<String, File> bundled = bundledJars();
        List<String> problems = new ArrayList<>();
        int kept = 0;
        try (ZipFile cli = new ZipFile(Artifacts.file("-cli.jar").toFile())) {
            for (Map.Entry<String, File> dependency : bundled.entrySet()) {
                try (ZipFile jar = new ZipFile(dependency.getValue())) {
                    for (ZipEntry entry : jar.stream().filter(e -> LICENCE_FILE.matcher(e.getName()).matches()).toList()) {
                        String name = entry.getName().substring("META-INF/".length());
                        String path = "META-INF/licenses/" + dependency.getKey() + "/" + name;
                        ZipEntry copy = cli.getEntry(path);
                        if (copy == null) {
                            problems.add("missing " + path);
                        } else if (!Arrays.equals(jar.getInputStream(entry).readAllBytes(), cli.getInputStream(copy).readAllBytes())) {
                            problems.add("differs from the original: " + path);
                        } else {
                            kept++;
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        // Jackson's three modules and slf4j's two carry licence files today.
        assertTrue(kept >= 5 && bundled.keySet().containsAll(Set.of("jackson-core", "slf4j-api", "slf4j-nop")),
                "licence files kept: " + kept + ", bundled: " + bundled.keySet());
    }

    @Test
    void everyForeignClassOfTheCliJarComesFromABundledJar() throws IOException {
        Set<String> classesOfBundled = new HashSet<>();
        for (File jar : bundledJars().values()) {
            try (ZipFile zip = new ZipFile(jar)) {
                zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).forEach(classesOfBundled::add);
            }
        }
        Set<String> unaccounted = new TreeSet<>();
        try (ZipFile cli = new ZipFile(Artifacts.file("-cli.jar").toFile())) {
            for (ZipEntry entry : cli.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith(RELOCATED_RE2J)) {
                    name = RE2J + name.substring(RELOCATED_RE2J.length());
                }
                if (name.endsWith(".class") && !name.startsWith("dev/readbackplan/") && !classesOfBundled.contains(name)) {
                    unaccounted.add(name.substring(0, Math.max(0, name.lastIndexOf('/'))));
                }
            }
        }
        assertEquals(Set.of(), unaccounted, "packages in the CLI jar from no dependency");
    }

    @Test
    void theCliSbomListsExactlyWhatTheCliJarBundles() throws IOException {
        JsonNode bom = sbom("-cli-cyclonedx.json");
        assertEquals("application", bom.at("/metadata/component/type").asText());
        Map<String, File> bundled = bundledJars();
        Set<String> listed = new TreeSet<>();
        for (JsonNode component : bom.get("components")) {
            String name = component.get("name").asText();
            listed.add(name);
            File jar = bundled.get(name);
            assertNotNull(jar, "listed in the CLI SBOM but not in the CLI jar: " + name);
            assertEquals(jar.getParentFile().getName(), component.get("version").asText(), "version of " + name);
        }
        assertEquals(bundled.keySet(), listed, "the CLI SBOM against what the CLI jar bundles");
    }

    @Test
    void theLibrarySbomListsItsDependencies() throws IOException {
        JsonNode bom = sbom("-cyclonedx.json");
        assertEquals("library", bom.at("/metadata/component/type").asText());
        Map<String, String> scopes = new LinkedHashMap<>();
        bom.get("components").forEach(c -> scopes.put(c.get("name").asText(), c.path("scope").asText()));
        for (String dependency : List.of("jackson-core", "jackson-databind", "jackson-annotations", "json-schema-validator")) {
            assertEquals("required", scopes.get(dependency), dependency + " in " + scopes);
        }
        // Bundled in the CLI jar only: a library user does not get it.
        assertEquals("optional", scopes.get("slf4j-nop"), "slf4j-nop in " + scopes);
        assertTrue(scopes.keySet().stream().noneMatch(n -> n.startsWith("junit") || n.startsWith("jazzer")), "test dependencies: " + scopes);
    }

    @Test
    void theJavadocJarDocumentsThePublicApiOnly() throws IOException {
        try (ZipFile jar = new ZipFile(Artifacts.file("-javadoc.jar").toFile())) {
            Set<String> pages = new TreeSet<>();
            jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".html")).forEach(pages::add);
            assertTrue(pages.stream().anyMatch(p -> p.endsWith("dev/readbackplan/ReadbackPlanner.html")), "no ReadbackPlanner page");
            assertTrue(pages.stream().anyMatch(p -> p.endsWith("dev/readbackplan/model/ReadbackPlan.html")), "no model pages");
            List<String> hidden = pages.stream().filter(p -> p.contains("/internal/") || p.contains("/cli/")).toList();
            assertEquals(List.of(), hidden, "pages of packages that are not API");
        }
    }

    /**
     * The jars the CLI jar bundles, by artifact id: those on this test's class path (the project's
     * dependencies, with the tests') with a class in the CLI jar. Found from the jars themselves, so
     * that the licence check does not depend on the SBOM, which an offline build does not make.
     */
    private static Map<String, File> bundledJars() throws IOException {
        Set<String> cliClasses;
        try (ZipFile cli = new ZipFile(Artifacts.file("-cli.jar").toFile())) {
            cliClasses = cli.stream().map(ZipEntry::getName)
                    .map(n -> n.startsWith(RELOCATED_RE2J) ? RE2J + n.substring(RELOCATED_RE2J.length()) : n)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("dev/readbackplan/")).collect(Collectors.toSet());
        }
        Map<String, File> jars = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            if (!file.isFile() || !file.getName().endsWith(".jar") || file.getName().startsWith("monitoring-readback-plan-")) {
                continue;
            }
            try (ZipFile zip = new ZipFile(file)) {
                if (zip.stream().map(ZipEntry::getName).anyMatch(cliClasses::contains)) {
                    jars.put(artifactId(file), file);
                }
            }
        }
        assertFalse(jars.isEmpty(), "no jar of the class path is bundled in the CLI jar");
        return jars;
    }

    /** {@code jackson-core} for {@code .../jackson-core-2.23.0.jar}: Maven's layout, artifactId-version.jar. */
    private static String artifactId(File jar) {
        String version = jar.getParentFile().getName();
        String name = jar.getName();
        String suffix = "-" + version + ".jar";
        assertTrue(name.endsWith(suffix), "not in Maven's layout: " + jar);
        return name.substring(0, name.length() - suffix.length());
    }

    /**
     * An SBOM of this build. Offline ({@code mvn -o}), Maven skips CycloneDX's makeBom, which declares
     * that it needs online mode (cyclonedx-maven-plugin up to 2.9.3 at least), so there is no SBOM to
     * check: the SBOM checks are skipped then, and only then. Online, a missing SBOM fails.
     */
    private static JsonNode sbom(String suffix) throws IOException {
        assumeFalse("offline=true".equals(System.getProperty("artifacts.mode")) && !Files.exists(sbomPath(suffix)),
                "offline build: Maven skips CycloneDX's makeBom (it requires online mode), so there is no SBOM");
        JsonNode bom = JSON.readTree(Artifacts.file(suffix).toFile());
        assertEquals("CycloneDX", bom.path("bomFormat").asText());
        assertEquals("monitoring-readback-plan", bom.at("/metadata/component/name").asText());
        assertTrue(bom.path("components").size() > 0, "no components");
        return bom;
    }

    private static Path sbomPath(String suffix) {
        return Path.of(System.getProperty("artifacts.directory", "target"), System.getProperty("artifacts.name", "") + suffix);
    }

    private static byte[] read(ZipFile jar, String path) throws IOException {
        ZipEntry entry = jar.getEntry(path);
        assertNotNull(entry, "missing " + path);
        return jar.getInputStream(entry).readAllBytes();
    }
}
