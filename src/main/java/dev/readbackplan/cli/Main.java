package dev.readbackplan.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Raw descriptors: the plan is written as bytes, buffered by the writer, not through System.out.
        System.exit(new Cli().run(args, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err)));
    }
}
