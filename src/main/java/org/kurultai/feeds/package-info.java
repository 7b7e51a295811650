/**
 * The public record made findable: Atom feeds (RFC 4287, written with Rome) of the decisions adopted, the documents
 * published, the meetings, the timeline and the CICA Fund's projects approved ({@code /feeds/*.atom}), the sitemap ({@code /sitemap.xml}, sitemaps.org) and
 * {@code /robots.txt}, and what every public page says of itself to other sites (Open Graph title, description, type,
 * address and language; the feeds it has as {@code <link rel="alternate">}: {@link org.kurultai.feeds.PageMeta}).
 * Everything is read through the modules' read paths as the public sees it ({@code Viewer.PUBLIC}), whoever asks;
 * validators come from the data versions. Owns no table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feeds")
@org.jspecify.annotations.NullMarked
package org.kurultai.feeds;
