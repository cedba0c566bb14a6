package dev.readbackplan.cli;

import dev.readbackplan.Outputs;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.util.Set;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // The jar carries slf4j-nop; naming it spares slf4j a service-loader scan of the class path,
        // and slf4j then reports that choice at INFO level unless told to report warnings only.
        System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        startBigDecimalInitialisation(args);
        // SIGTERM or Ctrl-C during a write: the temporary file goes, the target stays as it was.
        // Named classes, not a lambda or a method reference: the caches are trained through Train, not
        // Main, so a lambda of Main would be spun at run time (see docs/performance.md).
        Runtime.getRuntime().addShutdownHook(new Thread(new RemoveTemporaryFiles(), "readback-plan-temporary-files"));
        // Raw descriptors: the plan is written as bytes, buffered by the writer, not through System.out.
        int status;
        try {
            status = new Cli().run(args, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
        } catch (OutOfMemoryError e) {
            // Run out again while reporting it (Cli reports memory running out with the document's size):
            // the shortest message that still says what to do, without a stack trace.
            status = Cli.USAGE_OR_IO;
            try {
                System.err.println(Cli.outOfMemoryMessage(0, Runtime.getRuntime().maxMemory()));
            } catch (OutOfMemoryError again) {
                // Nothing more can be said; the status still tells.
            }
        }
        System.exit(status);
    }

    /**
     * Initialises {@link BigDecimal} on a thread of its own, beside argument parsing and file reading,
     * for every command that reads JSON. JDK 25's {@code BigDecimal} computes 5^(2^16) in its static
     * initialiser (a cache added by JDK-8341470): 20 to 30 ms at the JIT's first tier, against half a
     * millisecond on JDK 17, and on the critical path of every command, since Jackson's parser base
     * class holds {@code BigDecimal} constants and the first parser initialises it. The options that
     * read no JSON skip it. A daemon thread: the JVM exits without waiting for it.
     */
    private static void startBigDecimalInitialisation(String[] args) {
        for (String arg : args) {
            if (READS_NO_JSON.contains(arg)) {
                return;
            }
        }
        Thread thread = new Thread(new InitialiseBigDecimal(), "readback-plan-bigdecimal");
        thread.setDaemon(true);
        thread.start();
    }

    /** Removes the temporary files of unfinished writes (the shutdown hook). */
    private static final class RemoveTemporaryFiles implements Runnable {
        @Override
        public void run() {
            Outputs.removeTemporaryFiles();
        }
    }

    /** Runs {@link BigDecimal}'s static initialiser. */
    private static final class InitialiseBigDecimal implements Runnable {
        @Override
        public void run() {
            BigDecimal.ONE.signum();
        }
    }

    /** The options after which the program reads no JSON: it prints and exits. */
    private static final Set<String> READS_NO_JSON = Set.of("--version", "--help", "-h", "--man", "--completion");
}
