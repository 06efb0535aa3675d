package app.dispatch.domain;

/** The ninjs schema a package's story.ninjs.json is written for. 3.1 is the default. */
public enum NinjsVersion {
    V3_1("3.1"), V2_2("2.2");

    private final String label;

    NinjsVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static NinjsVersion parse(String s) {
        for (NinjsVersion v : values()) {
            if (v.label.equals(s == null ? "" : s.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("ninjs version must be 3.1 or 2.2, was " + s);
    }
}
