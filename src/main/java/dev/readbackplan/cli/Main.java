package dev.readbackplan.cli;

import dev.readbackplan.Outputs;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // The jar carries slf4j-nop; naming it spares slf4j a service-loader scan of the class path,
        // and slf4j then reports that choice at INFO level unless told to report warnings only.
        System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        // SIGTERM or Ctrl-C during a write: the temporary file goes, the target stays as it was.
        Runtime.getRuntime().addShutdownHook(new Thread(Outputs::removeTemporaryFiles, "readback-plan-temporary-files"));
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
}
