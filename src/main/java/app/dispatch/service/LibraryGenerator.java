package app.dispatch.service;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.store.StoryStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Builds a synthetic library for benchmarks and demos: Zipf-distributed words (so there are very
 * common and very rare terms), realistic story lengths, English with Persian, Arabic, French,
 * Spanish and German stories, tags, sections, bylines and statuses. The same seed gives the same library.
 */
public final class LibraryGenerator {
    /** A word every English story contains many times. */
    public static final String COMMON_WORD = "the";
    /** A word at the far tail of the vocabulary: a few hundred stories in 100,000. */
    public static final String RARE_WORD;
    public static final String PHRASE = "prime minister";

    private static final String[] EN = ("the of and to in a that for on is said was with by as at from it his be "
            + "have are were has an not but which their they this had been will after who also would its more than "
            + "about over government people year two new first police city officials state minister election president "
            + "country last told week when could one three security people water health council court report border "
            + "village school hospital market river power road budget protest harvest drought ceasefire refugee vote "
            + "parliament flood electricity electoral elected elect economy inflation journalist newspaper province "
            + "district governor army talks agreement aid workers families children women farmers prices fuel "
            + "capital regional national international local community leaders opposition party campaign result "
            + "weather storm earthquake rescue damage homes roads bridge company bank trade exports imports million "
            + "billion percent according spokesman statement interview witness residents thousands hundreds dozens")
            .split(" ");
    private static final String[] FR = ("le la les des une dans pour avec été élection ministre président gouvernement "
            + "sécurité santé école hôpital marché réfugiés café économie société électricité région député"
            + " année première déclaré policière frontière village inondation sécheresse récolte")
            .split(" ");
    private static final String[] ES = ("el la los las una para con según elección ministro presidente gobierno "
            + "seguridad salud escuela hospital mercado refugiados economía años región político información")
            .split(" ");
    private static final String[] DE = ("der die das und mit für über Wahl Minister Präsident Regierung Sicherheit "
            + "Gesundheit Schule Krankenhaus Flüchtlinge Wirtschaft Straße Brücke Überschwemmung Dürre Ernte")
            .split(" ");
    private static final String[] FA = ("در و به از که این با را برای است شد انتخابات وزیر رئیس دولت امنیت سلامت "
            + "مدرسه بیمارستان بازار پناهندگان اقتصاد کابل تهران سیل خشکسالی برق آب مردم کشور شهر روستا مجلس گزارش "
            + "خبرنگار پلیس مرز قیمت کودکان زنان کشاورزان")
            .split(" ");
    private static final String[] AR = ("في من على إلى أن عن مع هذا التي الذي الانتخابات الوزير الرئيس الحكومة الأمن "
            + "الصحة المدرسة المستشفى السوق اللاجئين الاقتصاد بغداد القاهرة الفيضانات الجفاف الكهرباء الماء الناس "
            + "البلاد المدينة القرية البرلمان تقرير الصحفي الشرطة الحدود الأسعار الأطفال النساء المزارعين")
            .split(" ");
    private static final String[] SECTIONS = {"World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion", "Local"};
    private static final String[] TAGS = {"politics", "elections", "climate", "economy", "health", "education", "conflict",
        "refugees", "energy", "water", "courts", "culture", "sport", "technology", "agriculture", "human rights",
        "migration", "corruption", "infrastructure", "weather"};
    private static final String[] NAMES = {"Amina Yusuf", "José Álvarez", "Zoë Müller", "Chloé Dubois", "Søren Ølgaard",
        "Farida Ahmadi", "محمد رضایی", "فاطمه حسینی", "أحمد الخطيب", "ليلى منصور", "Tom Baker", "Priya Nair", "Ali Karimi",
        "María González", "François Lefèvre", "Jürgen Weiß", "Nadia Haddad", "Sam Okafor", "Lena Kowalska", "Omar Faruq"};
    private static final String[] PHRASES = {"prime minister", "climate change", "human rights", "interest rates",
        "peace talks", "polling stations", "health ministry", "aid agencies"};
    private static final String[] PLACES = {"Kabul", "Tehran", "Baghdad", "Cairo", "Paris", "Madrid", "Berlin", "Nairobi",
        "Lagos", "Delhi", "Herat", "Mazar-i-Sharif", "Montréal", "São Paulo"};
    private static final Status[] STATUS_MIX = {Status.DRAFT, Status.DRAFT, Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW,
        Status.CHANGES_REQUESTED, Status.APPROVED, Status.APPROVED, Status.EXPORTED, Status.EXPORTED};

    private static final String[] VOCAB;
    private static final double[] CUMULATIVE;

    static {
        Random v = new Random(7);
        String[] syllables = "ka lo mi ra ten vo su pa ril dan or ne bi cal mu sta ver ion tha gre pol dru fen zi ko".split(" ");
        List<String> words = new ArrayList<>(Arrays.asList(EN));
        java.util.Set<String> seen = new java.util.HashSet<>(words);
        while (words.size() < 30_000) {
            StringBuilder w = new StringBuilder();
            int parts = 2 + v.nextInt(3);
            for (int p = 0; p < parts; p++) {
                w.append(syllables[v.nextInt(syllables.length)]);
            }
            if (seen.add(w.toString())) {
                words.add(w.toString());
            }
        }
        VOCAB = words.toArray(String[]::new);
        RARE_WORD = VOCAB[26_000];
        CUMULATIVE = new double[VOCAB.length];
        double sum = 0;
        for (int i = 0; i < VOCAB.length; i++) {
            sum += 1.0 / (i + 1);
            CUMULATIVE[i] = sum;
        }
        for (int i = 0; i < VOCAB.length; i++) {
            CUMULATIVE[i] /= sum;
        }
    }

