package dev.readbackplan.cli;

import dev.readbackplan.Outputs;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.util.Set;

/** Entry point of the runnable jar. */
public final class Main implements Runnable {
    /** This thread's job: initialise {@link BigDecimal}, or else remove the temporary files (the shutdown hook). */
    private final boolean bigDecimal;

    private Main(boolean bigDecimal) {
        this.bigDecimal = bigDecimal;
    }

    /** Not an API: the body of the two threads {@link #main(String[])} starts. */
    @Override
    public void run() {
        if (bigDecimal) {
            BigDecimal.ONE.signum();
        } else {
            Outputs.removeTemporaryFiles();
        }
    }

    public static void main(String[] args) {
        // The jar carries slf4j-nop; naming it spares slf4j a service-loader scan of the class path,
        // and slf4j then reports that choice at INFO level unless told to report warnings only.
        System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        startBigDecimalInitialisation(args);
        // SIGTERM or Ctrl-C during a write: the temporary file goes, the target stays as it was.
        // Main itself as the threads' body, not a lambda or a class of its own: the launcher's caches
        // are trained through Train, which loads Main but never runs it, so a lambda of Main would be
        // spun at run time (bootstrapping the class-file API on this thread) and a nested class read
        // from the jar (see docs/performance.md).
        Runtime.getRuntime().addShutdownHook(new Thread(new Main(false), "readback-plan-temporary-files"));
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
        if (status != Cli.OK) {
            System.exit(status);
        }
        // A clean run ends by returning: the JVM then exits as main does (every thread the program
        // starts is a daemon; NoLingeringThreadTest holds it), with status 0 and the same shutdown
        // hooks. System.exit would first look up a system logger for java.lang.Runtime (JDK 21 and
        // later), a service-loader scan of the class path: about 6 ms at the end of every run on JDK 25.
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
        Thread thread = new Thread(new Main(true), "readback-plan-bigdecimal");
        thread.setDaemon(true);
        thread.start();
    }

    /** The options after which the program reads no JSON: it prints and exits. */
    private static final Set<String> READS_NO_JSON = Set.of("--version", "--help", "-h", "--man", "--completion");
}
