package app.dispatch.service;

import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Child JVM for SearchCrashTest: saves stories in a loop until it is killed. */
public final class SearchCrashChild {
    private SearchCrashChild() {
    }

    public static void main(String[] args) {
        Library lib = Library.open(Path.of(args[0]));
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stories.add(lib.stories().create(StoryContent.blank("en").withHeadline("Story " + i).withBodyHtml("<p>start</p>")));
        }
        for (int round = 0; ; round++) {
            Story s = stories.get(round % stories.size());
            lib.stories().saveContent(s.id(), s.content().withHeadline("Story round " + round)
                    .withBodyHtml("<p>marker w" + round + " and some words about floods and elections</p>"));
            System.out.println("saved " + round);
            System.out.flush();
        }
    }
}
