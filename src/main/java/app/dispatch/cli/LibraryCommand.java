package app.dispatch.cli;

import app.dispatch.service.DataDirs;
import app.dispatch.service.Library;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;

/** Base of the commands that open the library: resolves the folder, opens, runs, closes. */
abstract class LibraryCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    Object parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (Library library = Library.open(DataDirs.resolve(root().dataDir))) {
            return run(library);
        }
    }

    protected abstract int run(Library library) throws Exception;

    DispatchCommand root() {
        Object p = parent;
        CommandLine cl = spec.commandLine();
        while (!(p instanceof DispatchCommand) && cl.getParent() != null) {
            cl = cl.getParent();
            p = cl.getCommand();
        }
        return (DispatchCommand) p;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    void printJson(Object node) throws Exception {
        out().println(JSON.writeValueAsString(node));
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }
}
