package app.dispatch.check;

import java.io.InputStream;
import java.lang.reflect.Field;
import opennlp.tools.chunker.ChunkerModel;
import org.languagetool.chunking.EnglishChunker;
import org.languagetool.tools.Tools;

/**
 * English chunking with a narrower beam. LanguageTool's {@link EnglishChunker} runs OpenNLP's chunker
 * with its default beam of 10 sequences for every sentence; that was the largest single cost of a check
 * (decision 0604). A beam of 3 gave the same chunk tags on every token of our news test set, so the
 * rules that read chunk tags see the same input. LanguageTool has no setting for this: the chunker reads
 * its model from a private static field, which we fill once with the same model and a beam of 3. When a
 * LanguageTool upgrade renames the field, nothing is installed and checks run with the stock beam
 * ({@link #installed()} says so, and a test fails).
 */
final class ChunkerBeam {
    /** Sequences the chunker keeps per token (OpenNLP's default is 10). */
    static final int BEAM = 3;
    static final String MODEL = "/en-chunker.bin";

    private static volatile boolean installed;

    private ChunkerBeam() {
    }

    /** Loads the chunker model with {@link #BEAM} and hands it to LanguageTool's English chunker. Idempotent. */
    static synchronized boolean install() {
        if (installed) {
            return true;
        }
        try (InputStream in = Tools.getStream(MODEL)) {
            ChunkerModel stock = new ChunkerModel(in);
            ChunkerModel narrow = new ChunkerModel("en", stock.getChunkerModel(), BEAM, null, stock.getFactory());
            modelField().set(null, narrow);
            installed = true;
        } catch (Exception | LinkageError e) {
            installed = false;
        }
        return installed;
    }

    static boolean installed() {
        return installed;
    }

    /** The beam LanguageTool's English chunker will use, read back from the model it holds (10 when none is set). */
    static int currentBeam() {
        try {
            Object model = modelField().get(null);
            if (!(model instanceof ChunkerModel m)) {
                return 10;
            }
            String beam = m.getManifestProperty(opennlp.tools.ml.BeamSearch.BEAM_SIZE_PARAMETER);
            return beam == null ? 10 : Integer.parseInt(beam);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static Field modelField() throws NoSuchFieldException {
        Field f = EnglishChunker.class.getDeclaredField("chunkerModel");
        f.setAccessible(true);
        return f;
    }
}
