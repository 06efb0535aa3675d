package app.dispatch.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.List;
import opennlp.tools.chunker.ChunkerME;
import opennlp.tools.chunker.ChunkerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.Test;
import org.languagetool.tools.Tools;

/** The narrower chunker beam (decision 0604) gives the chunk tags LanguageTool's default beam gives. */
class ChunkerBeamTest {
    private static final List<String> NEWS = List.of(
            "The river rose overnight after three days of heavy rain in the mountains.",
            "Officials said at least twelve people had died and dozens were missing.",
            "\"We lost everything in one night,\" said Maria Okonkwo, who runs a bakery in Mombasa.",
            "The central bank held its main interest rate at 4 per cent on Thursday, as most economists had expected.",
            "Prosecutors say the former minister took bribes worth 300 thousand dollars from a builder.",
            "The bill passed by 317 votes to 212 after a debate that lasted into the early hours.",
            "Engineers from the regional water board inspected the dam at Kharkiv and found cracks in the spillway.",
            "Rescue workers pulled a girl alive from the rubble of a hotel on Sunday.",
            "The number of victims are rising.", "The dog wagged it's tail.", "There is many people without homes.",
            "Each of the officers have a radio.", "These kind of storms are rare.", "He has went to the capital.",
            "Critics such as Kenji Tanaka say the law gives the police too much power to stop and search people.",
            "The company said it would cut 450 jobs and close its factory in Gdańsk next year.");

    @Test
    void narrowBeamGivesTheSameChunkTagsAsTheDefault() throws Exception {
        ChunkerModel stock = load(ChunkerBeam.MODEL, ChunkerModel::new);
        ChunkerModel narrow = new ChunkerModel("en", stock.getChunkerModel(), ChunkerBeam.BEAM, null, stock.getFactory());
        TokenizerME tokenizer = new TokenizerME(load("/en-token.bin", TokenizerModel::new));
        POSTaggerME tagger = new POSTaggerME(load("/en-pos-maxent.bin", POSModel::new));
        for (String sentence : NEWS) {
            String[] tokens = tokenizer.tokenize(sentence);
            String[] tags = tagger.tag(tokens);
            assertArrayEquals(new ChunkerME(stock).chunk(tokens, tags), new ChunkerME(narrow).chunk(tokens, tags), sentence);
        }
    }

    @Test
    void installedBeamIsTheNarrowOne() {
        ChunkerBeam.install();
        assertEquals(ChunkerBeam.BEAM, ChunkerBeam.currentBeam(), "LanguageTool's English chunker holds our model");
    }

    private interface Loader<T> {
        T load(InputStream in) throws Exception;
    }

    private static <T> T load(String resource, Loader<T> loader) throws Exception {
        try (InputStream in = Tools.getStream(resource)) {
            return loader.load(in);
        }
    }
}
