package app.dispatch.cli;

import app.dispatch.domain.DispatchException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The `dispatch` command line: a public interface. Commands, options, exit codes (0 ok, 1 failure,
 * 2 bad usage) and --json field names are stable once shipped: extend, never rename.
 */
@Command(name = "dispatch", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Dispatch, an offline-first newsroom editor. With no command, opens the app.",
        subcommands = {
                ListCommand.class,
                NewCommand.class,
                ShowCommand.class,
                ImportCommand.class,
                ExportCommand.class,
                ValidateCommand.class,
                RevisionsCommand.class,
                RestoreCommand.class,
                TrashCommand.class,
                AttachCommand.class,
                MediaCommand.class,
                MediaSetCommand.class,
                BenchCommand.class,
                SourceCommand.class,
                CiteCommand.class,
                StatusCommand.class,
                CommentsCommand.class,
                CommentCommand.class,
                CheckCommand.class,
                ProfileCommand.class,
                SearchCommand.class,
                GenerateCommand.class,
                CommandLine.HelpCommand.class
        })
public final class DispatchCommand implements Runnable {
    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "library folder (default: $DISPATCH_HOME, else the OS data folder)")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Builds the command line with Dispatch's error handling and exit codes. */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new DispatchCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            Throwable t = ex;
            if (t instanceof DispatchException || t instanceof IllegalArgumentException) {
                line.getErr().println("dispatch: " + t.getMessage());
            } else {
                line.getErr().println("dispatch: " + t);
                if (System.getenv("DISPATCH_DEBUG") != null) {
                    t.printStackTrace(line.getErr());
                }
            }
            line.getErr().flush();
            return ExitCodes.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            line.getErr().println("dispatch: " + ex.getMessage());
            line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
            line.getErr().flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
        int code = create(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