    /** Words from the far tail of the vocabulary (each in a few hundred of 100,000 stories). */
    public static List<String> rareWords(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(VOCAB[26_000 + i * 97]);
        }
        return out;
    }

    /** The multi-word phrases stories contain. */
    public static List<String> phrases() {
        return List.of(PHRASES);
    }

    private final StoryStore store;
    private final Library library;

    public LibraryGenerator(Library library) {
        this.library = library;
        this.store = library.stories().store();
    }

    /** Inserts {@code count} stories in batches, then merges the search index; {@code progress} gets the number done. */
    public void generate(int count, long seed, IntConsumer progress) {
        Random rnd = new Random(seed);
        Instant base = Instant.parse("2016-01-01T06:00:00Z");
        int batch = 2_000;
        List<Story> stories = new ArrayList<>(batch);
        for (int i = 0; i < count; i++) {
            stories.add(story(rnd, seed, i, base.plusSeconds(i * 2_400L + rnd.nextInt(2_000))));
            if (stories.size() == batch || i == count - 1) {
                store.insertAll(stories);
                stories.clear();
                progress.accept(i + 1);
            }
        }
        library.search().store().optimize();
    }

    private static Story story(Random rnd, long seed, int i, Instant created) {
        int roll = rnd.nextInt(100);
        String lang = roll < 70 ? "en" : roll < 78 ? "fa" : roll < 83 ? "ar" : roll < 91 ? "fr" : roll < 96 ? "es" : "de";
        String headline = capitalise(sentence(rnd, lang, 6 + rnd.nextInt(7), 40));
        String standfirst = capitalise(sentence(rnd, lang, 15 + rnd.nextInt(16), 40)) + ".";
        int words = 150 + (int) Math.min(2_500, Math.exp(5.6 + rnd.nextGaussian() * 0.55));
        StringBuilder body = new StringBuilder();
        int done = 0;
        while (done < words) {
            int para = 30 + rnd.nextInt(50);
            body.append("<p>");
            for (int w = 0; w < para; ) {
                int len = 8 + rnd.nextInt(18);
                body.append(capitalise(sentence(rnd, lang, len, 0))).append(". ");
                w += len;
                done += len;
            }
            body.setLength(body.length() - 1);
            body.append("</p>");
        }
        List<String> tags = new ArrayList<>();
        for (int t = 0, n = 1 + rnd.nextInt(4); t < n; t++) {
            tags.add(TAGS[rnd.nextInt(TAGS.length)]);
        }
        List<String> bylines = new ArrayList<>();
        bylines.add(NAMES[rnd.nextInt(NAMES.length)]);
        if (rnd.nextInt(5) == 0) {
            bylines.add(NAMES[rnd.nextInt(NAMES.length)]);
        }
        Instant updated = created.plusSeconds(rnd.nextInt(86_400 * 3));
        Instant embargo = rnd.nextInt(30) == 0 ? updated.plusSeconds(3_600L * (1 + rnd.nextInt(48))) : null;
        String slug = "g" + Long.toString(seed, 36).replace('-', 'm') + "-" + i;
        StoryContent content = new StoryContent(slug, headline, standfirst, bylines,
                new Dateline(PLACES[rnd.nextInt(PLACES.length)], LocalDate.ofInstant(created, ZoneOffset.UTC)), body.toString(),
                tags, SECTIONS[rnd.nextInt(SECTIONS.length)], lang, 1 + rnd.nextInt(9), embargo, "");
        UUID id = new UUID((rnd.nextLong() & 0xffffffffffff0fffL) | 0x4000L, (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
        return new Story(id, content, STATUS_MIX[rnd.nextInt(STATUS_MIX.length)], created, updated, null, false, null);
    }

    /** {@code n} words; the first {@code skipCommon} vocabulary ranks are avoided (for headlines). */
    private static String sentence(Random rnd, String lang, int n, int skipCommon) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                sb.append(' ');
            }
            if ("en".equals(lang) && rnd.nextInt(60) == 0) {
                sb.append(PHRASES[rnd.nextInt(PHRASES.length)]);
                continue;
            }
            if (rnd.nextInt(40) == 0) {
                sb.append(NAMES[rnd.nextInt(NAMES.length)]);
                continue;
            }
            sb.append(word(rnd, lang, skipCommon));
        }
        return sb.toString();
    }

    private static String word(Random rnd, String lang, int skipCommon) {
        String[] local = switch (lang) {
            case "fa" -> FA;
            case "ar" -> AR;
            case "fr" -> FR;
            case "es" -> ES;
            case "de" -> DE;
            default -> null;
        };
        if (local != null && rnd.nextInt(5) != 0) {
            return local[(int) Math.min(local.length - 1, Math.abs(rnd.nextGaussian()) * local.length / 3)];
        }
        int idx;
        do {
            idx = Arrays.binarySearch(CUMULATIVE, rnd.nextDouble());
            idx = idx < 0 ? -idx - 1 : idx;
        } while (idx < skipCommon);
        return VOCAB[Math.min(idx, VOCAB.length - 1)];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1);
    }
}
