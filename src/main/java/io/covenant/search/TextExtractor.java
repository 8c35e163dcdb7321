package io.covenant.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a document into clean text with its sections. HTML (SEC inline XBRL included) loses its markup, hidden XBRL
 * header and scripts, and keeps its block structure as lines; SEC items ("Item 1A. Risk Factors") become sections,
 * the last heading of each part and item winning so that the table of contents does not; Markdown headings are
 * sections too.
 */
final class TextExtractor {

    private static final Pattern ITEM =
            Pattern.compile("(?i)^item\\s*(\\d{1,2}[a-c]?)\\s*[.:\\-\u2014\u2013]?\\s*(.{0,160})$");

    private static final Pattern PART = Pattern.compile("(?i)^part\\s+(i{1,3}|iv)\\b.{0,80}$");

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.{1,200})$");

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "br",
            "tr",
            "li",
            "table",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "section",
            "article",
            "header",
            "footer",
            "ul",
            "ol",
            "blockquote",
            "pre",
            "hr",
            "title");

    private TextExtractor() {}

    static ExtractedText extract(String content, boolean html) {
        String text = html ? htmlToText(content) : normalize(content);
        return new ExtractedText(text, sections(text));
    }

    /** Whether content is HTML rather than text, judged by its start. */
    static boolean looksLikeHtml(String content) {
        String head = content.substring(0, Math.min(content.length(), 2000))
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html")
                || head.startsWith("<html")
                || head.startsWith("<?xml") && head.contains("<html")
                || head.contains("<body");
    }

    private static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, ix|header, [style~=(?i)display:\\s*none]")
                .remove();
        StringBuilder out = new StringBuilder(html.length() / 6);
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            String s = t.getWholeText().replace('\u00a0', ' ');
                            if (!s.isBlank()) {
                                if (out.length() > 0
                                        && !Character.isWhitespace(out.charAt(out.length() - 1))
                                        && Character.isWhitespace(s.charAt(0))) {
                                    out.append(' ');
                                }
                                out.append(s.strip().replaceAll("\\s+", " "));
                                if (Character.isWhitespace(s.charAt(s.length() - 1))) {
                                    out.append(' ');
                                }
                            }
                        } else if (node instanceof Element e) {
                            if (BLOCKS.contains(e.normalName())) {
                                out.append('\n');
                            } else if (e.normalName().equals("td")
                                    || e.normalName().equals("th")) {
                                out.append(' ');
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e
                                && BLOCKS.contains(e.normalName())
                                && !e.normalName().equals("br")) {
                            out.append('\n');
                        }
                    }
                },
                document.body() == null ? document : document.body());
        return normalize(out.toString());
    }

    /** One space inside lines, no trailing spaces, at most one blank line between paragraphs. */
    private static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String l = line.replace('\u00a0', ' ')
                    .replaceAll("[ \\t\\f\\x0B]+", " ")
                    .strip();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(l);
        }
        return out.toString();
    }

    private static List<ExtractedText.Section> sections(String text) {
        Map<String, ExtractedText.Section> items = new LinkedHashMap<>();
        List<ExtractedText.Section> headings = new ArrayList<>();
        String part = null;
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            Matcher item = ITEM.matcher(l);
            Matcher heading = HEADING.matcher(l);
            if (PART.matcher(l).matches() && l.length() < 90) {
                part = l.replaceAll("(?i)^part\\s+(\\S+).*", "$1").toUpperCase(Locale.ROOT);
            } else if (item.matches() && !l.matches(".*\\s\\d{1,3}$")) {
                String code = item.group(1).toUpperCase(Locale.ROOT);
                String title = ("Item " + code + ". " + item.group(2).replaceAll("^[#*\\s]+", "")).strip();
                // The table of contents names every item first; the heading in the body comes last and wins.
                items.put(part + "|" + code, new ExtractedText.Section(offset, title, part, code));
            } else if (heading.matches()) {
                String title = heading.group(1).replaceAll("[#*]+$", "").strip();
                Matcher headingItem = ITEM.matcher(title);
                if (headingItem.matches()) {
                    String code = headingItem.group(1).toUpperCase(Locale.ROOT);
                    items.put(
                            part + "|" + code,
                            new ExtractedText.Section(
                                    offset, ("Item " + code + ". " + headingItem.group(2)).strip(), part, code));
                } else {
                    headings.add(new ExtractedText.Section(offset, title, part, null));
                }
            }
            offset += line.length() + 1;
        }
        List<ExtractedText.Section> sections = new ArrayList<>(items.values());
        if (sections.isEmpty()) {
            sections.addAll(headings);
        }
        sections.sort(Comparator.comparingInt(ExtractedText.Section::start));
        return List.copyOf(sections);
    }
}
