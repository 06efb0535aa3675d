package app.dispatch.service;

import java.util.List;

/** Changes to a picture's descriptive fields; a null field is left as it is. */
public record MediaEdit(String caption, String credit, String creator, String copyrightNotice, String usageTerms,
                        String altText, String city, String country, List<String> keywords) {
    public static final MediaEdit NONE = new MediaEdit(null, null, null, null, null, null, null, null, null);

    public MediaEdit withCaption(String v) {
        return new MediaEdit(v, credit, creator, copyrightNotice, usageTerms, altText, city, country, keywords);
    }

    public MediaEdit withCredit(String v) {
        return new MediaEdit(caption, v, creator, copyrightNotice, usageTerms, altText, city, country, keywords);
    }

    public MediaEdit withCreator(String v) {
        return new MediaEdit(caption, credit, v, copyrightNotice, usageTerms, altText, city, country, keywords);
    }

    public MediaEdit withCopyrightNotice(String v) {
        return new MediaEdit(caption, credit, creator, v, usageTerms, altText, city, country, keywords);
    }

    public MediaEdit withUsageTerms(String v) {
        return new MediaEdit(caption, credit, creator, copyrightNotice, v, altText, city, country, keywords);
    }

    public MediaEdit withAltText(String v) {
        return new MediaEdit(caption, credit, creator, copyrightNotice, usageTerms, v, city, country, keywords);
    }

    public MediaEdit withCity(String v) {
        return new MediaEdit(caption, credit, creator, copyrightNotice, usageTerms, altText, v, country, keywords);
    }

    public MediaEdit withCountry(String v) {
        return new MediaEdit(caption, credit, creator, copyrightNotice, usageTerms, altText, city, v, keywords);
    }

    public MediaEdit withKeywords(List<String> v) {
        return new MediaEdit(caption, credit, creator, copyrightNotice, usageTerms, altText, city, country, v);
    }
}
