package app.dispatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs one `dispatch` command line in process on a library folder, as a script would, and keeps what it printed. */
record CliRun(int code, String out, String err) {
    static CliRun on(Path dataDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = DispatchCommand.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
        return new CliRun(code, out.toString(), err.toString());
    }
}
