package app.dispatch.cli;

import app.dispatch.domain.Highlights;
import app.dispatch.domain.SearchFilter;
import app.dispatch.domain.SearchHit;
import app.dispatch.domain.SearchPage;
import app.dispatch.domain.SearchSort;
import app.dispatch.domain.Status;
import app.dispatch.service.Library;
import app.dispatch.service.SearchService;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the library's stories (trash excluded), best match first.",
            "QUERY: words (all must match), elect* (prefix), \"a phrase\", -word (leave out), a OR b,",
            "headline:word, tag:word, by:name, section:name, status:draft. Anything else is searched as plain words."})
final class SearchCommand extends LibraryCommand {
    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "what to search for")
    List<String> query;

    @Option(names = "--json", description = "print JSON: {query, total, totalExact, notice, results: [{id, slug, headline, "
            + "status, section, bylines, language, updatedAt, rank, snippet, highlights, headlineHighlights}]}")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N results, 1-500 (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "skip the first N results (paging)")
    int offset;

    @Option(names = "--status", paramLabel = "S", description = "only this status (repeatable): draft, submitted, in-review, changes-requested, approved, exported")
    List<String> statuses;

    @Option(names = "--since", paramLabel = "DATE", description = "updated on or after DATE (YYYY-MM-DD, UTC, or an ISO instant)")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "updated on or before DATE (YYYY-MM-DD, whole day, UTC) or before an ISO instant")
    String until;

    @Option(names = "--section", paramLabel = "NAME", description = "only this section")
    String section;

    @Option(names = "--tag", paramLabel = "TAG", description = "only stories with this tag")
    String tag;

    @Option(names = "--author", paramLabel = "NAME", description = "only stories whose bylines contain NAME")
    String author;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance or newest (default: ${DEFAULT-VALUE})")
    String sort;

    @Override
    protected int run(Library library) throws Exception {
        if (limit < 1 || limit > SearchService.MAX_LIMIT) {
            throw usage("--limit must be between 1 and " + SearchService.MAX_LIMIT);
        }
        if (offset < 0) {
            throw usage("--offset must not be negative");
        }
        Set<Status> wanted = EnumSet.noneOf(Status.class);
        if (statuses != null) {
            for (String s : statuses) {
                wanted.add(Status.fromCliName(s).orElseThrow(() -> usage("unknown status '" + s
                        + "' (draft, submitted, in-review, changes-requested, approved, exported)")));
            }
        }
        SearchSort order = switch (sort.strip().toLowerCase()) {
            case "relevance", "rank" -> SearchSort.RELEVANCE;
            case "newest", "date" -> SearchSort.NEWEST;
            default -> throw usage("--sort is relevance or newest, not '" + sort + "'");
        };
        SearchFilter filter = new SearchFilter(wanted, author, section, tag, time(since, "--since", false),
                time(until, "--until", true), null, null);
        String q = String.join(" ", query);
        SearchPage page = library.search().search(q, filter, order, limit, offset);
        if (json) {
            ObjectNode o = object();
            o.put("query", q);
            o.put("total", page.total());
            o.put("totalExact", page.totalExact());
            o.put("notice", page.notice());
            ArrayNode arr = o.putArray("results");
            page.hits().forEach(h -> arr.add(hit(h)));
            printJson(o);
        } else {
            if (page.hits().isEmpty()) {
                out().println(page.notice().isEmpty() ? "nothing found" : "nothing found: " + page.notice());
                return ExitCodes.OK;
            }
            for (SearchHit h : page.hits()) {
                out().printf("%s  %-17s  %s  %s%n", h.id().toString().substring(0, 8), h.status().cliName(),
                        h.updatedAt().toString().substring(0, 10), Highlights.render(h.headlineMarked(), "«", "»"));
                out().println("    " + Highlights.render(h.snippetMarked(), "«", "»").replace('\n', ' '));
            }
            out().printf("%s%d %s%s%n", page.totalExact() ? "" : "more than ", page.total(),
                    page.total() == 1 ? "story" : "stories", page.notice().isEmpty() ? "" : " (" + page.notice() + ")");
        }
        return ExitCodes.OK;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private Instant time(String value, String option, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw usage(option + " takes a date like 2026-11-25 or an instant like 2026-11-25T10:00:00Z, not '" + value + "'");
            }
        }
    }

    static ObjectNode hit(SearchHit h) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", h.id().toString());
        o.put("slug", h.slug());
        o.put("headline", h.headline());
        o.put("status", h.status().cliName());
        o.put("section", h.section());
        ArrayNode by = o.putArray("bylines");
        h.bylines().forEach(by::add);
        o.put("language", h.language());
        o.put("updatedAt", StoryJson.time(h.updatedAt()));
        o.put("rank", h.rank());
        o.put("snippet", Highlights.plain(h.snippetMarked()));
        spans(o.putArray("highlights"), h.snippetMarked());
        spans(o.putArray("headlineHighlights"), h.headlineMarked());
        return o;
    }

    /** Matched ranges as code-point offsets [start, end) into the unmarked text. */
    private static void spans(ArrayNode arr, String marked) {
        int at = 0;
        for (Highlights.Run r : Highlights.runs(marked)) {
            int len = r.text().codePointCount(0, r.text().length());
            if (r.highlighted()) {
                ObjectNode span = arr.addObject();
                span.put("start", at);
                span.put("end", at + len);
            }
            at += len;
        }
    }
}
