package dev.readbackplan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The classes a child JVM loaded, read from its {@code -Xlog:class+load=info:file=LOG} log. */
public final class LoadedClasses {
    private static final String TAG = "[class,load] ";

    private LoadedClasses() {}

    /**
     * The class names of every load line, in order.
     *
     * @param log the log file, lines such as {@code [0.012s][info][class,load] java.lang.Object source: shared objects file}
     * @return the loaded classes' names
     * @throws IOException when the log cannot be read
     */
    public static List<String> fromLog(Path log) throws IOException {
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int tag = line.indexOf(TAG);
            if (tag >= 0) {
                String rest = line.substring(tag + TAG.length());
                int space = rest.indexOf(' ');
                classes.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        return classes;
    }
}
