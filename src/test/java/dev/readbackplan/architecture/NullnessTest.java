package dev.readbackplan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The exported packages are {@code @NullMarked} (JSpecify), so that NullAway, which the build runs on
 * them (maven-compiler-plugin, default-compile), checks them; the generated model is exported but
 * not marked: its bean properties are null until set.
 */
class NullnessTest {

    @Test
    void everyExportedPackageButTheModelIsNullMarked() throws IOException {
        String module = Files.readString(Path.of("src/main/java/module-info.java"), StandardCharsets.UTF_8);
        Matcher exports = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+);").matcher(module);
        List<String> marked = new ArrayList<>();
        List<String> exported = new ArrayList<>();
        while (exports.find()) {
            String name = exports.group(1);
            exported.add(name);
            Path info = Path.of("src/main/java", name.replace('.', '/'), "package-info.java");
            String text = Files.readString(info, StandardCharsets.UTF_8);
            if (text.contains("@NullMarked\npackage " + name + ";") && text.contains("import org.jspecify.annotations.NullMarked;")) {
                marked.add(name);
            }
        }
        assertTrue(exported.contains("dev.readbackplan.model"), exported::toString);
        exported.remove("dev.readbackplan.model");
        assertEquals(exported, marked);
    }
}
