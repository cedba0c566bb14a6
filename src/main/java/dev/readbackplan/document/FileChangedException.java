package dev.readbackplan.document;

import java.nio.file.FileSystemException;

/**
 * Thrown when a file this library was about to replace no longer holds what it read: someone saved
 * it while the run was going. Nothing was written; the file keeps what was saved. Run again to work
 * on the new content.
 */
public class FileChangedException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a file that no longer holds what the run read.
     *
     * @param file the file that changed, as the caller named it
     */
    public FileChangedException(String file) {
        super(file, null, "changed while this run was reading it (saved by someone else?); nothing was written");
    }
}
